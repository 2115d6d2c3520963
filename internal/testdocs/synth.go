package testdocs

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// SynthTask is one task of a synthetic schedule.
type SynthTask struct {
	ID                        int
	Name                      string
	Level                     int // 1 = phase summary, 2 = task
	Summary, Milestone        bool
	Dur                       int // working days
	Start, Finish             time.Time
	ActualStart, ActualFinish *time.Time
	Pct                       int
	Preds                     []string // "12", "12SS", "12FS+2d"
	Resource                  string
}

// SynthSchedule builds a deterministic n-task schedule shaped like a real
// IMS: phases of up to 200 tasks on parallel chains, mostly finish-to-start
// links with some SS/FF links and lags, progress up to the status date,
// resources. It is the benchmark corpus for schedule normalization and the
// DCMA pack (tools/mkschedule writes it to disk).
func SynthSchedule(n int, seed uint64) (tasks []SynthTask, status time.Time) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	status = time.Date(2026, 9, 4, 0, 0, 0, 0, time.UTC)
	resources := []string{"PMO", "Analyst", "Developer", "Tester", "Data Team", "Trainer", "Security"}
	id := 0
	prevPhaseEnds := []int{}
	cursor := start
	for len(tasks) < n {
		id++
		phase := SynthTask{ID: id, Name: fmt.Sprintf("Phase %d", id), Level: 1, Summary: true}
		tasks = append(tasks, phase)
		size := min(200, n-len(tasks))
		chains := 5
		ends := make([]int, chains)
		endDates := make([]time.Time, chains)
		for k := range chains {
			endDates[k] = cursor
		}
		phaseEnd := cursor
		for i := 0; i < size; i++ {
			id++
			k := i % chains
			t := SynthTask{ID: id, Name: fmt.Sprintf("Task %d", id), Level: 2, Dur: 1 + r.IntN(15), Resource: resources[r.IntN(len(resources))]}
			switch {
			case ends[k] != 0 && r.IntN(10) == 0:
				t.Preds = []string{strconv.Itoa(ends[k]) + "SS"}
			case ends[k] != 0 && r.IntN(20) == 0:
				t.Preds = []string{strconv.Itoa(ends[k]) + "FS+2d"}
			case ends[k] != 0:
				t.Preds = []string{strconv.Itoa(ends[k])}
			default:
				for _, p := range prevPhaseEnds {
					t.Preds = append(t.Preds, strconv.Itoa(p))
				}
			}
			if i > chains && r.IntN(8) == 0 {
				t.Preds = append(t.Preds, strconv.Itoa(id-chains-1)+"FF")
			}
			if r.IntN(40) == 0 {
				t.Milestone, t.Dur = true, 0
			}
			t.Start = NextWorkday(endDates[k])
			t.Finish = AddWorkdays(t.Start, max(t.Dur-1, 0))
			if !t.Finish.After(status) {
				as, af := t.Start, t.Finish
				t.ActualStart, t.ActualFinish, t.Pct = &as, &af, 100
			} else if !t.Start.After(status) {
				as := t.Start
				t.ActualStart, t.Pct = &as, 50
			}
			tasks = append(tasks, t)
			ends[k], endDates[k] = id, t.Finish
			if t.Finish.After(phaseEnd) {
				phaseEnd = t.Finish
			}
		}
		prevPhaseEnds = ends
		cursor = phaseEnd
	}
	return tasks, status
}

