package schedule

import (
	"strconv"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// FuzzAnalyze builds a small network from the input bytes — durations,
// links of every type with leads and lags, progress and constraints — and
// checks the engine never panics and, on a plain network (no progress,
// no constraints, no loops), that the CPM invariants hold: float is never
// negative, early dates come before late ones, the critical path has the
// least float and passes the DCMA test.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{5, 3, 0, 1, 2, 7, 9, 1, 0, 3, 4, 2})
	f.Add([]byte{1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 200, 3, 4, 5, 250, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 || len(b) > 400 {
			return
		}
		n := int(b[0])%12 + 1
		b = b[1:]
		plain := true
		s := sched(nil)
		s.StatusDate = str("2024-01-03")
		types := []string{"FS", "SS", "FF", "SF"}
		for i := 0; i < n; i++ {
			v := 0
			if i < len(b) {
				v = int(b[i])
			}
			k := task(strconv.Itoa(i+1), float64(v%9))
			if v%9 == 0 {
				k.Type = "milestone"
			}
			switch v % 23 {
			case 1:
				k.Progress, k.ActualStart, k.ActualFinish = "complete", str("2024-01-01"), str("2024-01-02")
				plain = false
			case 2:
				k.Progress, k.ActualStart, k.PercentComplete = "in-progress", str("2024-01-02"), num(50)
				plain = false
			case 3:
				k.Constraint = &artifact.Constraint{Type: []string{"MSO", "MFO", "SNET", "SNLT", "FNET", "FNLT"}[v%6], Date: str("2024-01-10")}
				plain = false
			}
			s.Tasks = append(s.Tasks, k)
		}
		for j := n; j+2 < len(b); j += 3 {
			from, to := int(b[j])%n, int(b[j+1])%n
			if from >= to {
				plain = false // may loop
			}
			s.Relationships = append(s.Relationships, rel(strconv.Itoa(from+1), strconv.Itoa(to+1), types[b[j+2]%4], float64(int(b[j+2]%7)-3)))
		}
		Analyze(s, Options{})
		if !plain || !s.Derived.CPMComputed {
			return
		}
		d := s.Derived
		for i := range s.Tasks {
			k := &s.Tasks[i]
			if *k.TotalFloatDays < 0 || *k.FreeFloatDays > *k.TotalFloatDays || *k.EarlyStart > *k.LateStart || *k.EarlyFinish > *k.LateFinish {
				t.Fatalf("task %s: tf %v ff %v es %s ls %s ef %s lf %s", k.UID, *k.TotalFloatDays, *k.FreeFloatDays,
					*k.EarlyStart, *k.LateStart, *k.EarlyFinish, *k.LateFinish)
			}
		}
		for _, uid := range d.CriticalPath {
			for i := range s.Tasks {
				if s.Tasks[i].UID == uid && *s.Tasks[i].TotalFloatDays != 0 {
					t.Fatalf("critical task %s has float %v", uid, *s.Tasks[i].TotalFloatDays)
				}
			}
		}
	})
}
