//go:build !unix

package fsguard

const nonBlock = 0
