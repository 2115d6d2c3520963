package schedule

import (
	"reflect"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

func ptr[T any](v T) *T { return &v }

// dcmaSchedule: six rows, each offending (or not) in a known way.
func dcmaSchedule() *artifact.Schedule {
	return &artifact.Schedule{
		StatusDate: ptr("2024-06-07T08:00:00"),
		Columns:    map[string]*string{},
		Tasks: []artifact.Task{
			// 0: the start milestone: no predecessor (an open end).
			{UID: "1", Type: "milestone", Progress: "complete", ActualFinish: ptr("2024-06-01"), BaselineFinish: ptr("2024-06-01")},
			// 1: linked, on time, long and floating, due later.
			{UID: "2", Type: "task", Progress: "in-progress", ActualStart: ptr("2024-06-03"), Start: ptr("2024-06-03"), Finish: ptr("2024-09-30"),
				DurationDays: ptr(80.0), TotalFloatDays: ptr(45.0), FloatSource: "computed", BaselineFinish: ptr("2024-09-30"), Resources: []string{"PM"}},
			// 2: no successor; hard constraint; should have started; due, not done.
			{UID: "3", Type: "task", Progress: "not-started", Start: ptr("2024-06-05"), Finish: ptr("2024-06-20"),
				BaselineDurationDays: ptr(10.0), DurationDays: ptr(60.0), TotalFloatDays: ptr(-2.0), FloatSource: "file",
				Constraint: &artifact.Constraint{Type: "MSO", Hard: true}, BaselineFinish: ptr("2024-06-06")},
			// 3: complete, unlinked: never an open end.
			{UID: "4", Type: "task", Progress: "complete", ActualFinish: ptr("2024-06-10"), DurationDays: ptr(3.0)},
			// 4: summary rows are not detail work.
			{UID: "5", Type: "summary", Progress: "not-started", Start: ptr("2024-01-01")},
			// 5: linked both ways, no float, no duration; a soft constraint.
			{UID: "6", Type: "task", Progress: "not-started", Start: ptr("2024-07-01"), Finish: ptr("2024-07-05"), FloatSource: "none",
				TotalFloatDays: ptr(0.0), Constraint: &artifact.Constraint{Type: "SNET"}},
		},
		Relationships: []artifact.Relationship{
			{From: "1", To: "2", Type: "FS"},
			{From: "2", To: "3", Type: "ss", LagDays: -1},
			{From: "2", To: "6", Type: "FS", LagDays: 2},
			{From: "6", To: "9", Type: "SF"},
		},
		Derived: &artifact.Derived{CPMComputed: true, CriticalPath: []string{"2", "3"},
			CriticalPathTest: &artifact.CriticalPathTest{TaskUID: "6"}},
	}
}

// TestIndexFacts: each fact of a small schedule, checked by hand against
// the rows' comments above.
func TestIndexFacts(t *testing.T) {
	s := dcmaSchedule()
	BuildIndex(s)
	want := map[string][]int{
		"detail": {0, 1, 2, 3, 5}, "open": {1, 2, 5}, "work": {1, 2, 5}, "milestone": {0}, "summary": {4}, "complete": {0, 3},
		"no_predecessor": {0, 3, 4}, "no_successor": {2, 3, 4}, "constrained": {2, 5}, "hard_constraint": {2},
		"no_float": {0, 3, 4, 5}, "float_computed": {1}, "no_planned_duration": {0, 4, 5}, "no_duration": {0, 4, 5}, "zero_duration": {},
		"resourced": {1}, "unresourced": {0, 2, 3, 4, 5}, "critical": {1, 2, 5}, "no_baseline": {0, 1, 2, 3, 4, 5},
		"started": {1}, "finished": {0, 3}, "percent_positive": {}, "percent_full": {},
		"duplicate_id": {}, "duplicate_uid": {}, "blank_name": {0, 1, 2, 3, 4, 5}, "dangling_predecessor": {},
		"finish_before_start": {}, "baseline_finish_before_start": {}, "actual_finish_before_start": {},
	}
	if len(want) != len(s.Index.Tasks) {
		t.Errorf("the index has %d task facts, the test knows %d", len(s.Index.Tasks), len(want))
	}
	for fact, w := range want {
		if got := s.Index.Tasks[fact]; !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %v, want %v", fact, got, w)
		}
	}
	rels := map[string][]int{"negative_lag": {1}, "positive_lag": {2}, "not_fs": {1, 3}, "start_to_finish": {3}}
	if !reflect.DeepEqual(s.Index.Rels, rels) {
		t.Errorf("relationship facts = %v, want %v", s.Index.Rels, rels)
	}
	if got, w := s.Index.Order["total_float"], []int{2, 1}; !reflect.DeepEqual(got, w) {
		t.Errorf("by total float = %+v, want %+v", got, w)
	}
	// Baseline duration first: task 2 plans 10 days (3 < 10 < 80) though
	// it now lasts 60.
	if got, w := s.Index.Order["planned_duration"], []int{3, 2, 1}; !reflect.DeepEqual(got, w) {
		t.Errorf("by planned duration = %+v, want %+v", got, w)
	}
	// Task 1 has started: its start is no forecast; tasks 4 (a summary, on
	// 2024-01-01), 2 (06-05) and 5 (07-01) have not.
	if got, w := s.Index.Order["forecast_start"], []int{4, 2, 5}; !reflect.DeepEqual(got, w) {
		t.Errorf("by forecast start = %+v, want %+v", got, w)
	}
	if got, w := s.Index.FirstByUID, map[string]int{"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5}; !reflect.DeepEqual(got, w) {
		t.Errorf("first by UID = %v, want %v", got, w)
	}
}

