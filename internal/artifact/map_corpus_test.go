package artifact_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/normalized"
)

// Walk must give policies exactly the data the artifact's JSON gives (the
// json.Marshal + json.Unmarshal round trip), on every real document of the
// corpus and on a synthetic 2,000-task schedule.
func TestWalkEqualsJSONRoundTripOnRealDocuments(t *testing.T) {
	dir := t.TempDir()
	testdocs.WriteSynthMSPDI(t, filepath.Join(dir, "ims.xml"), 2000, 7)
	arts := normalized.All(t, "../../testdata/corpus", "../../examples", dir)
	compared := map[string]int{}
	for _, a := range arts {
		want := roundTrip(t, a)
		walked, err := artifact.Walk[any](artifact.Generic{}, a)
		if err != nil {
			t.Fatalf("%s: Walk: %v", a.Source.Path, err)
		}
		if !reflect.DeepEqual(walked, any(want)) {
			t.Fatalf("%s: Walk differs from the JSON round trip", a.Source.Path)
		}
		compared[string(a.Kind)]++
	}
	// The corpus holds schedules, charters and generic documents at least;
	// a walk that read nothing would prove nothing.
	if compared["schedule"] < 2 || compared["generic"] == 0 || len(arts) < 20 {
		t.Fatalf("compared %v of %d artifacts", compared, len(arts))
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

// BenchmarkJSONRoundTripSchedule10k is the encoding/json round trip of a
// normalized 10,000-task schedule (Map); BenchmarkWalkGenericSchedule10k
// builds the same generic form by walking the typed artifact.
func BenchmarkJSONRoundTripSchedule10k(b *testing.B) {
	a := normalized.Schedule(b, 10000, 1)
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

func BenchmarkWalkGenericSchedule10k(b *testing.B) {
	a := normalized.Schedule(b, 10000, 1)
	b.ResetTimer()
	for range b.N {
		if _, err := artifact.Walk[any](artifact.Generic{}, a); err != nil {
			b.Fatal(err)
		}
	}
}
