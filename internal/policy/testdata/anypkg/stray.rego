package org.stray

allow if true