// TestIndexIntegrityFacts: rows each odd in one way; a healthy row (0)
// holds none of the facts an integrity rule reads.
func TestIndexIntegrityFacts(t *testing.T) {
	row := func(id string) artifact.Task {
		return artifact.Task{UID: id, ID: id, Name: "Task " + id, Type: "task", DurationDays: ptr(5.0),
			Start: ptr("2026-03-02"), Finish: ptr("2026-03-06"), BaselineStart: ptr("2026-03-02T08:00:00"), BaselineFinish: ptr("2026-03-06"),
			PercentComplete: ptr(0.0), Progress: "not-started"}
	}
	rows := []artifact.Task{row("0")}
	add := func(edit func(*artifact.Task)) {
		r := row(string(rune('0' + len(rows))))
		edit(&r)
		rows = append(rows, r)
	}
	add(func(r *artifact.Task) { r.Name = "  " })                                                              // 1: blank name
	add(func(r *artifact.Task) { r.ID = "1" })                                                                 // 2: ID shared with 1
	add(func(r *artifact.Task) { r.UID = "0" })                                                                // 3: UID shared with 0
	add(func(r *artifact.Task) { r.Predecessors = []artifact.Link{{Ref: "0"}, {Ref: "gone"}} })                // 4: dangling ref
	add(func(r *artifact.Task) { r.Predecessors = []artifact.Link{{Ref: "gone", External: true}} })            // 5: external ref: fine
	add(func(r *artifact.Task) { r.Finish = ptr("2026-03-01") })                                               // 6: finish before start
	add(func(r *artifact.Task) { r.ActualStart, r.ActualFinish = ptr("2026-03-03"), ptr("2026-03-02T17:00") }) // 7: actuals reversed
	add(func(r *artifact.Task) { r.DurationDays = ptr(0.0) })                                                  // 8: zero duration
	add(func(r *artifact.Task) { r.PercentComplete = ptr(100.0) })                                             // 9: 100 %
	add(func(r *artifact.Task) { r.BaselineFinish = ptr("6 March") })                                          // 10: baseline finish not a date
	s := &artifact.Schedule{Tasks: rows}
	BuildIndex(s)
	want := map[string][]int{
		"blank_name": {1}, "duplicate_id": {1, 2}, "duplicate_uid": {0, 3}, "dangling_predecessor": {4},
		"finish_before_start": {6}, "actual_finish_before_start": {7}, "baseline_finish_before_start": {},
		"zero_duration": {8}, "no_duration": {8}, "percent_positive": {9}, "percent_full": {9},
		"started": {7}, "finished": {7}, "no_baseline": {10},
	}
	for fact, w := range want {
		if got := s.Index.Tasks[fact]; !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %v, want %v", fact, got, w)
		}
	}
}
