package mspdi

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// maxHolidays bounds the non-working days expanded from calendar
// exceptions (ten years of days): a range "1984–2149" must not become a
// slice of sixty thousand dates.
const maxHolidays = 3660

// rawProject is what the stream gave, as text: units are converted once the
// whole file is read, because MinutesPerDay and the calendar may come after
// the values they convert (the schema fixes the order, exporters do not
// always follow it).
type rawProject struct {
	name, title, statusDate, startDate, finishDate string
	minutesPerDay, minutesPerWeek, daysPerMonth    string
	calendarUID                                    string
	calendars                                      map[string]*rawCalendar
	tasks                                          []rawTask
	resources                                      map[string]string // resource UID → name
	assignments                                    [][2]string       // task UID, resource UID
	fields                                         map[string]bool   // task fields given at least once
}

func (r *rawProject) seen(field string) {
	if r.fields == nil {
		r.fields = map[string]bool{}
	}
	r.fields[field] = true
}

func (r *rawProject) projectField(name, v string) {
	switch name {
	case "Name":
		r.name = v
	case "Title":
		r.title = v
	case "StatusDate":
		r.statusDate = v
	case "StartDate":
		r.startDate = v
	case "FinishDate":
		r.finishDate = v
	case "MinutesPerDay":
		r.minutesPerDay = v
	case "MinutesPerWeek":
		r.minutesPerWeek = v
	case "DaysPerMonth":
		r.daysPerMonth = v
	case "CalendarUID":
		r.calendarUID = v
	}
}

type rawCalendar struct {
	uid, base string
	days      []rawDay
}

// rawDay is a WeekDay (DayType 1–7 = Sunday–Saturday, 0 = an exception in
// Project 2003 files) or a Project 2007+ Exception.
type rawDay struct {
	exception   bool
	dayType     int
	working     bool
	from, to    string
	recurrence  string // Exception/Type: 1 = daily (a plain range)
	occurrences string
}

type rawTask struct {
	line  int
	f     [fieldCount]string
	links []rawLink
	// baseline is Baseline number 0 (the one MS Project means by
	// "Baseline"); baselines 1–10 are ignored.
	baseline rawBaseline
}

// Task fields kept, by index into rawTask.f.
const (
	fUID = iota
	fID
	fName
	fWBS
	fOutlineNumber
	fOutlineLevel
	fSummary
	fMilestone
	fIsNull
	fStart
	fFinish
	fActualStart
	fActualFinish
	fEarlyStart
	fEarlyFinish
	fLateStart
	fLateFinish
	fDuration
	fDurationFormat
	fRemainingDuration
	fPercentComplete
	fTotalSlack
	fFreeSlack
	fCritical
	fConstraintType
	fConstraintDate
	fDeadline
	fieldCount
)

var taskFields = map[string]int{
	"UID": fUID, "ID": fID, "Name": fName, "WBS": fWBS, "OutlineNumber": fOutlineNumber, "OutlineLevel": fOutlineLevel,
	"Summary": fSummary, "Milestone": fMilestone, "IsNull": fIsNull, "Start": fStart, "Finish": fFinish,
	"ActualStart": fActualStart, "ActualFinish": fActualFinish, "EarlyStart": fEarlyStart, "EarlyFinish": fEarlyFinish,
	"LateStart": fLateStart, "LateFinish": fLateFinish, "Duration": fDuration, "DurationFormat": fDurationFormat,
	"RemainingDuration": fRemainingDuration, "PercentComplete": fPercentComplete, "TotalSlack": fTotalSlack,
	"FreeSlack": fFreeSlack, "Critical": fCritical, "ConstraintType": fConstraintType, "ConstraintDate": fConstraintDate,
	"Deadline": fDeadline,
}

// field keeps a task field; it reports whether the name is one kept.
func (t *rawTask) field(name, v string) bool {
	i, ok := taskFields[name]
	if ok {
		t.f[i] = v
	}
	return ok
}

type rawLink struct {
	uid, typ, lag, format string
}

func (l *rawLink) field(name, v string) {
	switch name {
	case "PredecessorUID":
		l.uid = v
	case "Type":
		l.typ = v
	case "LinkLag":
		l.lag = v
	case "LagFormat":
		l.format = v
	}
}

type rawBaseline struct {
	number, start, finish, duration string
}

func (b *rawBaseline) field(name, v string) {
	switch name {
	case "Number":
		b.number = v
	case "Start":
		b.start = v
	case "Finish":
		b.finish = v
	case "Duration":
		b.duration = v
	}
}

// Link types by MSPDI code.
var linkTypes = map[string]string{"0": "FF", "1": "FS", "2": "SF", "3": "SS"}