// SynthCSV renders a synthetic schedule as an MS Project CSV export.
func SynthCSV(tasks []SynthTask, status time.Time) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range synthRows(tasks, status) {
		rec := make([]string, len(r))
		for i, v := range r {
			switch x := v.(type) {
			case time.Time:
				rec[i] = x.Format("1/2/2006")
			case string:
				rec[i] = x
			}
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// SynthXLSX writes a synthetic schedule as an MS Project "export to Excel"
// workbook: the same rows as SynthCSV, dates as date cells.
func SynthXLSX(path string, tasks []SynthTask, status time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Task_Table"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	for i, r := range synthRows(tasks, status) {
		cells := make([]any, len(r))
		for j, v := range r {
			if t, ok := v.(time.Time); ok {
				cells[j] = excelize.Cell{StyleID: dateStyle, Value: t}
			} else {
				cells[j] = v
			}
		}
		axis, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := sw.SetRow(axis, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// synthRows are a synthetic schedule's export rows: the status-date line,
// the header, one row per task; dates as time.Time, blanks as "".
func synthRows(tasks []SynthTask, status time.Time) [][]any {
	rows := [][]any{
		{"Status Date", status},
		{"ID", "Outline Level", "Task Name", "Duration", "Start", "Finish", "Baseline Start", "Baseline Finish",
			"Actual Start", "Actual Finish", "% Complete", "Predecessors", "Resource Names"},
	}
	d := func(t *time.Time) any {
		if t == nil || t.IsZero() {
			return ""
		}
		return *t
	}
	for _, t := range tasks {
		dur := ""
		if !t.Summary {
			dur = strconv.Itoa(t.Dur) + " days"
		}
		rows = append(rows, []any{strconv.Itoa(t.ID), strconv.Itoa(t.Level), t.Name, dur, d(&t.Start), d(&t.Finish), d(&t.Start), d(&t.Finish),
			d(t.ActualStart), d(t.ActualFinish), strconv.Itoa(t.Pct) + "%", strings.Join(t.Preds, ","), t.Resource})
	}
	return rows
}

// WriteSynthMSPDI writes the synthetic n-task schedule of seed to path as
// MS Project XML.
func WriteSynthMSPDI(t testing.TB, path string, n int, seed uint64) {
	t.Helper()
	tasks, status := SynthSchedule(n, seed)
	if err := WriteMSPDI(path, SynthMSPDI(tasks, status)); err != nil {
		t.Fatal(err)
	}
}

// SynthMSPDI renders a synthetic schedule as MS Project XML.
func SynthMSPDI(tasks []SynthTask, status time.Time) *MSPDIProject {
	p := &MSPDIProject{Name: "synthetic.xml", Title: "Synthetic schedule", StatusDate: status.Format("2006-01-02") + "T17:00:00",
		MinutesPerDay: 480, MinutesPerWeek: 2400, DaysPerMonth: 20}
	types := map[string]int{"FF": 0, "FS": 1, "SF": 2, "SS": 3}
	resUID := map[string]int{}
	ts := func(t *time.Time, clock string) string {
		if t == nil || t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02") + "T" + clock
	}
	for _, t := range tasks {
		m := MSPDITask{UID: t.ID, ID: t.ID, Name: t.Name, OutlineLevel: t.Level, WBS: strconv.Itoa(t.ID), OutlineNumber: strconv.Itoa(t.ID),
			Start: ts(&t.Start, "08:00:00"), Finish: ts(&t.Finish, "17:00:00"), PercentComplete: t.Pct,
			ActualStart: ts(t.ActualStart, "08:00:00"), ActualFinish: ts(t.ActualFinish, "17:00:00")}
		if t.Summary {
			m.Summary = 1
		} else {
			m.Duration = fmt.Sprintf("PT%dH0M0S", t.Dur*8)
			m.Baseline = &MSPDIBaseline{Start: m.Start, Finish: m.Finish, Duration: m.Duration}
		}
		if t.Milestone {
			m.Milestone = 1
		}
		for _, pred := range t.Preds {
			// "12", "12SS", "12FF", "12FS+2d": the ID, then the type, then
			// the lag (SynthSchedule writes no other form).
			num := pred[:len(pred)-len(strings.TrimLeft(pred, "0123456789"))]
			rest := pred[len(num):]
			typ, lag := "FS", 0
			if len(rest) >= 2 {
				typ = rest[:2]
			}
			if strings.HasSuffix(rest, "+2d") {
				lag = 2 * 480 * 10 // tenths of a minute
			}
			uid, err := strconv.Atoi(num)
			if err != nil {
				panic(fmt.Sprintf("synthetic predecessor %q", pred))
			}
			m.Preds = append(m.Preds, MSPDILink{PredecessorUID: uid, Type: types[typ], LinkLag: lag, LagFormat: 7})
		}
		if t.Resource != "" {
			ruid, ok := resUID[t.Resource]
			if !ok {
				ruid = len(resUID) + 1
				resUID[t.Resource] = ruid
				p.Resources = append(p.Resources, MSPDIResource{UID: ruid, ID: ruid, Name: t.Resource})
			}
			p.Assignments = append(p.Assignments, MSPDIAssignment{UID: len(p.Assignments) + 1, TaskUID: t.ID, ResourceUID: ruid})
		}
		p.Tasks = append(p.Tasks, m)
	}
	return p
}
