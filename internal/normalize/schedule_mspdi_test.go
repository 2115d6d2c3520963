package normalize

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/mspdi"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

func readMSPDI(t *testing.T, b []byte) *document.Tree {
	t.Helper()
	tr, err := mspdi.Read(context.Background(), bytes.NewReader(b), int64(len(b)), "ims.xml", limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func mspdiCorpus(t *testing.T, name string) *document.Tree {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "mpxj", name))
	if err != nil {
		t.Fatal(err)
	}
	return readMSPDI(t, b)
}

// fromTree runs scheduleFromTree on a payload prepared as
// normalizeSchedule prepares it.
func fromTree(t *testing.T, tr *document.Tree, opts Options) (*artifact.Artifact, *artifact.Schedule) {
	t.Helper()
	a := &artifact.Artifact{}
	a.Schedule = &artifact.Schedule{Columns: map[string]*string{}, Calendar: defaultCalendar(), StatusDateSource: "none"}
	if !scheduleFromTree(tr, a, opts) {
		t.Fatal("scheduleFromTree declined a schedule tree")
	}
	return a, a.Schedule
}

func taskByUID(t *testing.T, s *artifact.Schedule, uid string) artifact.Task {
	t.Helper()
	for _, k := range s.Tasks {
		if k.UID == uid {
			return k
		}
	}
	t.Fatalf("no task %s", uid)
	return artifact.Task{}
}

func links(ls []artifact.Link) string {
	var out []string
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%s %s %v %s", l.Ref, l.Type, l.LagDays, l.LagRaw))
	}
	return strings.Join(out, "|")
}

