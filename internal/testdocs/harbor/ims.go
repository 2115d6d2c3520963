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

// imsTask is one key-task or milestone row of the Harbor IMS as the
// program office planned and statused it.
type imsTask struct {
	row, id                   int // final sheet row; MS Project ID (row - 1)
	dur                       int // working days (0 for milestones)
	start, finish             time.Time
	pct                       float64 // 0..1
	actualStart, actualFinish *time.Time
	preds                     []int // predecessor IDs (finish-to-start)
	resource                  string
	milestone                 string // charter milestone name on inserted rows
}

// layoutRow is one row of the filled IMS: a template row (orig > 0) or a
// charter milestone row inserted at the end of its phase.
type layoutRow struct {
	orig, row, phase, milestone int // milestone: index into charterMilestones, -1 for template rows
}

// imsLayout places the template's rows and the inserted milestone rows.
func imsLayout() []layoutRow {
	var out []layoutRow
	row := 1
	add := func(orig, phase, ms int) {
		row++
		out = append(out, layoutRow{orig: orig, row: row, phase: phase, milestone: ms})
	}
	add(2, -1, -1) // project row
	add(3, 0, -1)  // phase 0 row
	for _, p := range phaseRows {
		if p.phase > 0 {
			add(p.first-1, p.phase, -1) // the phase row above its key tasks
		}
		for r := p.first; r <= p.last; r++ {
			add(r, p.phase, -1)
		}
		for i, m := range charterMilestones {
			if m.phase == p.phase {
				add(0, p.phase, i)
			}
		}
	}
	return out
}

// finalRow is where a template row ends up after the milestone inserts.
func finalRow(orig int) int {
	for _, l := range imsLayout() {
		if l.orig == orig {
			return l.row
		}
	}
	return 0
}

// EarlyStartRow is the IMS row of the deliberate XDOC-001 defect.
func EarlyStartRow() int { return finalRow(earlyStartRow) }

// imsPlan lays the key tasks of each phase on up to three parallel chains
// inside the phase window; the first task of every chain follows all chain
// ends of the previous phase. A charter milestone follows the latest task
// of its phase that finishes by its date. Actuals are recorded up to
// statusDate.
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
		dur := max(testdocs.Workdays(start, end)/perChain, 1)
		chainEnd := make([]time.Time, chains)
		chainPrev := make([][]int, chains)
		for k := range chains {
			chainEnd[k] = start.AddDate(0, 0, -1)
			chainPrev[k] = prevEnds
		}
		var phaseTasks []imsTask
		for r := p.first; r <= p.last; r++ {
			k := (r - p.first) % chains
			ts := testdocs.NextWorkday(chainEnd[k])
			tf := testdocs.AddWorkdays(ts, dur-1)
			row := finalRow(r)
			t := imsTask{row: row, id: row - 1, dur: dur, start: ts, finish: tf, preds: chainPrev[k],
				resource: resourceTypes[(r+k)%len(resourceTypes)]}
			t.status()
			if defects && r == earlyStartRow {
				early := pmpApproved.AddDate(0, 0, -7)
				t.actualStart = &early
			}
			phaseTasks = append(phaseTasks, t)
			chainEnd[k], chainPrev[k] = tf, []int{t.id}
		}
		tasks = append(tasks, phaseTasks...)
		var milestones []int
		for _, l := range imsLayout() {
			if l.milestone < 0 || l.phase != p.phase {
				continue
			}
			m := charterMilestones[l.milestone]
			t := imsTask{row: l.row, id: l.row - 1, start: m.date, finish: m.date, milestone: m.name, resource: resourceTypes[0]}
			var latest *imsTask
			for i := range phaseTasks {
				if !phaseTasks[i].finish.After(m.date) && (latest == nil || !phaseTasks[i].finish.Before(latest.finish)) {
					latest = &phaseTasks[i]
				}
			}
			switch {
			case p.phase == phaseRows[len(phaseRows)-1].phase:
				// The program's finish milestone closes every chain.
				for _, c := range chainPrev {
					t.preds = append(t.preds, c...)
				}
			case latest != nil:
				t.preds = []int{latest.id}
			default:
				t.preds = prevEnds
			}
			t.status()
			tasks = append(tasks, t)
			milestones = append(milestones, t.id)
		}
		// The next phase starts after this phase's chains and milestones.
		prevEnds = nil
		for _, c := range chainPrev {
			prevEnds = append(prevEnds, c...)
		}
		prevEnds = append(prevEnds, milestones...)
	}
	return tasks
}

