package policy_test

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/normalized"
)

// The rules must see the value OPA makes of the artifact's JSON (what a
// policy author reads in the model), whether the artifact is small or a
// schedule large enough to be converted on every core: NewInput walks the
// typed artifact instead, so it is checked against the JSON on every real
// document and on a synthetic schedule.
func TestNewInputEqualsJSON(t *testing.T) {
	dir := t.TempDir()
	testdocs.WriteSynthMSPDI(t, filepath.Join(dir, "ims.xml"), 1500, 3)
	compared := 0
	for _, a := range normalized.All(t, "../../testdata/corpus", "../../examples", dir) {
		typed, err := policy.NewInput(a)
		if err != nil {
			t.Fatalf("%s: %v", a.Source.Path, err)
		}
		m, err := a.Map()
		if err != nil {
			t.Fatal(err)
		}
		generic, err := policy.MapInput(m)
		if err != nil {
			t.Fatal(err)
		}
		if !policy.SameInput(typed, generic) {
			t.Fatalf("%s: typed and generic inputs differ", a.Source.Path)
		}
		compared++
	}
	if compared < 20 {
		t.Fatalf("compared only %d documents", compared)
	}
}

func schedule10k(b *testing.B) (*policy.Engine, *artifact.Artifact) {
	eng, err := policy.Compile(context.Background(), policy.Options{Packs: []string{"schedule"}})
	if err != nil {
		b.Fatal(err)
	}
	return eng, normalized.Schedule(b, 10000, 1)
}

// BenchmarkPrepareTyped10k converts a 10,000-task schedule from its typed
// form; BenchmarkPrepareViaMap10k is the path it replaced (Map, then OPA's
// conversion of the map).
func BenchmarkPrepareTyped10k(b *testing.B) {
	_, a := schedule10k(b)
	b.ResetTimer()
	for range b.N {
		if _, err := policy.NewInput(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrepareViaMap10k(b *testing.B) {
	_, a := schedule10k(b)
	b.ResetTimer()
	for range b.N {
		m, err := a.Map()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := policy.MapInput(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepareTyped10kRetained reports the live size of the converted
// value of a 10,000-task schedule (MB retained once garbage is collected).
func BenchmarkPrepareTyped10kRetained(b *testing.B) {
	_, a := schedule10k(b)
	b.ResetTimer()
	var live float64
	for range b.N {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		in, err := policy.NewInput(a)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		live = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		runtime.KeepAlive(in)
	}
	b.ReportMetric(live, "MB-live")
}