// Constraint types by MSPDI code.
var constraintTypes = map[string]string{"0": "ASAP", "1": "ALAP", "2": "MSO", "3": "MFO", "4": "SNET", "5": "SNLT", "6": "FNET", "7": "FNLT"}

// calendar holds the unit conversions of one project.
type calendar struct {
	minutesPerDay, minutesPerWeek float64
	daysPerMonth                  float64
}

// daysPerWeek is the working days in a week (5 for 2400/480).
func (c calendar) daysPerWeek() float64 { return c.minutesPerWeek / c.minutesPerDay }

// elapsedToWorking turns calendar days into working days at the week's
// working share (5/7 on a standard calendar).
func (c calendar) elapsedToWorking(calendarDays float64) float64 {
	return calendarDays * c.daysPerWeek() / 7
}

func (r *rawProject) build(path string, notes *[]string) *document.Schedule {
	cal := calendar{minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20}
	if v, ok := posFloat(r.minutesPerDay); ok {
		cal.minutesPerDay = v
		cal.minutesPerWeek = 5 * v
	}
	if v, ok := posFloat(r.minutesPerWeek); ok {
		cal.minutesPerWeek = v
	}
	if v, ok := posFloat(r.daysPerMonth); ok {
		cal.daysPerMonth = v
	}
	name := r.name
	if r.title != "" {
		name = r.title
	}
	s := &document.Schedule{
		Name:           name,
		StatusDate:     isoDate(r.statusDate),
		StartDate:      isoDate(r.startDate),
		FinishDate:     isoDate(r.finishDate),
		MinutesPerDay:  atoiOr(r.minutesPerDay, 0),
		MinutesPerWeek: atoiOr(r.minutesPerWeek, 0),
		DaysPerMonth:   atoiOr(r.daysPerMonth, 0),
		Tasks:          make([]document.ScheduleTask, 0, len(r.tasks)),
	}
	s.WorkingDays, s.Holidays = r.projectCalendar(notes)

	byUID := make(map[string]int, len(r.tasks))
	for i := range r.tasks {
		s.Tasks = append(s.Tasks, r.task(&r.tasks[i], cal, path))
		byUID[s.Tasks[i].UID] = i
	}
	// Percent lags are a share of the predecessor's duration, known only
	// now that every task is read.
	for i := range r.tasks {
		j := 0 // index into Predecessors, which skips links without a UID
		for _, l := range r.tasks[i].links {
			if l.uid == "" {
				continue
			}
			link := &s.Tasks[i].Predecessors[j]
			j++
			if pct, ok := percentLag(l); ok {
				if k, found := byUID[link.UID]; found && s.Tasks[k].Duration != nil {
					link.LagDays = round(pct / 100 * *s.Tasks[k].Duration)
				}
			}
		}
	}
	for _, a := range r.assignments {
		k, ok := byUID[a[0]]
		name := r.resources[a[1]]
		if !ok || name == "" || slices.Contains(s.Tasks[k].Resources, name) {
			continue
		}
		s.Tasks[k].Resources = append(s.Tasks[k].Resources, name)
		r.seen("Assignment")
	}
	for f := range r.fields {
		s.Fields = append(s.Fields, f)
	}
	slices.Sort(s.Fields)
	return s
}

func (r *rawProject) task(rt *rawTask, cal calendar, path string) document.ScheduleTask {
	f := &rt.f
	t := document.ScheduleTask{
		UID: f[fUID], ID: f[fID], Name: f[fName], WBS: f[fWBS], OutlineNumber: f[fOutlineNumber],
		OutlineLevel: atoiOr(f[fOutlineLevel], 0),
		Summary:      flag(f[fSummary]), Milestone: flag(f[fMilestone]), Null: flag(f[fIsNull]),
		Start: isoDate(f[fStart]), Finish: isoDate(f[fFinish]),
		ActualStart: isoDate(f[fActualStart]), ActualFinish: isoDate(f[fActualFinish]),
		EarlyStart: isoDate(f[fEarlyStart]), EarlyFinish: isoDate(f[fEarlyFinish]),
		LateStart: isoDate(f[fLateStart]), LateFinish: isoDate(f[fLateFinish]),
		BaselineStart: isoDate(rt.baseline.start), BaselineFinish: isoDate(rt.baseline.finish),
		DurationRaw:    f[fDuration],
		ConstraintType: constraintTypes[f[fConstraintType]],
		ConstraintDate: isoDate(f[fConstraintDate]),
		Deadline:       isoDate(f[fDeadline]),
		Loc:            document.Loc{Path: path, Task: f[fUID], Line: rt.line},
	}
	elapsed := elapsedFormat(f[fDurationFormat])
	t.Duration = durationDays(f[fDuration], elapsed, cal)
	t.RemainingDur = durationDays(f[fRemainingDuration], elapsed, cal)
	t.BaselineDur = durationDays(rt.baseline.duration, false, cal)
	if v, ok := number(f[fPercentComplete]); ok {
		t.PercentDone = &v
	}
	t.TotalSlack = slackDays(f[fTotalSlack], cal)
	t.FreeSlack = slackDays(f[fFreeSlack], cal)
	if f[fCritical] != "" {
		c := flag(f[fCritical])
		t.Critical = &c
	}
	for _, l := range rt.links {
		if l.uid == "" {
			continue
		}
		typ, ok := linkTypes[l.typ]
		if !ok {
			typ = "FS" // the schema's default when Type is absent
		}
		days, raw := lagDays(l, cal)
		t.Predecessors = append(t.Predecessors, document.ScheduleLink{UID: l.uid, Type: typ, LagDays: days, LagRaw: raw})
	}
	return t
}