// status records actuals up to the status date.
func (t *imsTask) status() {
	ts, tf := t.start, t.finish
	switch {
	case !tf.After(statusDate):
		t.pct, t.actualStart, t.actualFinish = 1, &ts, &tf
	case !ts.After(statusDate):
		done := float64(testdocs.Workdays(ts, statusDate)) / float64(max(t.dur, 1))
		t.pct, t.actualStart = float64(int(done*20))/20, &ts
	}
}

func joinIDs(ids []int) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.Itoa(id)
	}
	return strings.Join(s, ",")
}

// writeSchedule fills the GSA M3 Master Schedule template's own columns,
// inserting the charter milestone rows at the end of their phases.
func writeSchedule(template, out string, defects bool) error {
	return writeScheduleOpts(template, out, Options{Defects: defects})
}

// writeScheduleOpts is writeSchedule; with opts.M3 the workbook also
// carries its M3 history — the initial master schedule of key task 1.2,
// updated in Selection with the implementation approach, before it became
// the IMS — and the sign-off of both parties (key task 3.1 activity 8).
func writeScheduleOpts(template, out string, opts Options) error {
	defects := opts.Defects
	var inserts []testdocs.RowInsert
	for i := len(phaseRows) - 1; i >= 0; i-- {
		n := 0
		for _, m := range charterMilestones {
			if m.phase == phaseRows[i].phase {
				n++
			}
		}
		if n > 0 {
			inserts = append(inserts, testdocs.RowInsert{Sheet: imsSheet, Row: phaseRows[i].last + 1, N: n})
		}
	}
	changes := []testdocs.CellChange{
		{Sheet: imsSheet, Cell: "B2", Value: programName},
	}
	set := func(col string, row int, v any) {
		changes = append(changes, testdocs.CellChange{Sheet: imsSheet, Cell: col + strconv.Itoa(row), Value: v})
	}
	for _, t := range imsPlan(defects) {
		set("C", t.row, fmt.Sprintf("%d days", t.dur))
		if t.milestone != "" {
			// Inserted rows have no percent format: write the text a
			// user types.
			set("B", t.row, t.milestone)
			set("D", t.row, fmt.Sprintf("%g%%", t.pct*100))
		} else {
			set("D", t.row, t.pct)
		}
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
		set("L", t.row, t.start)
		set("M", t.row, t.finish)
	}
	// The schedule was baselined at PMP approval: the program office adds
	// the baseline columns MS Project exports next to the template's.
	set("L", 1, "Baseline Start")
	set("M", 1, "Baseline Finish")
	revisions := [][]string{
		{"1.0", longDate(day(2026, time.August, 14)), pmName, "Baseline schedule submitted with the PMP."},
		{"1.1", longDate(pmpApproved), pmName, "Baselined at PMP approval."},
		{"1.2", longDate(statusDate), pmName, "Status update for the 13 November 2026 data date."},
	}
	if opts.M3 {
		revisions = append([][]string{
			{"0.1", longDate(M3Dates.IMSInitial), pmName, "Initial Master Schedule (key task 1.2)."},
			{"0.2", longDate(M3Dates.IMSSelection), pmName, "Updated in Selection with the implementation approach (key task 2.1)."},
		}, revisions...)
		changes = append(changes, bothManagersSheet(pmpApproved)...)
	}
	changes = append(changes, revisionSheet(revisions...)...)
	return testdocs.CopyXlsx(template, out, inserts, changes...)
}
