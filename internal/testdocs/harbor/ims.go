package harbor

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// The IMS is the GSA M3 Master Schedule template filled in: the template
// already lists every M3 key task under its phase row; the program office
// adds durations, dates, actuals up to the status date, predecessors and
// the resource type, exactly in the template's own columns.
const imsSheet = "Schedule Template"

// statusDate is the IMS data date: actuals are recorded up to it.
var statusDate = day(2026, time.November, 13)

// phaseStarts are the planned phase windows of the Harbor program. Phase 4
// (migration, i.e. execution) starts after the PMP approval on
// pmpApproved.
var phaseStarts = map[int]time.Time{
	0: day(2025, time.October, 6),
	1: day(2026, time.January, 5),
	2: day(2026, time.April, 6),
	3: day(2026, time.June, 1),
	4: day(2026, time.August, 31),
	5: day(2027, time.July, 5),
}

var phaseEnd = day(2027, time.December, 17)

// phaseRows are the template's phase rows (column A holds the phase
// number); the key-task rows of a phase follow it.
var phaseRows = []struct{ phase, first, last int }{
	{0, 4, 5}, {1, 7, 20}, {2, 22, 30}, {3, 32, 44}, {4, 46, 62}, {5, 64, 72},
}

// earlyStartRow is the deliberate defect of the example (XDOC-001): the
// O&M governance design, a phase 4 task planned to start on August 31,
// actually started on August 17, a week before the PMP was approved.
const earlyStartRow = 48

var resourceTypes = []string{"Program Manager (Customer)", "PMO Lead (Provider)", "Business Owner", "Functional Lead (Provider)", "Technical Lead (Provider)", "Change Manager (Customer)"}

// imsTask is one key-task row of the Harbor IMS as the program office
// planned and statused it.
type imsTask struct {
	row, id                   int // template row; MS Project ID (row - 1)
	dur                       int // working days
	start, finish             time.Time
	pct                       float64 // 0..1
	actualStart, actualFinish *time.Time
	preds                     []int // predecessor IDs (finish-to-start)
	resource                  string
}

// imsPlan lays the key tasks of each phase on up to three parallel chains
// inside the phase window; the first task of every chain follows all chain
// ends of the previous phase. Actuals are recorded up to statusDate.
func imsPlan(defects bool) []imsTask {
	var tasks []imsTask
	var prevEnds []int // task IDs ending the previous phase's chains
	for _, p := range phaseRows {
		start := phaseStarts[p.phase]
		end := phaseEnd
		if next, ok := phaseStarts[p.phase+1]; ok {
			end = next.AddDate(0, 0, -1)
		}
		n := p.last - p.first + 1
		chains := min(3, n)
		perChain := (n + chains - 1) / chains
		dur := max(workdays(start, end)/perChain, 1)
		chainEnd := make([]time.Time, chains)
		chainPrev := make([][]int, chains)
		for k := range chains {
			chainEnd[k] = start.AddDate(0, 0, -1)
			chainPrev[k] = prevEnds
		}
		for row := p.first; row <= p.last; row++ {
			k := (row - p.first) % chains
			ts := nextWorkday(chainEnd[k])
			tf := addWorkdays(ts, dur-1)
			t := imsTask{row: row, id: row - 1, dur: dur, start: ts, finish: tf, preds: chainPrev[k],
				resource: resourceTypes[(row+k)%len(resourceTypes)]}
			switch {
			case !tf.After(statusDate):
				t.pct, t.actualStart, t.actualFinish = 1, &ts, &tf
			case !ts.After(statusDate):
				done := float64(workdays(ts, statusDate)) / float64(dur)
				t.pct, t.actualStart = float64(int(done*20))/20, &ts
			}
			if defects && row == earlyStartRow {
				early := pmpApproved.AddDate(0, 0, -7)
				t.actualStart = &early
			}
			tasks = append(tasks, t)
			chainEnd[k], chainPrev[k] = tf, []int{t.id}
		}
		prevEnds = nil
		for _, c := range chainPrev {
			prevEnds = append(prevEnds, c...)
		}
	}
	return tasks
}

func joinIDs(ids []int) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.Itoa(id)
	}
	return strings.Join(s, ",")
}

// writeSchedule fills the GSA M3 Master Schedule template's own columns.
func writeSchedule(template, out string, defects bool) error {
	changes := []testdocs.CellChange{
		{Sheet: imsSheet, Cell: "B2", Value: programName},
	}
	set := func(col string, row int, v any) {
		changes = append(changes, testdocs.CellChange{Sheet: imsSheet, Cell: col + strconv.Itoa(row), Value: v})
	}
	for _, t := range imsPlan(defects) {
		set("C", t.row, fmt.Sprintf("%d days", t.dur))
		set("D", t.row, t.pct)
		set("E", t.row, t.start)
		set("F", t.row, t.finish)
		if t.actualStart != nil {
			set("G", t.row, *t.actualStart)
		}
		if t.actualFinish != nil {
			set("H", t.row, *t.actualFinish)
		}
		if len(t.preds) > 0 {
			set("I", t.row, joinIDs(t.preds))
		}
		set("K", t.row, t.resource)
	}
	return testdocs.CopyXlsxWithCells(template, out, changes...)
}

func isWeekend(t time.Time) bool { return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday }

func nextWorkday(t time.Time) time.Time {
	t = t.AddDate(0, 0, 1)
	for isWeekend(t) {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func addWorkdays(t time.Time, n int) time.Time {
	for ; n > 0; n-- {
		t = nextWorkday(t)
	}
	return t
}

func workdays(from, to time.Time) int {
	n := 0
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if !isWeekend(d) {
			n++
		}
	}
	return n
}
