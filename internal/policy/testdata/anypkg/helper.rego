package org.util

is_big(n) if n > 1000000
