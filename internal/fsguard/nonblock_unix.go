//go:build unix

package fsguard

import "syscall"

// nonBlock makes opening a FIFO return at once (reads then see no data
// rather than waiting for a writer); it changes nothing for regular files.
const nonBlock = syscall.O_NONBLOCK
