package harbor

import (
	"fmt"
	"strconv"
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

func writeSchedule(template, out string, defects bool) error {
	changes := []testdocs.CellChange{
		{Sheet: imsSheet, Cell: "B2", Value: programName},
	}
	set := func(col string, row int, v any) {
		changes = append(changes, testdocs.CellChange{Sheet: imsSheet, Cell: col + strconv.Itoa(row), Value: v})
	}
	prevLast := 0 // task ID of the last task of the previous phase
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
		chainPrev := make([]int, chains)
		for k := range chains {
			chainEnd[k] = start.AddDate(0, 0, -1)
			chainPrev[k] = prevLast
		}
		for row := p.first; row <= p.last; row++ {
			k := (row - p.first) % chains
			ts := nextWorkday(chainEnd[k])
			tf := addWorkdays(ts, dur-1)
			id := row - 1 // MS Project IDs: the template's rows from 2 on
			set("C", row, fmt.Sprintf("%d days", dur))
			set("E", row, ts)
			set("F", row, tf)
			if chainPrev[k] > 0 {
				set("I", row, strconv.Itoa(chainPrev[k]))
			}
			set("K", row, resourceTypes[(row+k)%len(resourceTypes)])
			switch {
			case !tf.After(statusDate):
				set("D", row, 1.0)
				set("G", row, ts)
				set("H", row, tf)
			case !ts.After(statusDate):
				done := float64(workdays(ts, statusDate)) / float64(dur)
				set("D", row, float64(int(done*20))/20)
				set("G", row, ts)
			default:
				set("D", row, 0.0)
			}
			chainEnd[k], chainPrev[k] = tf, id
		}
		prevLast = chainPrev[0]
		for _, c := range chainPrev {
			prevLast = max(prevLast, c)
		}
	}
	if defects {
		set("G", earlyStartRow, pmpApproved.AddDate(0, 0, -7))
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
