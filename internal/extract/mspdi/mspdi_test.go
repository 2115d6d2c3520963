package mspdi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

func corpus(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "corpus", "mpxj", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func read(t testing.TB, b []byte, lim limits.Limits) (*document.Tree, error) {
	t.Helper()
	return Read(context.Background(), bytes.NewReader(b), int64(len(b)), "ims.xml", lim)
}

func mustRead(t *testing.T, b []byte) *document.Schedule {
	t.Helper()
	tr, err := read(t, b, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if tr.Format != document.FormatMSPDI || tr.Schedule == nil {
		t.Fatalf("format %q schedule %v", tr.Format, tr.Schedule)
	}
	if len(tr.Faults) > 0 {
		t.Fatalf("faults %v", tr.Faults)
	}
	return tr.Schedule
}

func fault(t *testing.T, err error) *document.Fault {
	t.Helper()
	var f *document.Fault
	if !errors.As(err, &f) {
		t.Fatalf("not a fault: %v", err)
	}
	return f
}

func task(t *testing.T, s *document.Schedule, uid string) document.ScheduleTask {
	t.Helper()
	for _, k := range s.Tasks {
		if k.UID == uid {
			return k
		}
	}
	t.Fatalf("no task %s", uid)
	return document.ScheduleTask{}
}

func val(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// mspdirelations.xml: five one-day tasks chained by every link type.
func TestRelationsFileLinkTypes(t *testing.T) {
	s := mustRead(t, corpus(t, "mspdirelations.xml"))
	if s.Name != "mspdirelations.xml" || s.StartDate != "2006-09-21" || s.FinishDate != "2006-09-25" || s.StatusDate != "" {
		t.Errorf("project %q %s %s status %q", s.Name, s.StartDate, s.FinishDate, s.StatusDate)
	}
	if s.MinutesPerDay != 480 || s.MinutesPerWeek != 2400 || s.DaysPerMonth != 20 {
		t.Errorf("calendar units %d %d %d", s.MinutesPerDay, s.MinutesPerWeek, s.DaysPerMonth)
	}
	if fmt.Sprint(s.WorkingDays) != "[1 2 3 4 5]" || len(s.Holidays) != 0 {
		t.Errorf("working days %v holidays %v", s.WorkingDays, s.Holidays)
	}
	if len(s.Tasks) != 6 {
		t.Fatalf("%d tasks", len(s.Tasks))
	}
	root := s.Tasks[0]
	if root.UID != "0" || root.OutlineLevel != 0 || !root.Summary || val(root.Duration) != "3" || root.Loc.Line != 150 || s.Tasks[1].Loc.Line != 221 {
		t.Errorf("project summary %+v", root)
	}
	want := map[string]string{"2": "1 FS 0 ", "3": "2 SS 1 1d", "4": "3 FF 0 ", "5": "4 SF 0 "}
	for uid, w := range want {
		k := task(t, s, uid)
		if len(k.Predecessors) != 1 {
			t.Errorf("task %s: links %v", uid, k.Predecessors)
			continue
		}
		l := k.Predecessors[0]
		if got := fmt.Sprintf("%s %s %v %s", l.UID, l.Type, l.LagDays, l.LagRaw); got != w {
			t.Errorf("task %s link %q, want %q", uid, got, w)
		}
	}
	t5 := task(t, s, "5")
	if t5.Name != "Task 5" || t5.Start != "2006-09-22" || t5.Finish != "2006-09-25" || val(t5.Duration) != "1" || t5.DurationRaw != "PT8H0M0S" {
		t.Errorf("task 5 %+v", t5)
	}
	// TotalSlack 4800 tenths of a minute = one 480-minute day.
	if val(t5.TotalSlack) != "1" || val(t5.FreeSlack) != "1" || t5.Critical == nil || *t5.Critical {
		t.Errorf("task 5 slack %s/%s critical %v", val(t5.TotalSlack), val(t5.FreeSlack), t5.Critical)
	}
	if t5.ConstraintType != "ASAP" || t5.ConstraintDate != "" || val(t5.PercentDone) != "0" || t5.WBS != "5" || t5.OutlineNumber != "5" {
		t.Errorf("task 5 %+v", t5)
	}
	if t5.Loc.Path != "ims.xml" || t5.Loc.Task != "5" || t5.Loc.Line == 0 {
		t.Errorf("loc %+v", t5.Loc)
	}
	fields := "ConstraintType Critical Duration DurationFormat EarlyFinish EarlyStart Finish FreeSlack ID IsNull LateFinish LateStart " +
		"Milestone Name OutlineLevel OutlineNumber PercentComplete PredecessorLink RemainingDuration Start Summary TotalSlack UID WBS"
	if got := strings.Join(s.Fields, " "); got != fields {
		t.Errorf("fields\n%s, want\n%s", got, fields)
	}
	// Assignments point at resource -65535 (unassigned): no names.
	for _, k := range s.Tasks {
		if len(k.Resources) != 0 {
			t.Errorf("task %s resources %v", k.UID, k.Resources)
		}
	}
}

// task-links-project2019: lags in days (LagFormat 7) and weeks (9); the
// slack proves the tenths-of-a-minute unit (48000 = 10 days).
func TestProject2019LagsAndSlack(t *testing.T) {
	s := mustRead(t, corpus(t, "task-links-project2019-mspdi.xml"))
	if len(s.Tasks) != 17 || s.StartDate != "2018-10-18" || s.FinishDate != "2018-11-02" {
		t.Fatalf("%d tasks %s–%s", len(s.Tasks), s.StartDate, s.FinishDate)
	}
	cases := []struct{ uid, link, slack, start string }{
		{"2", "1 FS 0 ", "10", "2018-10-19"},
		{"4", "3 FS 1 1d", "9", "2018-10-22"},
		{"6", "5 FS 2 2d", "8", "2018-10-23"},
		{"8", "7 FS 5 1w", "5", "2018-10-26"},
		{"10", "9 FS 10 2w", "0", "2018-11-02"},
		{"12", "11 SF 2 2d", "10", "2018-10-19"},
		{"14", "13 SS 2 2d", "9", "2018-10-22"},
		{"16", "15 FF 2 2d", "9", "2018-10-22"},
	}
	for _, c := range cases {
		k := task(t, s, c.uid)
		l := k.Predecessors[0]
		if got := fmt.Sprintf("%s %s %v %s", l.UID, l.Type, l.LagDays, l.LagRaw); got != c.link {
			t.Errorf("task %s link %q, want %q", c.uid, got, c.link)
		}
		if val(k.TotalSlack) != c.slack || k.Start != c.start {
			t.Errorf("task %s slack %s start %s, want %s %s", c.uid, val(k.TotalSlack), k.Start, c.slack, c.start)
		}
	}
	if k := task(t, s, "11"); val(k.TotalSlack) != "11" || val(k.FreeSlack) != "0" {
		t.Errorf("task 11 slack %s free %s", val(k.TotalSlack), val(k.FreeSlack))
	}
	if k := task(t, s, "10"); k.Critical == nil || !*k.Critical {
		t.Errorf("task 10 critical %v", k.Critical)
	}
}

func TestProject2013Dates(t *testing.T) {
	s := mustRead(t, corpus(t, "task-dates-project2013-mspdi.xml"))
	if len(s.Tasks) != 11 || fmt.Sprint(s.WorkingDays) != "[1 2 3 4 5]" {
		t.Fatalf("%d tasks, working days %v", len(s.Tasks), s.WorkingDays)
	}
	// DurationFormat 53 (estimated days) is working time like 7.
	k := task(t, s, "7")
	if k.Name != "Date7" || k.Start != "2014-11-03" || k.Finish != "2014-11-03" || val(k.Duration) != "1" || val(k.RemainingDur) != "1" ||
		k.EarlyStart != "2014-11-03" || k.LateFinish != "2014-11-03" || k.OutlineLevel != 1 || k.Summary || k.Milestone || k.Null {
		t.Errorf("task 7 %+v", k)
	}
}

// synthetic is a minimal MSPDI project around the given task XML.
func synthetic(extra, tasks string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
<Name>p.xml</Name><Title>Harbor IMS</Title><StatusDate>2024-06-07T17:00:00</StatusDate>
<MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth>
<CalendarUID>3</CalendarUID>` + extra + `<Tasks>` + tasks + `</Tasks></Project>`)
}

func TestBaselineActualsConstraintsResources(t *testing.T) {
	calendars := `<Calendars>
<Calendar><UID>1</UID><Name>Standard</Name><WeekDays>
 <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
 <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay>
 <WeekDay><DayType>7</DayType><DayWorking>1</DayWorking></WeekDay>
 <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2024-07-04T00:00:00</FromDate><ToDate>2024-07-04T23:59:00</ToDate></TimePeriod></WeekDay>
</WeekDays></Calendar>
<Calendar><UID>3</UID><BaseCalendarUID>1</BaseCalendarUID><WeekDays>
 <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
 <WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
</WeekDays><Exceptions>
 <Exception><TimePeriod><FromDate>2024-12-24T00:00:00</FromDate><ToDate>2024-12-26T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception>
 <Exception><TimePeriod><FromDate>2024-12-28T00:00:00</FromDate><ToDate>2024-12-28T23:59:00</ToDate></TimePeriod><DayWorking>1</DayWorking></Exception>
</Exceptions></Calendar>
</Calendars>
<Resources><Resource><UID>7</UID><Name>PMO Lead</Name></Resource><Resource><UID>8</UID><Name>Provider PM</Name></Resource></Resources>`
	tasks := `<Task><UID>19</UID><ID>4</ID><Name>Integrate PMO</Name><WBS>3.1</WBS><OutlineLevel>2</OutlineLevel>
<Start>2024-05-13T08:00:00</Start><Finish>2024-06-07T17:00:00</Finish><ActualStart>2024-05-13T08:00:00</ActualStart>
<Duration>PT160H0M0S</Duration><RemainingDuration>PT64H0M0S</RemainingDuration><PercentComplete>60</PercentComplete>
<ConstraintType>5</ConstraintType><ConstraintDate>2024-05-20T08:00:00</ConstraintDate><Deadline>2024-06-30T17:00:00</Deadline>
<Baseline><Number>1</Number><Start>2020-01-01T08:00:00</Start><Finish>2020-02-01T17:00:00</Finish><Duration>PT8H0M0S</Duration></Baseline>
<Baseline><Number>0</Number><Start>2024-05-06T08:00:00</Start><Finish>2024-05-31T17:00:00</Finish><Duration>PT160H0M0S</Duration></Baseline>
<PredecessorLink><PredecessorUID>18</PredecessorUID><Type>1</Type><LinkLag>28800</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
<PredecessorLink><PredecessorUID>18</PredecessorUID><Type>3</Type><LinkLag>-4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
<PredecessorLink><PredecessorUID>18</PredecessorUID><Type>0</Type><LinkLag>50</LinkLag><LagFormat>19</LagFormat></PredecessorLink>
</Task>
<Task><UID>18</UID><ID>3</ID><Name>Stand up PMO</Name><Duration>PT80H0M0S</Duration><DurationFormat>7</DurationFormat></Task>
<Task><UID>20</UID><ID>5</ID><IsNull>1</IsNull></Task>
<Task><UID>21</UID><ID>6</ID><Name>Cure</Name><Duration>PT168H0M0S</Duration><DurationFormat>8</DurationFormat><Milestone>0</Milestone></Task>`
	assignments := `<Assignments><Assignment><TaskUID>19</TaskUID><ResourceUID>7</ResourceUID></Assignment>
<Assignment><TaskUID>19</TaskUID><ResourceUID>8</ResourceUID></Assignment><Assignment><TaskUID>19</TaskUID><ResourceUID>7</ResourceUID></Assignment>
<Assignment><TaskUID>18</TaskUID><ResourceUID>-65535</ResourceUID></Assignment></Assignments>`
	b := synthetic(calendars, tasks)
	b = bytes.Replace(b, []byte("</Project>"), []byte(assignments+"</Project>"), 1)
	tr, err := read(t, b, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Schedule
	if s.Name != "Harbor IMS" || tr.Properties.Title != "Harbor IMS" || s.StatusDate != "2024-06-07" {
		t.Errorf("name %q title %q status %q", s.Name, tr.Properties.Title, s.StatusDate)
	}
	// Calendar 3: Tuesday added, Saturday off; Sunday off and Monday on from base 1.
	if fmt.Sprint(s.WorkingDays) != "[1 2]" {
		t.Errorf("working days %v", s.WorkingDays)
	}
	if fmt.Sprint(s.Holidays) != "[2024-07-04 2024-12-24 2024-12-25 2024-12-26]" {
		t.Errorf("holidays %v", s.Holidays)
	}
	k := task(t, s, "19")
	if k.BaselineStart != "2024-05-06" || k.BaselineFinish != "2024-05-31" || val(k.BaselineDur) != "20" {
		t.Errorf("baseline %s %s %s", k.BaselineStart, k.BaselineFinish, val(k.BaselineDur))
	}
	if k.ActualStart != "2024-05-13" || k.ActualFinish != "" || val(k.Duration) != "20" || val(k.RemainingDur) != "8" || val(k.PercentDone) != "60" {
		t.Errorf("progress %+v", k)
	}
	if k.ConstraintType != "SNLT" || k.ConstraintDate != "2024-05-20" || k.Deadline != "2024-06-30" || k.WBS != "3.1" || k.OutlineLevel != 2 {
		t.Errorf("constraint %+v", k)
	}
	if fmt.Sprint(k.Resources) != "[PMO Lead Provider PM]" {
		t.Errorf("resources %v", k.Resources)
	}
	// 28800 tenths = 2880 elapsed minutes = 2 calendar days = 10/7 working
	// days; -4800 = one-day lead; 50% of the 10-day predecessor = 5 days.
	var got []string
	for _, l := range k.Predecessors {
		got = append(got, fmt.Sprintf("%s %v %s", l.Type, l.LagDays, l.LagRaw))
	}
	if strings.Join(got, "|") != "FS 1.4286 2ed|SS -1 -1d|FF 5 50%" {
		t.Errorf("links %q", got)
	}
	for _, f := range []string{"Baseline/Start", "Baseline/Finish", "Baseline/Duration", "Assignment", "Deadline", "ActualStart", "ConstraintDate"} {
		if !slices.Contains(s.Fields, f) {
			t.Errorf("fields %v lack %s", s.Fields, f)
		}
	}
	if slices.Contains(s.Fields, "ActualFinish") {
		t.Errorf("fields %v", s.Fields)
	}
	if !task(t, s, "20").Null {
		t.Error("IsNull task not marked")
	}
	// 168 elapsed hours = 7 calendar days = 5 working days.
	if d := task(t, s, "21").Duration; val(d) != "5" {
		t.Errorf("elapsed duration %s", val(d))
	}
}

func TestDTDRefused(t *testing.T) {
	b := []byte(`<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&b;</Name></Project>`)
	_, err := read(t, b, limits.Default())
	if f := fault(t, err); f.Rule != document.ReadCorrupt || !strings.Contains(f.Message, "declares a DTD; refused for safety") || f.Loc.Line != 2 {
		t.Errorf("fault %+v", f)
	}
}

func TestTruncatedFile(t *testing.T) {
	b := corpus(t, "task-links-project2019-mspdi.xml")
	// Cut inside task UID 5: tasks 0–4 were read, the rest is lost.
	cut := bytes.Index(b, []byte("<UID>5</UID>"))
	tr, err := read(t, b[:cut], limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Faults) != 1 || tr.Faults[0].Rule != document.ReadPartialLoss || tr.Faults[0].Loc.Line == 0 {
		t.Fatalf("faults %v", tr.Faults)
	}
	if n := len(tr.Schedule.Tasks); n != 6 || tr.Schedule.Tasks[4].Name != "Task 2" {
		t.Errorf("%d tasks kept", n)
	}

	// Cut before any task: nothing to keep, the file is corrupt.
	cut = bytes.Index(b, []byte("<Tasks>"))
	_, err = read(t, b[:cut], limits.Default())
	if f := fault(t, err); f.Rule != document.ReadCorrupt || !strings.Contains(f.Message, "malformed XML at line") {
		t.Errorf("fault %+v", f)
	}
}

func TestMalformedAndForeignXML(t *testing.T) {
	for name, c := range map[string]struct {
		xml, rule, msg string
	}{
		"mismatched":  {"<Project>\n<Name>x</Title></Project>", document.ReadCorrupt, "line 2"},
		"not project": {"<Workbook/>", document.ReadCorrupt, "not <Project>"},
		"entity":      {"<Project><Name>&nope;</Name></Project>", document.ReadCorrupt, "malformed XML"},
		"two roots":   {"<Project/><Project/>", document.ReadCorrupt, "malformed XML"},
		"utf16":       {`<?xml version="1.0" encoding="UTF-16"?><Project/>`, document.ReadCorrupt, "UTF-8"},
		"empty":       {"", document.ReadEmpty, "empty"},
		"no element":  {"<?xml version=\"1.0\"?>\n", document.ReadCorrupt, "no Project element"},
	} {
		_, err := read(t, []byte(c.xml), limits.Default())
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if f := fault(t, err); f.Rule != c.rule || !strings.Contains(f.Message, c.msg) {
			t.Errorf("%s: %s %q", name, f.Rule, f.Message)
		}
	}
	// Latin-1 is decoded.
	tr, err := read(t, []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Project><Tasks><Task><UID>1</UID><Name>Caf\xe9</Name></Task></Tasks></Project>"), limits.Default())
	if err != nil || tr.Schedule.Tasks[0].Name != "Café" {
		t.Errorf("latin-1: %v %+v", err, tr)
	}
}

func TestDeepNesting(t *testing.T) {
	b := []byte("<Project>" + strings.Repeat("<a>", 10000) + strings.Repeat("</a>", 10000) + "</Project>")
	_, err := read(t, b, limits.Default())
	if f := fault(t, err); f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.xml_depth") {
		t.Errorf("fault %+v", f)
	}
}

func TestFileAndTaskLimits(t *testing.T) {
	b := corpus(t, "task-links-project2019-mspdi.xml")
	lim := limits.Default()
	lim.FileBytes = 1000
	_, err := read(t, b, lim)
	if f := fault(t, err); f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.file_bytes") {
		t.Errorf("fault %+v", f)
	}
	lim = limits.Default()
	lim.Rows = 5
	tr, err := read(t, b, lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Schedule.Tasks) != 5 || len(tr.Faults) != 1 || tr.Faults[0].Rule != document.LimitHit || !strings.Contains(tr.Faults[0].Message, "limits.rows") {
		t.Errorf("%d tasks, faults %v", len(tr.Schedule.Tasks), tr.Faults)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := corpus(t, "mspdirelations.xml")
	if _, err := Read(ctx, bytes.NewReader(b), int64(len(b)), "x", limits.Default()); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
}

func TestHolidaysBounded(t *testing.T) {
	cal := `<Calendars><Calendar><UID>3</UID><Exceptions><Exception><TimePeriod><FromDate>1984-01-01T00:00:00</FromDate><ToDate>2149-12-31T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception></Exceptions></Calendar></Calendars>`
	tr, err := read(t, synthetic(cal, ""), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tr.Schedule.Holidays); n != maxHolidays || len(tr.Notes) != 1 {
		t.Errorf("%d holidays, notes %v", n, tr.Notes)
	}
}

// generated builds an MSPDI file of n chained tasks.
func generated(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><MinutesPerDay>480</MinutesPerDay><Tasks>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "<Task><UID>%d</UID><ID>%d</ID><Name>Task %d</Name><OutlineLevel>1</OutlineLevel><Start>2024-01-01T08:00:00</Start><Finish>2024-01-05T17:00:00</Finish><Duration>PT40H0M0S</Duration><TotalSlack>0</TotalSlack>", i, i, i)
		if i > 1 {
			fmt.Fprintf(&sb, "<PredecessorLink><PredecessorUID>%d</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>", i-1)
		}
		sb.WriteString("</Task>\n")
	}
	sb.WriteString("</Tasks></Project>")
	return []byte(sb.String())
}

func TestFiftyThousandTasks(t *testing.T) {
	if testing.Short() {
		t.Skip("large file")
	}
	s := mustRead(t, generated(50000))
	if len(s.Tasks) != 50000 || s.Tasks[49999].Predecessors[0].UID != "49999" || val(s.Tasks[0].Duration) != "5" {
		t.Errorf("%d tasks", len(s.Tasks))
	}
}

func BenchmarkRead10kTasks(b *testing.B) {
	data := generated(10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), "x", limits.Default()); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"mspdirelations.xml", "task-dates-project2013-mspdi.xml", "task-links-project2019-mspdi.xml"} {
		f.Add(corpus(f, name))
	}
	f.Add(synthetic("", "<Task><UID>1</UID><Duration>-P1DT2H</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID><LinkLag>5</LinkLag><LagFormat>20</LagFormat></PredecessorLink></Task>"))
	lim := limits.Default()
	lim.XMLDepth = 64
	lim.Rows = 1000
	f.Fuzz(func(t *testing.T, b []byte) {
		tr, err := read(t, b, lim)
		if err != nil {
			var fl *document.Fault
			if !errors.As(err, &fl) {
				t.Fatalf("not a fault: %v", err)
			}
			return
		}
		if tr.Schedule == nil || len(tr.Schedule.Tasks) > lim.Rows {
			t.Fatalf("schedule %v", tr.Schedule)
		}
	})
}
