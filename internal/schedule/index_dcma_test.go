package schedule

import (
	"encoding/json"
	"os"
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

func TestDCMACandidates(t *testing.T) {
	s := dcmaSchedule()
	BuildIndex(s)
	want := map[string][]int{
		"dcma_01":            {2},
		"dcma_01.rels":       {1}, // the one link of UID 3
		"dcma_02":            {1},
		"dcma_02.ends":       {1, 2},
		"dcma_03":            {2},
		"dcma_03.ends":       {1, 5},
		"dcma_04":            {1, 3},
		"dcma_04.ends":       {1, 2, 5},
		"dcma_05":            {2},
		"dcma_05.witness":    {2},
		"dcma_06.over_44":    {1},
		"dcma_06.unmeasured": {5},
		"dcma_06.witness":    {1},
		"dcma_07":            {2},
		"dcma_07.unmeasured": {5},
		"dcma_07.witness":    {1},
		"dcma_08.over_44":    {1},
		"dcma_08.unmeasured": {5},
		// 2 should have started on 06-05; 3 finished after the status
		// date (06-10); 1 started on time and 5 starts later.
		"dcma_09":            {2, 3},
		"dcma_10":            {2, 5},
		"dcma_10.unmeasured": {5},
		"dcma_10.witness":    {1},
		"dcma_11":            {0, 2},
		"dcma_12":            {1, 2, 5},
		"dcma_14":            {0, 2},
	}
	for k, w := range want {
		if got := s.Index.Candidates[k]; !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %v, want %v", k, got, w)
		}
	}
	if c := s.Index.Counts; c["open"] != 3 || c["work"] != 3 || c["detail"] != 5 {
		t.Errorf("counts = %v", c)
	}
}

// Without a status date of its own the rules read project.status_date, which
// the index cannot see: status-date rules get every task.
func TestDCMACandidatesWithoutStatusDate(t *testing.T) {
	for _, sd := range []*string{nil, ptr("status: 7 June")} {
		s := dcmaSchedule()
		s.StatusDate = sd
		BuildIndex(s)
		for _, k := range []string{"dcma_09", "dcma_11", "dcma_14"} {
			if got := s.Index.Candidates[k]; !reflect.DeepEqual(got, []int{0, 1, 2, 3, 4, 5}) {
				t.Errorf("status date %v: %s = %v, want every task", sd, k, got)
			}
		}
	}
}

// Without any resource data DCMA-10 is not assessable: no candidate.
func TestDCMA10WithoutResourceData(t *testing.T) {
	s := dcmaSchedule()
	s.Tasks[1].Resources = nil
	BuildIndex(s)
	if got := s.Index.Candidates["dcma_10"]; len(got) != 0 {
		t.Errorf("dcma_10 = %v", got)
	}
	s.Columns["resources"] = ptr("Resource Names")
	BuildIndex(s)
	if got := s.Index.Candidates["dcma_10"]; !reflect.DeepEqual(got, []int{1, 2, 5}) {
		t.Errorf("with a resource column dcma_10 = %v", got)
	}
}

// The over_B lists are only used while the configured threshold is at least
// B; bounds equal to the shipped defaults keep the index in use by default.
func TestDCMABoundsAreTheDefaultThresholds(t *testing.T) {
	b, err := os.ReadFile("../../policies/data/thresholds.json")
	if err != nil {
		t.Fatal(err)
	}
	var th struct {
		DCMA map[string]float64 `json:"dcma"`
	}
	if err := json.Unmarshal(b, &th); err != nil {
		t.Fatal(err)
	}
	if th.DCMA["high_float_days"] != defaultHighFloatDays || th.DCMA["high_duration_days"] != defaultHighDurationDays {
		t.Errorf("thresholds.json %v, index bounds %v %v", th.DCMA, defaultHighFloatDays, defaultHighDurationDays)
	}
}
