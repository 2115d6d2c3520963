package policy_test

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// The rules must see the same value whether an artifact is converted from
// its typed form (PrepareTyped) or from its generic map (Prepare), on every
// real document and on a synthetic schedule.
func TestPrepareTypedEqualsPrepare(t *testing.T) {
	dir := t.TempDir()
	tasks, status := testdocs.SynthSchedule(1500, 3)
	if err := testdocs.WriteMSPDI(filepath.Join(dir, "ims.xml"), testdocs.SynthMSPDI(tasks, status)); err != nil {
		t.Fatal(err)
	}
	files, err := discover.Walk([]string{"../../testdata/corpus", "../../examples", dir}, discover.Options{Limits: limits.Default()})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := policy.Compile(context.Background(), policy.Options{Packs: []string{"core"}})
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, f := range files {
		if f.Fault != nil {
			continue
		}
		tree, err := extract.Read(context.Background(), f, limits.Default())
		if err != nil || tree.Artifact != nil {
			continue
		}
		a := normalize.Normalize(tree, classify.Classify(tree, f.Path, nil), normalize.Options{})
		typed, err := policy.PrepareTyped(a)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		m, err := a.Map()
		if err != nil {
			t.Fatal(err)
		}
		generic, err := eng.Prepare(m)
		if err != nil {
			t.Fatal(err)
		}
		if !policy.SameInput(typed, generic) {
			t.Fatalf("%s: typed and generic inputs differ", f.Path)
		}
		compared++
	}
	if compared < 20 {
		t.Fatalf("compared only %d documents", compared)
	}
}

func schedule10k(b *testing.B) (*policy.Engine, *artifactT) {
	dir := b.TempDir()
	tasks, status := testdocs.SynthSchedule(10000, 1)
	if err := testdocs.WriteMSPDI(filepath.Join(dir, "ims.xml"), testdocs.SynthMSPDI(tasks, status)); err != nil {
		b.Fatal(err)
	}
	files, err := discover.Walk([]string{dir}, discover.Options{Limits: limits.Default()})
	if err != nil || len(files) != 1 {
		b.Fatal(files, err)
	}
	tree, err := extract.Read(context.Background(), files[0], limits.Default())
	if err != nil {
		b.Fatal(err)
	}
	eng, err := policy.Compile(context.Background(), policy.Options{Packs: []string{"schedule"}})
	if err != nil {
		b.Fatal(err)
	}
	return eng, normalize.Normalize(tree, classify.Classify(tree, files[0].Path, nil), normalize.Options{})
}

type artifactT = artifact.Artifact

// BenchmarkPrepareTyped10k converts a 10,000-task schedule from its typed
// form; BenchmarkPrepareViaMap10k is the path it replaces (Map, then
// PrepareOwned).
func BenchmarkPrepareTyped10k(b *testing.B) {
	_, a := schedule10k(b)
	b.ResetTimer()
	for range b.N {
		if _, err := policy.PrepareTyped(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrepareViaMap10k(b *testing.B) {
	eng, a := schedule10k(b)
	b.ResetTimer()
	for range b.N {
		m, err := a.Map()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := eng.PrepareOwned(m); err != nil {
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
		in, err := policy.PrepareTyped(a)
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
