package pipeline

import (
	"context"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// BenchmarkCheckExample is the whole pipeline (discover, read, classify,
// normalize, validate, evaluate, project rules) over the five documents of
// examples/harbor with an engine compiled once.
func BenchmarkCheckExample(b *testing.B) {
	eng := engine(b, map[string]any{"as_of": "2026-11-16"})
	b.ResetTimer()
	for range b.N {
		if _, err := Run(context.Background(), Options{Engine: eng, Paths: []string{"../../examples/harbor"}, Jobs: 2, Limits: limits.Default()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckCorpus runs the pipeline over every real corpus document
// (PM templates and robustness files): the per-file cost of real inputs.
func BenchmarkCheckCorpus(b *testing.B) {
	eng := engine(b, map[string]any{"as_of": "2026-11-16"})
	b.ResetTimer()
	for range b.N {
		if _, err := Run(context.Background(), Options{Engine: eng, Paths: []string{"../../testdata/corpus"}, Jobs: 2, Limits: limits.Default()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile is the one-time cost of compiling the built-in packs.
func BenchmarkCompile(b *testing.B) {
	for range b.N {
		if _, err := policy.Compile(context.Background(), policy.Options{Packs: []string{"core", "xdoc"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSchedule10k normalizes and assesses (schedule pack, DCMA 14
// points, CPM) a synthetic 10,000-task MS Project XML schedule with the
// default packs compiled once, and reports the peak of the heap during a
// run (peak-heap-MB: live objects and not yet collected garbage, engine
// included, sampled every 100µs).
func BenchmarkSchedule10k(b *testing.B) {
	dir := b.TempDir()
	testdocs.WriteSynthMSPDI(b, filepath.Join(dir, "ims10k.xml"), 10000, 1)
	eng := engine(b, map[string]any{"as_of": "2026-09-08"})
	b.ResetTimer()
	var peak uint64
	for range b.N {
		b.StopTimer()
		runtime.GC()
		stop := sampleHeap(&peak)
		b.StartTimer()
		if _, err := Run(context.Background(), Options{Engine: eng, Paths: []string{dir}, Jobs: 2, Limits: limits.Default()}); err != nil {
			b.Fatal(err)
		}
		stop()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// sampleHeap records into peak the largest heap size (bytes of objects,
// live or not yet collected) seen until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		*peak = max(*peak, sample[0].Value.Uint64())
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(100 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				read()
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() { close(done); <-finished }
}
