package schedule

import (
	"math/rand"
	"strconv"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// generated builds a layered network of n tasks with about 1.5 links per
// task, a tenth of them SS/FF with lags, some progress and constraints,
// and a status date a few weeks in: the shape of a large IMS.
func generated(n int, seed int64) *artifact.Schedule {
	r := rand.New(rand.NewSource(seed))
	s := &artifact.Schedule{ProjectStart: str("2024-01-01"), StatusDate: str("2024-02-01"),
		Calendar: artifact.Calendar{WorkingDays: []int{1, 2, 3, 4, 5}, Holidays: []string{"2024-05-27", "2024-07-04", "2024-12-25"}}}
	s.Tasks = make([]artifact.Task, n)
	for i := range s.Tasks {
		t := task(strconv.Itoa(i+1), float64(1+r.Intn(20)))
		if i%50 == 0 {
			t = milestone(t.UID)
		}
		switch {
		case i < n/40:
			t.Progress, t.ActualStart, t.ActualFinish = "complete", str("2024-01-02"), str("2024-01-10")
		case i < n/20:
			t.Progress, t.ActualStart, t.PercentComplete = "in-progress", str("2024-01-15"), num(50)
		case i%500 == 7:
			t.Constraint = &artifact.Constraint{Type: "SNET", Date: str("2024-06-03")}
		}
		s.Tasks[i] = t
	}
	types := []string{"FS", "FS", "FS", "FS", "FS", "FS", "FS", "FS", "SS", "FF"}
	for i := 1; i < n; i++ {
		links := 1
		if r.Intn(2) == 0 {
			links = 2
		}
		for j := 0; j < links; j++ {
			from := i - 1 - r.Intn(min(i, 30))
			s.Relationships = append(s.Relationships, rel(strconv.Itoa(from+1), strconv.Itoa(i+1), types[r.Intn(len(types))], float64(r.Intn(3))))
		}
	}
	return s
}

func BenchmarkAnalyze10k(b *testing.B) {
	s := generated(10000, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(s, Options{})
	}
}

func TestGeneratedNetworkIsSane(t *testing.T) {
	s := generated(10000, 1)
	Analyze(s, Options{})
	d := s.Derived
	if !d.CPMComputed || len(d.CriticalPath) < 2 || d.CriticalPathTest == nil || !d.CriticalPathTest.Pass {
		t.Fatalf("derived: computed %v path %d test %+v notes %v", d.CPMComputed, len(d.CriticalPath), d.CriticalPathTest, d.Notes)
	}
	if len(s.Relationships) < 14000 {
		t.Errorf("only %d links", len(s.Relationships))
	}
	for i := range s.Tasks {
		k := &s.Tasks[i]
		if k.EarlyStart == nil || k.LateFinish == nil || k.TotalFloatDays == nil {
			t.Fatalf("task %s left without results", k.UID)
		}
		if *k.TotalFloatDays < 0 {
			t.Fatalf("task %s has negative float %v with no finish constraint", k.UID, *k.TotalFloatDays)
		}
	}
	// Every link on the critical path is driving and every task on it has the least float.
	for _, uid := range d.CriticalPath {
		if tf := *byUID(t, s, uid).TotalFloatDays; tf != *d.ProjectTotalFloatDays {
			t.Errorf("critical task %s float %v != project float %v", uid, tf, *d.ProjectTotalFloatDays)
		}
	}
}

// BenchmarkBuildIndex10k: the schedule index of a generated 10,000-task
// schedule, after the critical-path pass.
func BenchmarkBuildIndex10k(b *testing.B) {
	s := generated(10000, 1)
	Analyze(s, Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		BuildIndex(s)
	}
}
