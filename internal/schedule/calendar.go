package schedule

import (
	"sort"
	"strconv"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// ticksPerDay is the resolution of the engine's clock: one tick is one
// minute of an eight-hour working day. Durations and lags arrive in
// (possibly fractional) working days; counting integer ticks keeps every
// comparison in the passes exact, which float days would not.
const ticksPerDay = 480

// calendar counts working days. A "point" is an instant on the working-time
// axis measured in ticks: point k*ticksPerDay is the start of working day
// k, which is the same instant as the end of working day k-1. Start dates
// are read at the start of their day and finish dates at the end, so a
// one-day task starting on Monday finishes on Monday and its
// finish-to-start successor starts on Tuesday, as MS Project shows them.
type calendar struct {
	working  [7]bool // indexed from Sunday, like artifact.Calendar.WorkingDays
	perWeek  int64   // working weekdays per week
	prefix   [8]int64
	holidays []int64 // epoch days of holidays falling on working weekdays, sorted
	names    map[int64]string
}

// sunday is the epoch day of Sunday 1970-01-04, the origin of the weekly
// counting (epoch day 0 is a Thursday).
const sunday = 3

// newCalendar builds the counting calendar; it reports what it had to
// assume so Analyze can say so in its notes.
func newCalendar(c artifact.Calendar) (*calendar, []string) {
	var notes []string
	cal := &calendar{names: map[int64]string{}}
	for _, d := range c.WorkingDays {
		if d >= 0 && d <= 6 {
			cal.working[d] = true
		}
	}
	n := int64(0)
	for i := 0; i < 7; i++ {
		cal.prefix[i] = n
		if cal.working[i] {
			n++
		}
	}
	cal.prefix[7] = n
	if n == 0 {
		if len(c.WorkingDays) > 0 {
			notes = append(notes, "calendar has no valid working days; Monday to Friday assumed")
		}
		cal.working = [7]bool{false, true, true, true, true, true, false}
		for i, n := 0, int64(0); i < 8; i++ {
			cal.prefix[i] = n
			if i < 7 && cal.working[i] {
				n++
			}
		}
		n = 5
	}
	cal.perWeek = n
	bad := 0
	for _, h := range c.Holidays {
		d, ok := parseDate(h)
		if !ok {
			bad++
			continue
		}
		if cal.working[weekday(d)] {
			cal.holidays = append(cal.holidays, d)
		}
	}
	if bad > 0 {
		notes = append(notes, strconv.Itoa(bad)+" calendar holidays are not ISO dates and were ignored")
	}
	sort.Slice(cal.holidays, func(i, j int) bool { return cal.holidays[i] < cal.holidays[j] })
	cal.holidays = dedupe(cal.holidays)
	return cal, notes
}

func dedupe(xs []int64) []int64 {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func weekday(d int64) int { return int(mod(d-sunday, 7)) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func mod(a, b int64) int64 { return a - floorDiv(a, b)*b }

// count is the number of working days before epoch day d (relative to a
// fixed origin); it never decreases, and the working day d has index
// count(d).
func (c *calendar) count(d int64) int64 {
	w := floorDiv(d-sunday, 7)
	r := d - sunday - w*7
	h := int64(sort.Search(len(c.holidays), func(i int) bool { return c.holidays[i] >= d }))
	return w*c.perWeek + c.prefix[r] - h
}

func (c *calendar) isWorking(d int64) bool {
	if !c.working[weekday(d)] {
		return false
	}
	i := sort.Search(len(c.holidays), func(i int) bool { return c.holidays[i] >= d })
	return i == len(c.holidays) || c.holidays[i] != d
}

// startPoint is the instant work dated d can start: the start of d, or of
// the next working day when d is not one.
func (c *calendar) startPoint(d int64) int64 { return c.count(d) * ticksPerDay }

// finishPoint is the instant work dated d to finish ends: the end of d, or
// of the previous working day when d is not one.
func (c *calendar) finishPoint(d int64) int64 { return c.count(d+1) * ticksPerDay }

// dayOf is the epoch day of the working day with index k.
func (c *calendar) dayOf(k int64) int64 {
	// Ignoring holidays gives the earliest candidate; each holiday pushes
	// the answer at most one working day later.
	w := floorDiv(k, c.perWeek)
	r := k - w*c.perWeek
	lo := sunday + w*7
	for i := 0; i < 7; i++ {
		if c.working[i] && c.prefix[i] == r {
			lo += int64(i)
			break
		}
	}
	hi := lo + 7*((int64(len(c.holidays))+c.perWeek)/c.perWeek+1)
	// Smallest d with count(d+1) > k is the working day with index k.
	for lo < hi {
		mid := lo + (hi-lo)/2
		if c.count(mid+1) > k {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// dateOfDay formats the working day with index k, cached because many
// tasks share dates.
func (c *calendar) dateOfDay(k int64) (string, bool) {
	if s, ok := c.names[k]; ok {
		return s, s != ""
	}
	s, ok := formatDate(c.dayOf(k))
	c.names[k] = s
	return s, ok
}

// startDate is the date of a start point.
func (c *calendar) startDate(p int64) (string, bool) { return c.dateOfDay(floorDiv(p, ticksPerDay)) }

// finishDate is the date of a finish point (the day the work ends in).
func (c *calendar) finishDate(p int64) (string, bool) { return c.dateOfDay(floorDiv(p-1, ticksPerDay)) }

// parseDate reads the date part of an ISO date or date-time as an epoch
// day. Only years 1–9999 are accepted.
func parseDate(s string) (int64, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' || (len(s) > 10 && s[10] != 'T' && s[10] != ' ') {
		return 0, false
	}
	num := func(b string) (int64, bool) {
		v := int64(0)
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return 0, false
			}
			v = v*10 + int64(b[i]-'0')
		}
		return v, true
	}
	y, ok1 := num(s[0:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return daysFromCivil(y, m, d), true
}

func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil and civilFromDays are H. Hinnant's proleptic Gregorian
// conversions; they avoid time.Time on the hot path.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func formatDate(z int64) (string, bool) {
	y, m, d := civilFromDays(z)
	if y < 1 || y > 9999 {
		return "", false
	}
	b := []byte("0000-00-00")
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[8], b[9] = byte('0'+d/10), byte('0'+d%10)
	return string(b), true
}