// projectCalendar returns the working weekdays (0 = Sunday) and the
// non-working exception dates of the project calendar, following its base
// calendar for weekdays it does not define.
func (r *rawProject) projectCalendar(notes *[]string) ([]int, []string) {
	var working []int
	var holidays []string
	seen := map[string]bool{}
	defined := map[int]bool{}
	addHoliday := func(from, to string) {
		start, err1 := time.Parse(time.DateOnly, isoDate(from))
		end, err2 := time.Parse(time.DateOnly, isoDate(to))
		if err1 != nil {
			return
		}
		if err2 != nil || end.Before(start) {
			end = start
		}
		for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
			if len(holidays) >= maxHolidays {
				*notes = append(*notes, fmt.Sprintf("calendar exceptions cover more than %d days: the rest were not listed", maxHolidays))
				return
			}
			if s := d.Format(time.DateOnly); !seen[s] {
				seen[s] = true
				holidays = append(holidays, s)
			}
		}
	}
	uid := r.calendarUID
	for hops := 0; uid != "" && hops < 8; hops++ { // base calendars chain; a loop is cut
		c := r.calendars[uid]
		if c == nil {
			break
		}
		for _, d := range c.days {
			switch {
			case !d.exception && d.dayType >= 1 && d.dayType <= 7:
				if !defined[d.dayType-1] {
					defined[d.dayType-1] = true
					if d.working {
						working = append(working, d.dayType-1)
					}
				}
			case d.working:
				// A working exception (a Saturday worked) changes no weekday.
			case d.exception && d.recurrence != "" && d.recurrence != "1":
				*notes = append(*notes, fmt.Sprintf("a recurring calendar exception (type %s) was not expanded into holidays", d.recurrence))
			case d.from != "":
				addHoliday(d.from, d.to)
			}
		}
		uid = c.base
	}
	slices.Sort(working)
	slices.Sort(holidays)
	return working, holidays
}

// isoDate keeps the date part of an MSPDI datetime ("2012-01-02T08:00:00");
// a value that is not a date gives "", and so does an NA written as a
// date: any date before 1984 (MS Project's calendar starts on January 1,
// 1984), and the midnight of January 1, 2000, which Aspose.Tasks writes
// for NA in every date field it has no value for (ActualFinish, Stop,
// Resume, ConstraintDate) — a task date is never at midnight.
func isoDate(v string) string {
	if len(v) < 10 {
		return ""
	}
	d, err := time.Parse(time.DateOnly, v[:10])
	if err != nil || d.Year() < 1984 || strings.HasPrefix(v, "2000-01-01T00:00:00") {
		return ""
	}
	return v[:10]
}

func flag(v string) bool { return v == "1" || strings.EqualFold(v, "true") }

func atoiOr(v string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		if f, ok := number(v); ok && f == math.Trunc(f) && math.Abs(f) < 1e9 {
			return int(f)
		}
		return def
	}
	return n
}

