package schedule_test

import (
	"reflect"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/schedule"
)

// integrityRow is a healthy detail task: named, unique, baselined, dates in
// order, no progress.
func integrityRow(id string) artifact.Task {
	return artifact.Task{UID: id, ID: id, Name: "Task " + id, Type: "task", DurationDays: ptrNum(5),
		Start: ptrStr("2026-03-02"), Finish: ptrStr("2026-03-06"), BaselineStart: ptrStr("2026-03-02T08:00:00"), BaselineFinish: ptrStr("2026-03-06"),
		PercentComplete: ptrNum(0), Progress: "not-started"}
}

// TestIntegrityCandidates: each integrity rule's candidates are exactly the
// rows that can offend it (the rule judges only those), and a healthy row
// is nobody's candidate.
func TestIntegrityCandidates(t *testing.T) {
	rows := []artifact.Task{integrityRow("0")} // 0: healthy
	add := func(edit func(*artifact.Task)) {
		r := integrityRow(string(rune('0' + len(rows))))
		edit(&r)
		rows = append(rows, r)
	}
	add(func(r *artifact.Task) { r.Name = "  " })                                                   // 1: blank name
	add(func(r *artifact.Task) { r.ID = "1" })                                                      // 2: ID shared with 1
	add(func(r *artifact.Task) { r.UID = "0" })                                                     // 3: UID shared with 0
	add(func(r *artifact.Task) { r.Predecessors = []artifact.Link{{Ref: "0"}, {Ref: "gone"}} })     // 4: dangling ref
	add(func(r *artifact.Task) { r.Predecessors = []artifact.Link{{Ref: "gone", External: true}} }) // 5: external ref: fine
	add(func(r *artifact.Task) { r.Finish = ptrStr("2026-03-01") })                                 // 6: finish before start
	add(func(r *artifact.Task) {
		r.ActualStart, r.ActualFinish = ptrStr("2026-03-03"), ptrStr("2026-03-02T17:00")
	}) // 7: actuals reversed, finish < 100 %
	add(func(r *artifact.Task) { r.Type = "milestone" })                                                    // 8: milestone of 5 days
	add(func(r *artifact.Task) { r.DurationDays = ptrNum(0) })                                              // 9: zero-duration task
	add(func(r *artifact.Task) { r.PercentComplete = ptrNum(30) })                                          // 10: progress, no actual start
	add(func(r *artifact.Task) { r.PercentComplete, r.ActualStart = ptrNum(100), ptrStr("2026-03-02") })    // 11: 100 %, no actual finish
	add(func(r *artifact.Task) { r.BaselineFinish = ptrStr("6 March") })                                    // 12: baseline finish not a date
	add(func(r *artifact.Task) { r.Type, r.BaselineStart, r.PercentComplete = "summary", nil, ptrNum(30) }) // 13: summary: not detail
	add(func(r *artifact.Task) { r.Start = ptrStr("2026-3-9") })                                            // 14: start not a date: no pair

	s := &artifact.Schedule{Tasks: rows}
	schedule.BuildIndex(s)
	want := map[string][]int{
		"sched_001": {0, 1, 2, 3, 4},
		// the tasks 4's references name: "0" is the ID of 0 and the UID of
		// 3 ("gone" names nothing)
		"sched_001.refs": {0, 3},
		"sched_005.rels": {}, // no relationship at all
		"sched_003":      {6, 7, 8, 9},
		"sched_004":      {7, 10, 11},
		"sched_005":      {13},
		"sched_006":      {12},
	}
	for rule, w := range want {
		if got := s.Index.Candidates[rule]; !reflect.DeepEqual(got, w) {
			t.Errorf("%s candidates = %v, want %v", rule, got, w)
		}
	}
	for _, rule := range []string{"sched_002", "sched_007", "sched_008"} {
		if _, ok := s.Index.Candidates[rule]; ok {
			t.Errorf("%s judges no task one by one and should not be indexed", rule)
		}
	}
}

// TestIntegrityCandidatesHealthy: a sound schedule leaves the integrity
// rules nothing to judge but its summary rows.
func TestIntegrityCandidatesHealthy(t *testing.T) {
	var rows []artifact.Task
	for _, id := range []string{"1", "2", "3", "4"} {
		r := integrityRow(id)
		if id != "1" {
			r.Predecessors = []artifact.Link{{Ref: "1"}}
		}
		rows = append(rows, r)
	}
	rows[3].Type, rows[3].DurationDays = "milestone", ptrNum(0)
	s := &artifact.Schedule{Tasks: rows}
	schedule.BuildIndex(s)
	for _, rule := range []string{"sched_001", "sched_003", "sched_004", "sched_005", "sched_006"} {
		if got := s.Index.Candidates[rule]; len(got) != 0 {
			t.Errorf("%s candidates on a healthy schedule = %v, want none", rule, got)
		}
	}
}

func ptrStr(s string) *string   { return &s }
func ptrNum(f float64) *float64 { return &f }
