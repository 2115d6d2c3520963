// Command tollgate checks project-management documents against procedure
// rules written as policy-as-code. See README.md.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"

	"github.com/tollgate-dev/tollgate/internal/cli"
)

func main() {
	collectFrom(firstCollection())
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// defaultFirstCollection is the heap size tollgate reaches before its
// first garbage collection.
//
// Why: a run is short and its heap mostly grows (compiled rules, the
// documents, the rules' input), so collecting a small, growing heap is
// nearly all cost. Up to this size nothing is collected; from the first
// collection on, Go's normal pacing (GOGC) applies, so a large input's
// peak memory is what it was. Measured side by side on 2 cores: the example
// program 0.56 → 0.47 s (CPU 0.86 → 0.74 s) for 69 → 81 MB; a 1,000-task
// schedule 0.52 → 0.42 s for 76 → 85 MB; 96 MiB bought little more speed
// for another 25 MB.
const defaultFirstCollection = 64 << 20

// firstCollection is defaultFirstCollection, TOLLGATE_FIRST_GC (bytes) when
// set, or 0 — collect as Go does — when GOGC or GOMEMLIMIT is set (the
// user tunes the collector themselves).
func firstCollection() int64 {
	if v, err := strconv.ParseInt(os.Getenv("TOLLGATE_FIRST_GC"), 10, 64); err == nil {
		return v
	}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	return defaultFirstCollection
}

// collectFrom holds the collector off until the process's memory reaches
// size bytes (a memory limit with collection otherwise off), then restores
// the normal pacing after that first collection (a finalizer runs once a
// collection has found its object unreachable).
func collectFrom(size int64) {
	if size <= 0 {
		return
	}
	gcPercent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(size)
	sentinel := new([64]byte) // large enough to get an allocation of its own
	runtime.SetFinalizer(sentinel, func(*[64]byte) {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(limit)
	})
}