// number parses a finite decimal.
func number(v string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

func posFloat(v string) (float64, bool) {
	f, ok := number(v)
	return f, ok && f > 0 && f < 1e7
}

// round keeps four decimals: enough for a tenth of a minute in an 8-hour
// day, without float noise like 0.30000000000000004.
func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// slackDays converts TotalSlack/FreeSlack, which MSPDI gives in tenths of
// a minute (48000 = 10 days of 480 minutes in task-links-project2019).
func slackDays(v string, cal calendar) *float64 {
	f, ok := number(v)
	if !ok {
		return nil
	}
	d := round(f / 10 / cal.minutesPerDay)
	return &d
}

// elapsedFormat reports whether a DurationFormat/LagFormat code is an
// elapsed unit (4 em, 6 eh, 8 ed, 10 ew, 12 emo, 20 e%; +32 for the
// estimated "?" variants).
func elapsedFormat(code string) bool {
	switch code {
	case "4", "6", "8", "10", "12", "20", "36", "38", "40", "42", "44", "52":
		return true
	}
	return false
}

// durationDays converts an ISO 8601 duration ("PT40H0M0S") to working days.
// MSPDI durations are working time; for an elapsed duration format the
// hours are calendar hours, turned into working days at the week's share.
func durationDays(v string, elapsed bool, cal calendar) *float64 {
	min, ok := isoMinutes(v, cal)
	if !ok {
		return nil
	}
	var d float64
	if elapsed {
		d = cal.elapsedToWorking(min / (24 * 60))
	} else {
		d = min / cal.minutesPerDay
	}
	d = round(d)
	return &d
}

// isoMinutes reads an ISO 8601 duration as minutes. MSPDI writes hours,
// minutes and seconds only; a D or W part (other exporters) is taken as a
// working day or week.
func isoMinutes(v string, cal calendar) (float64, bool) {
	s := strings.TrimSpace(v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return 0, false
	}
	s = s[1:]
	var total float64
	inTime := false
	num := ""
	parts := 0
	for _, c := range s {
		switch {
		case c == 'T' && !inTime && num == "":
			inTime = true
		case c >= '0' && c <= '9' || c == '.':
			num += string(c)
			if len(num) > 24 {
				return 0, false
			}
		default:
			n, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, false
			}
			num = ""
			parts++
			switch {
			case inTime && c == 'H':
				total += n * 60
			case inTime && c == 'M':
				total += n
			case inTime && c == 'S':
				total += n / 60
			case !inTime && c == 'D':
				total += n * cal.minutesPerDay
			case !inTime && c == 'W':
				total += n * cal.minutesPerWeek
			default:
				return 0, false
			}
		}
	}
	if num != "" || parts == 0 || math.IsInf(total, 0) {
		return 0, false
	}
	if neg {
		total = -total
	}
	return total, true
}

// lagUnit is a LagFormat code's unit: its abbreviation as MS Project shows
// it, and its length in (working or elapsed) minutes.
type lagUnit struct {
	abbr    string
	minutes func(calendar) float64
}

var lagUnits = map[int]lagUnit{
	3:  {"m", func(calendar) float64 { return 1 }},
	4:  {"em", func(calendar) float64 { return 1 }},
	5:  {"h", func(calendar) float64 { return 60 }},
	6:  {"eh", func(calendar) float64 { return 60 }},
	7:  {"d", func(c calendar) float64 { return c.minutesPerDay }},
	8:  {"ed", func(calendar) float64 { return 24 * 60 }},
	9:  {"w", func(c calendar) float64 { return c.minutesPerWeek }},
	10: {"ew", func(calendar) float64 { return 7 * 24 * 60 }},
	11: {"mo", func(c calendar) float64 { return c.minutesPerDay * c.daysPerMonth }},
	12: {"emo", func(calendar) float64 { return 30 * 24 * 60 }},
}

// percentLag returns the percent of a percentage lag (LagFormat 19/20 and
// their estimated variants), whose LinkLag is the percent itself (as MPXJ
// reads it) rather than tenths of a minute.
func percentLag(l rawLink) (float64, bool) {
	switch l.format {
	case "19", "20", "51", "52":
		return number(l.lag)
	}
	return 0, false
}

// lagDays converts a LinkLag (tenths of a minute) to working days and
// describes it as written ("1d", "2w", "3ed", "50%"). An elapsed lag is
// calendar time: its calendar days count at the week's working share (5/7).
func lagDays(l rawLink, cal calendar) (float64, string) {
	tenths, ok := number(l.lag)
	if !ok || tenths == 0 {
		return 0, ""
	}
	if pct, ok := percentLag(l); ok {
		return 0, trimFloat(pct) + "%" // resolved against the predecessor later
	}
	minutes := tenths / 10
	code := atoiOr(l.format, 7)
	if code >= 35 {
		code -= 32 // estimated variants
	}
	unit, known := lagUnits[code]
	if !known {
		unit = lagUnits[7]
		code = 7
	}
	raw := trimFloat(round(minutes/unit.minutes(cal))) + unit.abbr
	if elapsedFormat(strconv.Itoa(code)) {
		return round(cal.elapsedToWorking(minutes / (24 * 60))), raw
	}
	return round(minutes / cal.minutesPerDay), raw
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
