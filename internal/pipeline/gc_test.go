package pipeline

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// HoldCollection turns the collector off up to the given size, and the first
// collection (here forced by allocating past it) restores the pacing and
// the memory limit the process had.
func TestHoldCollectionRestoresPacingAfterTheFirstCollection(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	limit := debug.SetMemoryLimit(-1)
	var cycles runtime.MemStats
	runtime.ReadMemStats(&cycles)
	start := cycles.NumGC

	HoldCollection(32 << 20)
	if got := gogc(); got != -1 {
		t.Fatalf("GOGC while holding off: %d, want off", got)
	}
	var keep [][]byte
	for i := 0; i < 64; i++ { // 64 MiB of garbage, in 1 MiB pieces
		keep = append(keep, make([]byte, 1<<20))
		if len(keep) > 4 {
			keep = keep[1:]
		}
	}
	deadline := time.Now().Add(30 * time.Second) // a hang guard: a loaded machine delays the collection
	for {
		got := gogc()
		if got == 100 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("GOGC still %d after the first collection", got)
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	if l := memoryLimit(); l != limit {
		t.Errorf("memory limit %d after the first collection, want %d restored", l, limit)
	}
	runtime.ReadMemStats(&cycles)
	if cycles.NumGC == start {
		t.Error("no collection ran: the memory limit did not trigger one")
	}
}

func TestFirstCollectionFollowsTheEnvironment(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("TOLLGATE_FIRST_GC", "")
	if got := FirstCollection(); got != defaultFirstCollection {
		t.Errorf("default: %d", got)
	}
	t.Setenv("GOGC", "200")
	if got := FirstCollection(); got != 0 {
		t.Errorf("with GOGC set: %d, want 0 (the user's pacing)", got)
	}
	t.Setenv("TOLLGATE_FIRST_GC", "1000")
	if got := FirstCollection(); got != 1000 {
		t.Errorf("TOLLGATE_FIRST_GC: %d", got)
	}
}

// gogc and memoryLimit read the collector's settings without changing them
// (debug.SetGCPercent would race with the finalizer that restores them).
func gogc() int64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return -2
	}
	v := int64(s[0].Value.Uint64())
	if v == 0 {
		return -1 // off
	}
	return v
}

func memoryLimit() int64 {
	s := []metrics.Sample{{Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// releaseCollection restores the pacing at once (a large input).
func TestReleaseCollectionRestoresPacingNow(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	HoldCollection(1 << 30)
	if got := gogc(); got != -1 {
		t.Fatalf("GOGC while holding off: %d, want off", got)
	}
	releaseCollection()
	if got := gogc(); got != 100 {
		t.Errorf("GOGC after release: %d, want 100", got)
	}
	releaseCollection() // idempotent
}
