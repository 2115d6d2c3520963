package schedule

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// 2024-01-01 is a Monday; every network below starts there.

func str(s string) *string   { return &s }
func num(f float64) *float64 { return &f }
func task(uid string, d float64) artifact.Task {
	return artifact.Task{UID: uid, ID: uid, Name: "T" + uid, Type: "task", DurationDays: num(d), Progress: "not-started", FloatSource: "none"}
}
func milestone(uid string) artifact.Task {
	t := task(uid, 0)
	t.Type = "milestone"
	return t
}
func rel(from, to, typ string, lag float64) artifact.Relationship {
	return artifact.Relationship{From: from, To: to, Type: typ, LagDays: lag}
}

func sched(tasks []artifact.Task, rels ...artifact.Relationship) *artifact.Schedule {
	return &artifact.Schedule{ProjectStart: str("2024-01-01"), Tasks: tasks, Relationships: rels,
		Calendar: artifact.Calendar{WorkingDays: []int{1, 2, 3, 4, 5}}}
}

func byUID(t *testing.T, s *artifact.Schedule, uid string) *artifact.Task {
	t.Helper()
	for i := range s.Tasks {
		if s.Tasks[i].UID == uid {
			return &s.Tasks[i]
		}
	}
	t.Fatalf("no task %s", uid)
	return nil
}

