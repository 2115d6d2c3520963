package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
)

// defaultFirstCollection is the memory tollgate reaches before its first
// garbage collection when the input is small.
//
// Why: a run is short and its heap mostly grows (compiled rules, the
// documents, the rules' input), so collecting a small, growing heap is
// nearly all cost. Up to this size nothing is collected; from the first
// collection on, Go's normal pacing (GOGC) applies. Measured side by side
// on 2 cores (25 alternating pairs, docs/performance.md): the example
// program 0.360 → 0.316 s (wall 0.91, CPU 0.89) for 86 → 91 MiB; earlier,
// a 1,000-task schedule 0.52 → 0.42 s for 76 → 85 MB; 96 MiB bought little
// more speed for another 25 MB. A large input (the same
// estimate as shortReading) is collected as Go does from the start: held
// off, its early garbage raised the peak (a 200,000-row sheet by 28 MB).
const defaultFirstCollection = 64 << 20

// FirstCollection is defaultFirstCollection, TOLLGATE_FIRST_GC (bytes)
// when set, or 0 — collect as Go does — when GOGC or GOMEMLIMIT is set
// (the user tunes the collector themselves).
func FirstCollection() int64 {
	if v, err := strconv.ParseInt(os.Getenv("TOLLGATE_FIRST_GC"), 10, 64); err == nil {
		return v
	}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	return defaultFirstCollection
}

// heldGC restores the collector's pacing once (releaseCollection); it does
// nothing unless HoldCollection held it.
var heldGC struct {
	sync.Mutex
	release func()
}

// HoldCollection holds the garbage collector off until the process's
// memory reaches size bytes (collection off, that memory limit on), then
// restores the pacing and limit the process had: after the first
// collection (a finalizer runs once a collection has found its object
// unreachable), or sooner when a check finds its input large. Called by
// main only: tests running the CLI in process keep Go's pacing.
func HoldCollection(size int64) {
	if size <= 0 {
		return
	}
	gcPercent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(size)
	var once sync.Once
	release := func() {
		once.Do(func() {
			debug.SetGCPercent(gcPercent)
			debug.SetMemoryLimit(limit)
		})
	}
	heldGC.Lock()
	heldGC.release = release
	heldGC.Unlock()
	sentinel := new([64]byte) // large enough to get an allocation of its own
	runtime.SetFinalizer(sentinel, func(*[64]byte) { release() })
}

// releaseCollection restores the collector's pacing now.
func releaseCollection() {
	heldGC.Lock()
	release := heldGC.release
	heldGC.Unlock()
	if release != nil {
		release()
	}
}
