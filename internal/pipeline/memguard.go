package pipeline

import (
	"context"
	"errors"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// errEvalMemory is the cancellation cause of evaluations stopped by the
// memory guard.
var errEvalMemory = errors.New("the memory budget of rule evaluation (limits.eval_memory) was exceeded")

// memGuard holds rule evaluation to limits.eval_memory. OPA has no memory
// control of its own, and rules may come from the checked pull request: a
// rule building value after value (each under the per-value bound of
// policy/guard.go) could still take every byte of the runner. The guard
// samples the heap while rules run; when it has grown past the budget
// over what the run held when evaluation began (and a collection does not
// bring it back), every evaluation in flight is cancelled with
// errEvalMemory (OPA stops at its next cancellation check; each of those
// documents gets a TG-EVAL-001 finding) and later evaluations start on a
// fresh context. The run itself goes on.
type memGuard struct {
	parent context.Context
	budget uint64
	base   uint64
	stopc  chan struct{}
	done   chan struct{}

	mu     sync.Mutex
	ctx    context.Context
	cancel context.CancelCauseFunc
}

// memGuardEvery is how often the heap is sampled.
const memGuardEvery = 10 * time.Millisecond

func startMemGuard(parent context.Context, budget int64) *memGuard {
	g := &memGuard{parent: parent, stopc: make(chan struct{}), done: make(chan struct{})}
	g.ctx, g.cancel = context.WithCancelCause(parent)
	if budget <= 0 {
		close(g.done)
		return g
	}
	g.budget = uint64(budget)
	g.base = heapBytes()
	go g.watch()
	return g
}

// context is the context evaluations started now run under.
func (g *memGuard) context() context.Context {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.ctx
}

// stop ends the sampling (and waits for it: no goroutine outlives a run).
func (g *memGuard) stop() {
	select {
	case <-g.done:
	default:
		close(g.stopc)
		<-g.done
	}
	g.cancel(nil)
}

func (g *memGuard) over() bool {
	h := heapBytes()
	return h > g.base && h-g.base > g.budget
}

func (g *memGuard) watch() {
	defer close(g.done)
	t := time.NewTicker(memGuardEvery)
	defer t.Stop()
	for {
		select {
		case <-g.stopc:
			return
		case <-g.parent.Done():
			return
		case <-t.C:
		}
		if !g.over() {
			continue
		}
		runtime.GC() // garbage is not usage: only live memory trips the guard
		if !g.over() {
			continue
		}
		g.mu.Lock()
		g.cancel(errEvalMemory)
		g.ctx, g.cancel = context.WithCancelCause(g.parent)
		g.mu.Unlock()
		// Let the cancelled evaluations stop and their values go before
		// sampling again.
		time.Sleep(5 * memGuardEvery)
		runtime.GC()
	}
}

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
var heapMu sync.Mutex

// heapBytes is the memory taken by heap objects now (live and not yet
// collected).
func heapBytes() uint64 {
	heapMu.Lock()
	defer heapMu.Unlock()
	metrics.Read(heapSample)
	if heapSample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return heapSample[0].Value.Uint64()
}