func deref(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func fdef(p *float64) string {
	if p == nil {
		return "<nil>"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// want is one task's expected result: early start/finish, late
// start/finish, total and free float.
type want struct {
	es, ef, ls, lf string
	tf, ff         float64
	critical       bool
}

func check(t *testing.T, s *artifact.Schedule, exp map[string]want) {
	t.Helper()
	for uid, w := range exp {
		k := byUID(t, s, uid)
		got := want{deref(k.EarlyStart), deref(k.EarlyFinish), deref(k.LateStart), deref(k.LateFinish), -999, -999, false}
		if k.TotalFloatDays != nil {
			got.tf = *k.TotalFloatDays
		}
		if k.FreeFloatDays != nil {
			got.ff = *k.FreeFloatDays
		}
		if k.Critical != nil {
			got.critical = *k.Critical
		}
		if got != w {
			t.Errorf("task %s:\n got %+v\nwant %+v", uid, got, w)
		}
		if k.FloatSource != "computed" {
			t.Errorf("task %s float_source = %q, want computed", uid, k.FloatSource)
		}
	}
}

func TestFinishToStartChain(t *testing.T) {
	s := sched([]artifact.Task{task("1", 3), task("2", 2), milestone("3")}, rel("1", "2", "FS", 0), rel("2", "3", "FS", 0))
	Analyze(s, Options{})
	check(t, s, map[string]want{
		"1": {"2024-01-01", "2024-01-03", "2024-01-01", "2024-01-03", 0, 0, true},
		"2": {"2024-01-04", "2024-01-05", "2024-01-04", "2024-01-05", 0, 0, true},
		// A milestone after Friday's work is on Friday, not Monday.
		"3": {"2024-01-05", "2024-01-05", "2024-01-05", "2024-01-05", 0, 0, true},
	})
	d := s.Derived
	if !d.CPMComputed || deref(d.ProjectFinish) != "2024-01-05" || deref(d.DataDate) != "2024-01-01" {
		t.Errorf("derived = computed %v finish %s data %s", d.CPMComputed, deref(d.ProjectFinish), deref(d.DataDate))
	}
	if !reflect.DeepEqual(d.CriticalPath, []string{"1", "2", "3"}) || fdef(d.CriticalPathLengthDays) != "5" || fdef(d.ProjectTotalFloatDays) != "0" {
		t.Errorf("critical path %v length %s float %s", d.CriticalPath, fdef(d.CriticalPathLengthDays), fdef(d.ProjectTotalFloatDays))
	}
	if len(d.Cycles) != 0 {
		t.Errorf("cycles = %v", d.Cycles)
	}
}

func TestLinkTypesWithLeadsAndLags(t *testing.T) {
	s := sched([]artifact.Task{task("1", 5), task("2", 3), task("3", 2), task("4", 1), task("5", 4)},
		rel("1", "2", "SS", 2),  // 2 starts two days after 1 starts
		rel("1", "3", "FF", 1),  // 3 finishes a day after 1 finishes
		rel("1", "4", "SF", -1), // 4 finishes no earlier than a day before 1 starts: the data date wins
		rel("1", "5", "FS", -2), // a two-day lead
	)
	Analyze(s, Options{})
	check(t, s, map[string]want{
		"1": {"2024-01-01", "2024-01-05", "2024-01-01", "2024-01-05", 0, 0, true},
		"2": {"2024-01-03", "2024-01-05", "2024-01-05", "2024-01-09", 2, 2, false},
		"3": {"2024-01-05", "2024-01-08", "2024-01-08", "2024-01-09", 1, 1, false},
		"4": {"2024-01-01", "2024-01-01", "2024-01-09", "2024-01-09", 6, 6, false},
		"5": {"2024-01-04", "2024-01-09", "2024-01-04", "2024-01-09", 0, 0, true},
	})
	if !reflect.DeepEqual(s.Derived.CriticalPath, []string{"1", "5"}) {
		t.Errorf("critical path = %v, want [1 5]", s.Derived.CriticalPath)
	}
}

func TestParallelPathsFloat(t *testing.T) {
	s := sched([]artifact.Task{milestone("1"), task("2", 5), task("3", 2), milestone("4")},
		rel("1", "2", "FS", 0), rel("1", "3", "FS", 0), rel("2", "4", "FS", 0), rel("3", "4", "FS", 0))
	Analyze(s, Options{})
	check(t, s, map[string]want{
		"1": {"2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", 0, 0, true},
		"2": {"2024-01-01", "2024-01-05", "2024-01-01", "2024-01-05", 0, 0, true},
		"3": {"2024-01-01", "2024-01-02", "2024-01-04", "2024-01-05", 3, 3, false},
		"4": {"2024-01-05", "2024-01-05", "2024-01-05", "2024-01-05", 0, 0, true},
	})
	if !reflect.DeepEqual(s.Derived.CriticalPath, []string{"1", "2", "4"}) {
		t.Errorf("critical path = %v", s.Derived.CriticalPath)
	}
}

func TestConstraints(t *testing.T) {
	s := sched([]artifact.Task{task("1", 5), milestone("2"), task("3", 2)}, rel("1", "2", "FS", 0))
	// The finish milestone must be met by Thursday; the work ends Friday.
	s.Tasks[1].Constraint = &artifact.Constraint{Type: "FNLT", Date: str("2024-01-04"), Hard: true}
	// An unlinked task held to start no earlier than Wednesday the 10th.
	s.Tasks[2].Constraint = &artifact.Constraint{Type: "SNET", Date: str("2024-01-10")}
	Analyze(s, Options{})
	check(t, s, map[string]want{
		"1": {"2024-01-01", "2024-01-05", "2023-12-29", "2024-01-04", -1, 0, true},
		"2": {"2024-01-05", "2024-01-05", "2024-01-04", "2024-01-04", -1, 0, true},
		// The SNET task ends last (Thursday the 11th) and drives the finish.
		"3": {"2024-01-10", "2024-01-11", "2024-01-10", "2024-01-11", 0, 0, true},
	})
	d := s.Derived
	if deref(d.ProjectFinish) != "2024-01-11" || !reflect.DeepEqual(d.CriticalPath, []string{"3"}) {
		t.Errorf("finish %s path %v", deref(d.ProjectFinish), d.CriticalPath)
	}
}

func TestNegativeProjectFloatFromFinishConstraint(t *testing.T) {
	s := sched([]artifact.Task{task("1", 5), milestone("2")}, rel("1", "2", "FS", 0))
	s.Tasks[1].Constraint = &artifact.Constraint{Type: "FNLT", Date: str("2024-01-03"), Hard: true}
	Analyze(s, Options{})
	if fdef(s.Derived.ProjectTotalFloatDays) != "-2" || !reflect.DeepEqual(s.Derived.CriticalPath, []string{"1", "2"}) {
		t.Errorf("project float %s path %v", fdef(s.Derived.ProjectTotalFloatDays), s.Derived.CriticalPath)
	}
}

func TestInProgressAtDataDate(t *testing.T) {
	done := task("1", 5)
	done.Progress, done.ActualStart, done.ActualFinish, done.PercentComplete = "complete", str("2024-01-01"), str("2024-01-05"), num(100)
	doing := task("2", 5)
	doing.Progress, doing.ActualStart, doing.PercentComplete = "in-progress", str("2024-01-08"), num(40)
	s := sched([]artifact.Task{done, doing, task("3", 2), milestone("4")},
		rel("1", "2", "FS", 0), rel("2", "3", "FS", 0), rel("3", "4", "FS", 0))
	s.StatusDate = str("2024-01-10")
	Analyze(s, Options{})
	// 40 % of five days done: three remain from Wednesday the 10th.
	check(t, s, map[string]want{
		"2": {"2024-01-08", "2024-01-12", "2024-01-08", "2024-01-12", 0, 0, true},
		"3": {"2024-01-15", "2024-01-16", "2024-01-15", "2024-01-16", 0, 0, true},
		"4": {"2024-01-16", "2024-01-16", "2024-01-16", "2024-01-16", 0, 0, true},
	})
	a := byUID(t, s, "1")
	if deref(a.EarlyStart) != "2024-01-01" || deref(a.EarlyFinish) != "2024-01-05" || a.Critical == nil || *a.Critical {
		t.Errorf("complete task kept %s..%s critical %v", deref(a.EarlyStart), deref(a.EarlyFinish), a.Critical)
	}
	d := s.Derived
	if deref(d.DataDate) != "2024-01-10" || fdef(d.CriticalPathLengthDays) != "5" || !reflect.DeepEqual(d.CriticalPath, []string{"2", "3", "4"}) {
		t.Errorf("data %s length %s path %v", deref(d.DataDate), fdef(d.CriticalPathLengthDays), d.CriticalPath)
	}
	// Remaining duration given explicitly wins over the percentage.
	s.Tasks[1].RemainingDurationDays = num(1)
	Analyze(s, Options{})
	if got := deref(byUID(t, s, "2").EarlyFinish); got != "2024-01-10" {
		t.Errorf("with one day remaining, early finish = %s, want 2024-01-10", got)
	}
}

func TestNotStartedWaitsForDataDate(t *testing.T) {
	s := sched([]artifact.Task{task("1", 2)})
	Analyze(s, Options{DataDate: "2024-01-06"}) // a Saturday: work resumes Monday
	if got := deref(s.Tasks[0].EarlyStart); got != "2024-01-08" {
		t.Errorf("early start = %s, want 2024-01-08", got)
	}
}

func TestHolidaysAndWorkingDays(t *testing.T) {
	s := sched([]artifact.Task{task("1", 3), task("2", 2)}, rel("1", "2", "FS", 0))
	s.Calendar.Holidays = []string{"2024-01-02", "2024-01-06"} // a Tuesday, and a Saturday that changes nothing
	Analyze(s, Options{})
	if es, ef := deref(s.Tasks[0].EarlyFinish), deref(s.Tasks[1].EarlyStart); es != "2024-01-04" || ef != "2024-01-05" {
		t.Errorf("holiday: 1 finishes %s, 2 starts %s", es, ef)
	}
	s.Calendar = artifact.Calendar{WorkingDays: []int{1, 2, 3, 4}} // four-day weeks
	Analyze(s, Options{})
	if got := deref(s.Tasks[1].EarlyFinish); got != "2024-01-08" {
		t.Errorf("four-day week: 2 (Thursday + 1 day) finishes %s, want Monday 2024-01-08", got)
	}
}

func TestFileFloatKept(t *testing.T) {
	s := sched([]artifact.Task{task("1", 3), task("2", 1)})
	s.Tasks[0].FloatSource, s.Tasks[0].TotalFloatDays = "file", num(7)
	Analyze(s, Options{})
	a := s.Tasks[0]
	if a.FloatSource != "file" || *a.TotalFloatDays != 7 || a.Critical != nil || deref(a.LateFinish) != "2024-01-03" {
		t.Errorf("file float: source %s tf %v critical %v lf %s", a.FloatSource, *a.TotalFloatDays, a.Critical, deref(a.LateFinish))
	}
	if b := s.Tasks[1]; b.FloatSource != "computed" || fdef(b.TotalFloatDays) != "2" {
		t.Errorf("second task: %s %s", b.FloatSource, fdef(b.TotalFloatDays))
	}
}

func TestCycleNamesExactlyItsTasks(t *testing.T) {
	s := sched([]artifact.Task{task("1", 1), task("2", 1), task("3", 1), task("4", 1), task("5", 1), task("6", 1)},
		rel("4", "2", "FS", 0), rel("2", "3", "FS", 0), rel("3", "5", "FS", 0), rel("5", "2", "FS", 0), // 2→3→5→2
		rel("5", "6", "FS", 0), rel("1", "1", "FS", 0)) // 6 is behind the loop; 1 loops on itself
	Analyze(s, Options{})
	d := s.Derived
	if d.CPMComputed || !reflect.DeepEqual(d.Cycles, [][]string{{"1"}, {"2", "3", "5"}}) {
		t.Fatalf("computed %v cycles %v", d.CPMComputed, d.Cycles)
	}
	if len(d.Notes) == 0 || !strings.Contains(d.Notes[len(d.Notes)-1], "2 dependency loops") {
		t.Errorf("notes = %v", d.Notes)
	}
	if s.Tasks[3].TotalFloatDays != nil || s.Tasks[3].EarlyStart != nil {
		t.Error("no dates may be computed when the network has loops")
	}
}

func TestCycleInterlocking(t *testing.T) {
	// Two loops sharing 1: no single loop names the whole tangle, so the
	// members are listed in UID order.
	s := sched([]artifact.Task{task("1", 1), task("2", 1), task("3", 1)},
		rel("1", "2", "FS", 0), rel("2", "1", "FS", 0), rel("1", "3", "FS", 0), rel("3", "1", "FS", 0))
	Analyze(s, Options{})
	if !reflect.DeepEqual(s.Derived.Cycles, [][]string{{"1", "2", "3"}}) {
		t.Errorf("cycles = %v", s.Derived.Cycles)
	}
}

func TestCriticalPathTest(t *testing.T) {
	t.Run("passes on sound logic", func(t *testing.T) {
		s := sched([]artifact.Task{milestone("1"), task("2", 5), task("3", 3), milestone("4")},
			rel("1", "2", "FS", 0), rel("2", "3", "FS", 0), rel("3", "4", "FS", 0))
		Analyze(s, Options{})
		r := s.Derived.CriticalPathTest
		if r == nil || !r.Pass || r.TaskUID != "1" || r.DelayDays != 600 || r.FinishMoved != 600 || r.Reason != "" {
			t.Errorf("test = %+v", r)
		}
		Analyze(s, Options{TestDelayDays: 20})
		if r := s.Derived.CriticalPathTest; !r.Pass || r.FinishMoved != 20 {
			t.Errorf("20-day test = %+v", r)
		}
	})
	t.Run("fails when an MFO pins the finish", func(t *testing.T) {
		s := sched([]artifact.Task{task("1", 5), milestone("2")}, rel("1", "2", "FS", 0))
		s.Tasks[1].Constraint = &artifact.Constraint{Type: "MFO", Date: str("2024-01-05"), Hard: true}
		Analyze(s, Options{})
		r := s.Derived.CriticalPathTest
		if !reflect.DeepEqual(s.Derived.CriticalPath, []string{"1", "2"}) || r.Pass || r.TaskUID != "1" || r.FinishMoved != 0 ||
			!strings.Contains(r.Reason, "pinned by a MFO constraint") {
			t.Errorf("path %v test %+v", s.Derived.CriticalPath, r)
		}
	})
	t.Run("fails on a dangling finish", func(t *testing.T) {
		// 1 drives 2 only through its start: its finish leads nowhere.
		s := sched([]artifact.Task{task("1", 5), task("2", 5), milestone("3")}, rel("1", "2", "SS", 0), rel("2", "3", "FS", 0))
		Analyze(s, Options{})
		r := s.Derived.CriticalPathTest
		if !reflect.DeepEqual(s.Derived.CriticalPath, []string{"1", "2", "3"}) || r.Pass || r.FinishMoved != 0 ||
			!strings.Contains(r.Reason, "does not reach the finish") {
			t.Errorf("path %v test %+v", s.Derived.CriticalPath, r)
		}
	})
	t.Run("cannot run when all work is done", func(t *testing.T) {
		a := task("1", 1)
		a.Progress, a.ActualStart, a.ActualFinish = "complete", str("2024-01-01"), str("2024-01-01")
		s := sched([]artifact.Task{a})
		Analyze(s, Options{})
		if r := s.Derived.CriticalPathTest; r.Pass || r.Reason == "" || len(s.Derived.CriticalPath) != 0 {
			t.Errorf("test %+v", r)
		}
		if got := deref(s.Derived.ProjectFinish); got != "2024-01-01" {
			t.Errorf("finished project: finish = %s, want the last actual finish", got)
		}
	})
}

func TestSummaryLinksAndPredecessorRefs(t *testing.T) {
	sum := task("10", 0)
	sum.Type, sum.ID = "summary", "1"
	a, b, c := task("11", 2), task("12", 1), task("13", 1)
	a.ID, b.ID, c.ID = "2", "3", "4"
	// No relationship list: predecessors name IDs (3 → a, by ID "2") or UIDs.
	b.Predecessors = []artifact.Link{{Ref: "2", Type: "FS"}}
	c.Predecessors = []artifact.Link{{Ref: "12", Type: "FS"}, {Ref: "10", Type: "FS"}, {Ref: "99", Type: "FS"}, {Ref: "x", External: true}}
	s := sched([]artifact.Task{sum, a, b, c})
	Analyze(s, Options{})
	if got := deref(byUID(t, s, "13").EarlyStart); got != "2024-01-04" {
		t.Errorf("13 early start = %s, want 2024-01-04", got)
	}
	if sum := s.Tasks[0]; sum.EarlyStart != nil || sum.FloatSource != "none" {
		t.Errorf("summary row touched: %+v", sum)
	}
	notes := strings.Join(s.Derived.Notes, "\n")
	if !strings.Contains(notes, "summary tasks are left out of the pass (SCHED-005 reports them): 10") ||
		!strings.Contains(notes, "links naming no task are left out of the pass: 99") {
		t.Errorf("notes = %s", notes)
	}
}

func TestMissingDurationsAndNoDates(t *testing.T) {
	a := task("1", 0)
	a.DurationDays = nil
	b := task("2", 0)
	b.DurationDays, b.Start, b.Finish = nil, str("2024-01-01"), str("2024-01-03")
	s := sched([]artifact.Task{a, b})
	Analyze(s, Options{})
	notes := strings.Join(s.Derived.Notes, "\n")
	if !strings.Contains(notes, "without a duration or dates are taken as zero length: 1") ||
		!strings.Contains(notes, "counted from start and finish dates (no duration given): 2") ||
		deref(byUID(t, s, "2").EarlyFinish) != "2024-01-03" {
		t.Errorf("notes = %s; 2 finishes %s", notes, deref(byUID(t, s, "2").EarlyFinish))
	}
	// A logic-only network (durations, no dates anywhere) still gets float.
	s = sched([]artifact.Task{task("1", 3), task("2", 1), milestone("3")}, rel("1", "3", "FS", 0), rel("2", "3", "FS", 0))
	s.ProjectStart = nil
	Analyze(s, Options{})
	if !s.Derived.CPMComputed || fdef(byUID(t, s, "2").TotalFloatDays) != "2" || s.Tasks[0].EarlyStart != nil || s.Derived.DataDate != nil {
		t.Errorf("undated: computed %v tf %s", s.Derived.CPMComputed, fdef(byUID(t, s, "2").TotalFloatDays))
	}
}

func TestHostileInputsDoNotPanic(t *testing.T) {
	s := sched([]artifact.Task{task("1", 1e300), task("2", -5), task("3", 2)}, rel("1", "2", "XX", 1e300), rel("2", "3", "FS", 0))
	s.Calendar = artifact.Calendar{WorkingDays: []int{9, -1}, Holidays: []string{"garbage", "2024-02-30"}}
	s.StatusDate = str("not a date")
	s.Tasks[2].Constraint = &artifact.Constraint{Type: "MSO", Date: str("0000-01-01")}
	Analyze(s, Options{TestDelayDays: -1})
	if !s.Derived.CPMComputed || len(s.Derived.Notes) < 4 {
		t.Errorf("derived = %+v", s.Derived)
	}
	Analyze(&artifact.Schedule{}, Options{})
}

func TestCalendarRoundTrip(t *testing.T) {
	cal, _ := newCalendar(artifact.Calendar{WorkingDays: []int{1, 2, 3, 4, 5}, Holidays: []string{"2024-12-25", "2025-01-01"}})
	start, _ := parseDate("2023-12-20")
	for d := start; d < start+800; d++ {
		if !cal.isWorking(d) {
			continue
		}
		if got := cal.dayOf(cal.count(d)); got != d {
			a, _ := formatDate(d)
			b, _ := formatDate(got)
			t.Fatalf("dayOf(count(%s)) = %s", a, b)
		}
	}
	for _, s := range []string{"2024-02-29", "1900-03-01", "9999-12-31", "0001-01-01"} {
		d, ok := parseDate(s)
		if f, _ := formatDate(d); !ok || f != s {
			t.Errorf("round trip %s = %s", s, f)
		}
	}
	for _, s := range []string{"2023-02-29", "2024-13-01", "24-01-01", "2024-01-01x"} {
		if _, ok := parseDate(s); ok {
			t.Errorf("parseDate(%q) accepted", s)
		}
	}
}
