package testdocs

import "time"

// The Monday–Friday calendar the fixture and benchmark schedules are
// written on (no holidays).

func isWeekend(t time.Time) bool { return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday }

// NextWorkday is the first working day after t.
func NextWorkday(t time.Time) time.Time {
	t = t.AddDate(0, 0, 1)
	for isWeekend(t) {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// AddWorkdays moves t forward by n working days.
func AddWorkdays(t time.Time, n int) time.Time {
	for ; n > 0; n-- {
		t = NextWorkday(t)
	}
	return t
}

// Workdays counts the working days from from to to, both included.
func Workdays(from, to time.Time) int {
	n := 0
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if !isWeekend(d) {
			n++
		}
	}
	return n
}
