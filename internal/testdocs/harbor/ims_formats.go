package harbor

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// The Harbor IMS is also written as the CSV and the MS Project XML (MSPDI)
// a program office would export from the same plan, so tests can show that
// every schedule format gives the same findings.

// imsRow is one row of the template: the project row, a phase row or a key
// task row, with the plan's data on key-task rows.
type imsRow struct {
	row, id int
	phase   string // phase number on phase rows
	name    string
	level   int // 0 project, 1 phase, 2 key task
	task    *imsTask
}

// imsRows reads the template's names and phase numbers and joins the plan.
func imsRows(template string, defects bool) ([]imsRow, error) {
	f, err := excelize.OpenFile(template)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", template, err)
	}
	defer f.Close()
	plan := map[int]*imsTask{}
	tasks := imsPlan(defects)
	for i := range tasks {
		plan[tasks[i].row] = &tasks[i]
	}
	var rows []imsRow
	for _, l := range imsLayout() {
		row := imsRow{row: l.row, id: l.row - 1, level: 2, task: plan[l.row]}
		if l.milestone >= 0 {
			row.name = charterMilestones[l.milestone].name
			rows = append(rows, row)
			continue
		}
		name, err := f.GetCellValue(imsSheet, "B"+strconv.Itoa(l.orig))
		if err != nil {
			return nil, err
		}
		phase, _ := f.GetCellValue(imsSheet, "A"+strconv.Itoa(l.orig))
		row.phase, row.name = strings.TrimSpace(phase), strings.TrimSpace(name)
		switch {
		case l.orig == 2:
			row.name, row.level = programName, 0
		case row.phase != "":
			row.level = 1
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func usDate(t time.Time) string { return t.Format("1/2/2006") }

// writeScheduleCSV writes the IMS as a CSV export with the template's
// columns.
func writeScheduleCSV(template, out string, defects bool) error {
	rows, err := imsRows(template, defects)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"Phase", "Task Name", "Duration", "% Complete", "Start", "Finish", "Actual Start", "Actual Finish", "Predecessors", "Successors", "Resource Type", "Baseline Start", "Baseline Finish"})
	for _, r := range rows {
		rec := make([]string, 13)
		rec[0], rec[1] = r.phase, r.name
		if t := r.task; t != nil {
			rec[2] = fmt.Sprintf("%d days", t.dur)
			rec[3] = fmt.Sprintf("%g%%", t.pct*100)
			rec[4], rec[5] = usDate(t.start), usDate(t.finish)
			if t.actualStart != nil {
				rec[6] = usDate(*t.actualStart)
			}
			if t.actualFinish != nil {
				rec[7] = usDate(*t.actualFinish)
			}
			rec[8] = joinIDs(t.preds)
			rec[10] = t.resource
			rec[11], rec[12] = usDate(t.start), usDate(t.finish)
		}
		_ = w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

func msStart(t time.Time) string  { return t.Format("2006-01-02") + "T08:00:00" }
func msFinish(t time.Time) string { return t.Format("2006-01-02") + "T17:00:00" }

// writeScheduleMSPDI writes the IMS as Microsoft Project XML: the project
// row is a top-level summary task, phases are outline level 2, key tasks
// and milestones level 3. Task UIDs and IDs equal the template's MS Project
// IDs (row - 1), so predecessors and messages name the same tasks in every
// format.
func writeScheduleMSPDI(template, out string, defects bool) error {
	rows, err := imsRows(template, defects)
	if err != nil {
		return err
	}
	p := testdocs.MSPDIProject{Name: "Integrated-Master-Schedule.xml", Title: programName,
		StatusDate: statusDate.Format("2006-01-02") + "T17:00:00", MinutesPerDay: 480, MinutesPerWeek: 2400, DaysPerMonth: 20,
		StartDate: msStart(phaseStarts[0]), FinishDate: msFinish(phaseEnd)}
	for i, name := range resourceTypes {
		p.Resources = append(p.Resources, testdocs.MSPDIResource{UID: i + 1, ID: i + 1, Name: name})
	}
	resourceUID := func(name string) int {
		for i, n := range resourceTypes {
			if n == name {
				return i + 1
			}
		}
		return 0
	}
	phase, child := "", 0
	for _, r := range rows {
		t := testdocs.MSPDITask{UID: r.id, ID: r.id, Name: r.name, OutlineLevel: r.level}
		switch r.level {
		case 0:
			t.OutlineLevel, t.Summary, t.WBS, t.OutlineNumber = 1, 1, "1", "1"
		case 1:
			phase, child = r.phase, 0
			t.OutlineLevel, t.Summary = 2, 1
			t.WBS = "1." + phase
			t.OutlineNumber = t.WBS
		default:
			child++
			t.OutlineLevel = 3
			t.WBS = "1." + phase + "." + strconv.Itoa(child)
			t.OutlineNumber = t.WBS
		}
		if k := r.task; k != nil {
			t.Start, t.Finish = msStart(k.start), msFinish(k.finish)
			t.Duration = fmt.Sprintf("PT%dH0M0S", k.dur*8)
			if k.milestone != "" {
				t.Milestone = 1
			}
			t.Baseline = &testdocs.MSPDIBaseline{Start: msStart(k.start), Finish: msFinish(k.finish), Duration: t.Duration}
			t.PercentComplete = int(k.pct*100 + 0.5)
			if k.actualStart != nil {
				t.ActualStart = msStart(*k.actualStart)
			}
			if k.actualFinish != nil {
				t.ActualFinish = msFinish(*k.actualFinish)
			}
			if uid := resourceUID(k.resource); uid > 0 {
				p.Assignments = append(p.Assignments, testdocs.MSPDIAssignment{UID: len(p.Assignments) + 1, TaskUID: t.UID, ResourceUID: uid})
			}
			for _, id := range k.preds {
				t.Preds = append(t.Preds, testdocs.MSPDILink{PredecessorUID: id, Type: 1, LagFormat: 7})
			}
		}
		p.Tasks = append(p.Tasks, t)
	}
	return testdocs.WriteMSPDI(out, &p)
}

// ScheduleFormats writes the Harbor IMS in every schedule format tollgate
// reads — the GSA workbook, its CSV export and its MS Project XML — into
// dir, and returns the three paths.
func ScheduleFormats(corpus, dir string, opts Options) ([]string, error) {
	template := corpus + "/gsa/M3-Playbook-Master-Schedule-Template.xlsx"
	paths := []string{dir + "/ims.xlsx", dir + "/ims.csv", dir + "/ims.xml"}
	for i, write := range []func(string, string, bool) error{writeSchedule, writeScheduleCSV, writeScheduleMSPDI} {
		if err := write(template, paths[i], opts.Defects); err != nil {
			return nil, fmt.Errorf("%s: %w", paths[i], err)
		}
	}
	return paths, nil
}
