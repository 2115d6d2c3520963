package schema_test

import (
	"maps"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/schema"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/normalized"
)

// ValidateArtifact must report exactly what Validate reports on the
// artifact's generic form: on every real document as normalized (valid),
// and on copies broken in the envelope, the payload and inside the split
// task and relationship arrays.
func TestValidateArtifactEqualsValidate(t *testing.T) {
	dir := t.TempDir()
	testdocs.WriteSynthMSPDI(t, filepath.Join(dir, "ims.xml"), 1200, 5) // past parallelMin: elements checked on every core
	arts := normalized.All(t, "../../testdata/corpus", "../../examples", dir)
	bad := "31/12/2026"
	var schedules int
	for _, a := range arts {
		compare(t, a)
		if a.Schedule == nil || len(a.Schedule.Tasks) < 100 {
			continue
		}
		schedules++
		b := *a
		s := *a.Schedule
		b.Schedule = &s
		b.Metadata.Status = "signed-off"
		s.Tasks = append([]artifact.Task(nil), s.Tasks...)
		s.Tasks[3].Start = &bad
		s.Tasks[5].Start = &bad // the same bad value again: remembered, reported at both
		s.Tasks[70].Type = "epic"
		s.Tasks[70].Name = ""
		s.Tasks[len(s.Tasks)-2].Progress = "done"
		s.Relationships = append([]artifact.Relationship(nil), s.Relationships...)
		s.Relationships[80].Type = "XX"
		s.StatusDateSource = "guess"
		// The rest of the payload is checked by parts too: a negative
		// count and task position in the schedule index.
		if s.Index != nil {
			ix := *s.Index
			ix.Counts = maps.Clone(ix.Counts)
			ix.Counts["tasks"] = -1
			ix.Tasks = map[string][]int{"open": {0, -3}}
			s.Index = &ix
		}
		if n := compare(t, &b); n < 10 {
			t.Fatalf("%s: broken copy gave %d violations, want 10", a.Source.Path, n)
		}
	}
	if len(arts) < 20 || schedules == 0 {
		t.Fatalf("compared %d artifacts, %d large schedules", len(arts), schedules)
	}
}

func compare(t *testing.T, a *artifact.Artifact) int {
	t.Helper()
	m, err := a.Map()
	if err != nil {
		t.Fatal(err)
	}
	want := schema.Validate(m)
	got := schema.ValidateArtifact(a)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\nValidateArtifact: %v\nValidate:         %v", a.Source.Path, got, want)
	}
	return len(got)
}

// BenchmarkValidateArtifact10k validates a 10,000-task schedule from its
// typed form; BenchmarkValidateMap10k is Map then Validate, the path it
// replaces.
func BenchmarkValidateArtifact10k(b *testing.B) {
	a := normalized.Schedule(b, 10000, 1)
	b.ResetTimer()
	for range b.N {
		schema.ValidateArtifact(a)
	}
}

func BenchmarkValidateMap10k(b *testing.B) {
	a := normalized.Schedule(b, 10000, 1)
	b.ResetTimer()
	for range b.N {
		m, _ := a.Map()
		schema.Validate(m)
	}
}
