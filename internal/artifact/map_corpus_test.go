package artifact_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// Map and Walk must give policies and schemas exactly the data the former
// json.Marshal + json.Unmarshal round trip gave, on every real document
// of the corpus and on a synthetic 2,000-task schedule.
func TestMapEqualsJSONRoundTripOnRealDocuments(t *testing.T) {
	dir := t.TempDir()
	tasks, status := testdocs.SynthSchedule(2000, 7)
	if err := testdocs.WriteMSPDI(filepath.Join(dir, "ims.xml"), testdocs.SynthMSPDI(tasks, status)); err != nil {
		t.Fatal(err)
	}
	files, err := discover.Walk([]string{"../../testdata/corpus", "../../examples", dir}, discover.Options{Limits: limits.Default()})
	if err != nil {
		t.Fatal(err)
	}
	compared := map[string]int{}
	for _, f := range files {
		if f.Fault != nil {
			continue
		}
		tree, err := extract.Read(context.Background(), f, limits.Default())
		if err != nil || tree.Artifact != nil {
			continue // unreadable, or a docs-as-code artifact (no Map)
		}
		a := normalize.Normalize(tree, classify.Classify(tree, f.Path, nil), normalize.Options{})
		got, err := a.Map()
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		want := roundTrip(t, a)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Map differs from the JSON round trip", f.Path)
		}
		walked, err := artifact.Walk[any](artifact.Generic{}, a)
		if err != nil {
			t.Fatalf("%s: Walk: %v", f.Path, err)
		}
		if !reflect.DeepEqual(walked, any(want)) {
			t.Fatalf("%s: Walk differs from the JSON round trip", f.Path)
		}
		compared[a.Kind]++
	}
	// The corpus holds schedules, charters and generic documents at least;
	// a walk that read nothing would prove nothing.
	if compared["schedule"] < 2 || compared["generic"] == 0 || len(files) < 20 {
		t.Fatalf("compared %v of %d files", compared, len(files))
	}
}

func roundTrip(t *testing.T, a *artifact.Artifact) map[string]any {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// BenchmarkMapSchedule10k is Map on a normalized 10,000-task schedule;
// BenchmarkJSONRoundTripSchedule10k is the encoding/json round trip it
// replaces.
func BenchmarkMapSchedule10k(b *testing.B) {
	a := schedule10k(b)
	b.ResetTimer()
	for range b.N {
		if _, err := a.Map(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONRoundTripSchedule10k(b *testing.B) {
	a := schedule10k(b)
	b.ResetTimer()
	for range b.N {
		bs, err := json.Marshal(a)
		if err != nil {
			b.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(bs, &m); err != nil {
			b.Fatal(err)
		}
	}
}

func schedule10k(b *testing.B) *artifact.Artifact {
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
	return normalize.Normalize(tree, classify.Classify(tree, files[0].Path, nil), normalize.Options{})
}

// BenchmarkWalkGenericSchedule10k builds the same generic form as Map by
// walking the typed artifact (no JSON text).
func BenchmarkWalkGenericSchedule10k(b *testing.B) {
	a := schedule10k(b)
	b.ResetTimer()
	for range b.N {
		if _, err := artifact.Walk[any](artifact.Generic{}, a); err != nil {
			b.Fatal(err)
		}
	}
}