func ptr[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func TestScheduleFromTreeDeclinesSheets(t *testing.T) {
	if scheduleFromTree(&document.Tree{Sheets: []document.Sheet{{Name: "s"}}}, &artifact.Artifact{}, Options{}) {
		t.Error("took a tree without a schedule")
	}
}

func TestMSPDIRelationsFile(t *testing.T) {
	a, s := fromTree(t, mspdiCorpus(t, "mspdirelations.xml"), Options{})
	if len(s.Tasks) != 6 || ptr(s.ProjectStart) != "2006-09-21" || ptr(s.ProjectFinish) != "2006-09-25" {
		t.Fatalf("%d tasks %s–%s", len(s.Tasks), ptr(s.ProjectStart), ptr(s.ProjectFinish))
	}
	if s.StatusDate != nil || s.StatusDateSource != "none" || s.BaselineFinish != nil {
		t.Errorf("status %s/%s baseline %s", ptr(s.StatusDate), s.StatusDateSource, ptr(s.BaselineFinish))
	}
	c := s.Calendar
	if c.HoursPerDay != 8 || c.DaysPerWeek != 5 || c.DaysPerMonth != 20 || fmt.Sprint(c.WorkingDays) != "[1 2 3 4 5]" || c.Holidays == nil {
		t.Errorf("calendar %+v", c)
	}
	root := s.Tasks[0]
	if root.UID != "0" || root.Type != "summary" || root.ParentUID != "" || root.WBS != "0" {
		t.Errorf("project summary %+v", root)
	}
	t3 := taskByUID(t, s, "3")
	if t3.Type != "task" || t3.ParentUID != "0" || t3.Name != "Task 3" || t3.ID != "3" || t3.WBS != "3" || t3.OutlineLevel != 1 {
		t.Errorf("task 3 %+v", t3)
	}
	if links(t3.Predecessors) != "2 SS 1 1d" || links(t3.Successors) != "4 FF 0 " {
		t.Errorf("task 3 links %q / %q", links(t3.Predecessors), links(t3.Successors))
	}
	if ptr(t3.Start) != "2006-09-25" || ptr(t3.DurationDays) != "1" || t3.DurationRaw != "PT8H0M0S" || t3.Progress != "not-started" ||
		t3.Constraint != nil || ptr(t3.Critical) != "true" || t3.FloatSource != "file" || ptr(t3.TotalFloatDays) != "0" {
		t.Errorf("task 3 %+v", t3)
	}
	if t5 := taskByUID(t, s, "5"); ptr(t5.TotalFloatDays) != "1" || ptr(t5.FreeFloatDays) != "1" || links(t5.Predecessors) != "4 SF 0 " {
		t.Errorf("task 5 float %s/%s links %q", ptr(t5.TotalFloatDays), ptr(t5.FreeFloatDays), links(t5.Predecessors))
	}
	var rels []string
	for _, r := range s.Relationships {
		rels = append(rels, fmt.Sprintf("%s>%s %s %v", r.From, r.To, r.Type, r.LagDays))
	}
	if got := strings.Join(rels, ", "); got != "1>2 FS 0, 2>3 SS 1, 3>4 FF 0, 4>5 SF 0" {
		t.Errorf("relationships %s", got)
	}
	// Columns: what the file gives is named, the rest stays null.
	for k, want := range map[string]string{"uid": "MSPDI UID", "wbs": "MSPDI WBS", "total_float": "MSPDI TotalSlack",
		"successors": "MSPDI PredecessorLink", "milestone": "MSPDI Milestone", "constraint_type": "MSPDI ConstraintType"} {
		if got := ptr(s.Columns[k]); got != want {
			t.Errorf("column %s = %s, want %s", k, got, want)
		}
	}
	for _, k := range []string{"baseline_start", "baseline_finish", "actual_start", "resources", "deadline", "phase", "status"} {
		if v, ok := s.Columns[k]; !ok || v != nil {
			t.Errorf("column %s = %s (present %v), want null", k, ptr(v), ok)
		}
	}
	for _, f := range []string{"schedule.tasks", "schedule.columns.total_float", "schedule.columns.predecessors"} {
		if !slices.Contains(a.FieldsFound, f) {
			t.Errorf("fields_found %v lacks %s", a.FieldsFound, f)
		}
	}
	if slices.Contains(a.FieldsFound, "schedule.columns.baseline_finish") {
		t.Errorf("fields_found %v", a.FieldsFound)
	}
}

func TestMSPDIWeekLagsAndFloat(t *testing.T) {
	_, s := fromTree(t, mspdiCorpus(t, "task-links-project2019-mspdi.xml"), Options{StatusDate: "2018-10-22"})
	if ptr(s.StatusDate) != "2018-10-22" || s.StatusDateSource != "config" {
		t.Errorf("status %s/%s", ptr(s.StatusDate), s.StatusDateSource)
	}
	if t10 := taskByUID(t, s, "10"); links(t10.Predecessors) != "9 FS 10 2w" || ptr(t10.TotalFloatDays) != "0" || ptr(t10.Critical) != "true" {
		t.Errorf("task 10 %q float %s", links(t10.Predecessors), ptr(t10.TotalFloatDays))
	}
	if t1 := taskByUID(t, s, "1"); links(t1.Successors) != "2 FS 0 " || ptr(t1.TotalFloatDays) != "10" || ptr(t1.FreeFloatDays) != "0" {
		t.Errorf("task 1 %q float %s/%s", links(t1.Successors), ptr(t1.TotalFloatDays), ptr(t1.FreeFloatDays))
	}
	if len(s.Relationships) != 8 {
		t.Errorf("%d relationships", len(s.Relationships))
	}
}

func TestMSPDIProgressTypesConstraints(t *testing.T) {
	b := []byte(`<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project">
<StatusDate>2024-06-07T17:00:00</StatusDate><StartDate>2024-01-08T08:00:00</StartDate><FinishDate>2024-09-30T17:00:00</FinishDate>
<MinutesPerDay>450</MinutesPerDay><MinutesPerWeek>1800</MinutesPerWeek><DaysPerMonth>18</DaysPerMonth><CalendarUID>1</CalendarUID>
<Calendars><Calendar><UID>1</UID><WeekDays>
<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
<WeekDay><DayType>4</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>5</DayType><DayWorking>1</DayWorking></WeekDay>
</WeekDays><Exceptions><Exception><TimePeriod><FromDate>2024-07-04T00:00:00</FromDate><ToDate>2024-07-04T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception></Exceptions></Calendar></Calendars>
<Tasks>
<Task><UID>0</UID><ID>0</ID><Name>Harbor</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
<Task><UID>10</UID><ID>1</ID><Name>Phase 1</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
<Task><UID>11</UID><ID>2</ID><Name>Done work</Name><OutlineNumber>1.1</OutlineNumber><OutlineLevel>2</OutlineLevel><ActualStart>2024-01-08T08:00:00</ActualStart><ActualFinish>2024-01-19T17:00:00</ActualFinish><PercentComplete>100</PercentComplete>
 <Baseline><Number>0</Number><Start>2024-01-08T08:00:00</Start><Finish>2024-01-26T17:00:00</Finish><Duration>PT108H0M0S</Duration></Baseline></Task>
<Task><UID>12</UID><ID>3</ID><Name>Under way</Name><OutlineNumber>1.2</OutlineNumber><OutlineLevel>2</OutlineLevel><PercentComplete>40</PercentComplete><ConstraintType>2</ConstraintType><ConstraintDate>2024-02-01T08:00:00</ConstraintDate>
 <Baseline><Number>0</Number><Finish>2024-08-30T17:00:00</Finish></Baseline><PredecessorLink><PredecessorUID>11</PredecessorUID><Type>1</Type></PredecessorLink></Task>
<Task><UID>13</UID><ID>4</ID><Name>LOE - PMO support</Name><OutlineNumber>1.3</OutlineNumber><OutlineLevel>2</OutlineLevel><ConstraintType>4</ConstraintType><ConstraintDate>2024-03-01T08:00:00</ConstraintDate></Task>
<Task><UID>14</UID><ID>5</ID><IsNull>1</IsNull></Task>
<Task><UID>15</UID><ID>6</ID><Name>Go live</Name><OutlineNumber>2</OutlineNumber><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone><Duration>PT0H0M0S</Duration><ConstraintType>0</ConstraintType>
 <PredecessorLink><PredecessorUID>12</PredecessorUID><Type>1</Type></PredecessorLink><PredecessorLink><PredecessorUID>13</PredecessorUID><Type>0</Type><LinkLag>-9000</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
</Tasks>
<Resources><Resource><UID>1</UID><Name>PMO Lead</Name></Resource></Resources>
<Assignments><Assignment><TaskUID>13</TaskUID><ResourceUID>1</ResourceUID></Assignment></Assignments>
</Project>`)
	a, s := fromTree(t, readMSPDI(t, b), Options{})
	if ptr(s.StatusDate) != "2024-06-07" || s.StatusDateSource != "file" || ptr(s.BaselineFinish) != "2024-08-30" {
		t.Errorf("status %s/%s baseline finish %s", ptr(s.StatusDate), s.StatusDateSource, ptr(s.BaselineFinish))
	}
	c := s.Calendar
	if c.HoursPerDay != 7.5 || c.DaysPerWeek != 4 || c.DaysPerMonth != 18 || fmt.Sprint(c.WorkingDays) != "[1 2 3 4]" || fmt.Sprint(c.Holidays) != "[2024-07-04]" {
		t.Errorf("calendar %+v", c)
	}
	if len(s.Tasks) != 6 {
		t.Fatalf("%d tasks (the null row must be skipped)", len(s.Tasks))
	}
	var shape []string
	for _, k := range s.Tasks {
		shape = append(shape, fmt.Sprintf("%s:%s^%s %s %s", k.UID, k.WBS, k.ParentUID, k.Type, k.Progress))
	}
	want := "0:^ summary not-started|10:1^0 summary not-started|11:1.1^10 task complete|12:1.2^10 task in-progress|13:1.3^10 loe not-started|15:2^0 milestone not-started"
	if got := strings.Join(shape, "|"); got != want {
		t.Errorf("tasks\n%s, want\n%s", got, want)
	}
	t11 := taskByUID(t, s, "11")
	if ptr(t11.BaselineStart) != "2024-01-08" || ptr(t11.BaselineFinish) != "2024-01-26" || ptr(t11.BaselineDurationDays) != "14.4" ||
		ptr(t11.ActualFinish) != "2024-01-19" || ptr(t11.PercentComplete) != "100" || t11.FloatSource != "none" || t11.TotalFloatDays != nil {
		t.Errorf("task 11 %+v", t11)
	}
	if c := taskByUID(t, s, "12").Constraint; c == nil || c.Type != "MSO" || ptr(c.Date) != "2024-02-01" || !c.Hard || c.Raw != "Must Start On" {
		t.Errorf("task 12 constraint %+v", c)
	}
	t13 := taskByUID(t, s, "13")
	if c := t13.Constraint; c == nil || c.Type != "SNET" || c.Hard {
		t.Errorf("task 13 constraint %+v", c)
	}
	if fmt.Sprint(t13.Resources) != "[PMO Lead]" || links(t13.Successors) != "15 FF -2 -2d" {
		t.Errorf("task 13 resources %v successors %q", t13.Resources, links(t13.Successors))
	}
	if t15 := taskByUID(t, s, "15"); t15.Constraint != nil || links(t15.Predecessors) != "12 FS 0 |13 FF -2 -2d" {
		t.Errorf("task 15 %+v", t15)
	}
	if got := ptr(s.Columns["wbs"]); got != "MSPDI OutlineNumber" {
		t.Errorf("wbs column %s", got)
	}
	for _, k := range []string{"resources", "baseline_finish", "baseline_duration", "actual_finish", "constraint_date"} {
		if s.Columns[k] == nil || !slices.Contains(a.FieldsFound, "schedule.columns."+k) {
			t.Errorf("column %s missing (%v)", k, a.FieldsFound)
		}
	}
}

// Through Normalize: finishSchedule keeps the MSPDI relationships and
// successors instead of rebuilding them.
func TestMSPDIThroughNormalize(t *testing.T) {
	a := Normalize(mspdiCorpus(t, "mspdirelations.xml"), classify.Result{Kind: "schedule"}, Options{})
	s := a.Schedule
	if s == nil || len(s.Tasks) != 6 || len(s.Relationships) != 4 {
		t.Fatalf("schedule %+v", s)
	}
	if links(taskByUID(t, s, "1").Successors) != "2 FS 0 " {
		t.Errorf("successors %q", links(taskByUID(t, s, "1").Successors))
	}
	for _, d := range a.Diagnostics {
		if d.Code == "SCHEDULE_HEADER_NOT_FOUND" {
			t.Errorf("sheet path ran: %+v", d)
		}
	}
}
