// Package schedule is the critical-path engine (MODEL.md §6.3 "CPM pass"):
// a forward and backward pass over a normalized schedule's detail tasks
// and relationships on a working-day calendar, with actuals pinned at the
// data date, giving early/late dates, total and free float, the critical
// path, dependency cycles and the DCMA critical-path test.
package schedule

import (
	"math"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// DefaultTestDelayDays is the delay DCMA check 12 adds to a critical task.
const DefaultTestDelayDays = 600

// Options steer Analyze.
type Options struct {
	// DataDate (ISO) is where remaining work starts; default the
	// schedule's status date, then its project start.
	DataDate string
	// TestDelayDays is the critical-path test's delay in working days;
	// default DefaultTestDelayDays.
	TestDelayDays float64
}

// passes holds one run's results, in points, per node.
type passes struct {
	es, ef []int64 // early start of the remaining work, early finish
	st     []int64 // the task's start as links from it see it (actual start once started)
	endAt  []bool  // a milestone placed by a finish (shown at the end of that day)
	ls, lf []int64
}

// Analyze runs the critical-path pass over s and writes its results into
// s: early/late dates on every detail task, computed float and critical
// flags where the file gave none, and s.Derived. It never fails: what it
// cannot compute it leaves unset and explains in s.Derived.Notes.
func Analyze(s *artifact.Schedule, opts Options) {
	d := &artifact.Derived{Cycles: [][]string{}, CriticalPath: []string{}, Notes: []string{}}
	s.Derived = d
	cal, notes := newCalendar(s.Calendar)
	d.Notes = append(d.Notes, notes...)

	nw, _ := buildNetwork(s, &d.Notes)
	if len(nw.task) == 0 {
		d.Notes = append(d.Notes, "no detail tasks: nothing to compute")
		return
	}
	if !nw.order() {
		d.Cycles = nw.cycles()
		d.Notes = append(d.Notes, strconv.Itoa(len(d.Cycles))+" dependency loops: no critical-path pass is possible until they are broken")
		return
	}

	dataDay, anchored := anchor(s, opts, d)
	dataPoint := int64(0)
	if anchored {
		dataPoint = cal.startPoint(dataDay)
	}
	nw.load(s, cal, anchored, dataPoint, &d.Notes)

	p := nw.forward(dataPoint, -1, 0)
	finish := maxOf(p.ef, dataPoint)
	lateFinish := finish
	for i, c := range nw.cons {
		if c.typ == "FNLT" && nw.prog[i] != complete && c.at > lateFinish {
			lateFinish = c.at
		}
	}
	if lateFinish > finish {
		// A finish-no-later-than date beyond the forecast is the date the
		// work must meet; counting back from it shows the margin as float.
		d.Notes = append(d.Notes, "late dates count back from the latest finish-no-later-than constraint, after the early finish")
	}
	nw.backward(p, lateFinish)
	d.CPMComputed = true

	nw.write(s, cal, p, lateFinish, anchored)

	if anchored {
		dd, _ := formatDate(dataDay)
		d.DataDate = &dd
		// The forecast finish; when all work is done, the last actual finish.
		if f, ok := cal.finishDate(maxOf(p.ef, none)); ok {
			d.ProjectFinish = &f
		}
	}
	length := days(finish - dataPoint)
	d.CriticalPathLengthDays = &length

	path := nw.criticalPath(p)
	for _, k := range path {
		d.CriticalPath = append(d.CriticalPath, nw.uid[k])
	}
	if len(path) > 0 {
		m := int64(math.MaxInt64)
		for _, k := range path {
			m = min(m, p.lf[k]-p.ef[k])
		}
		tf := days(m)
		d.ProjectTotalFloatDays = &tf
	}
	d.CriticalPathTest = nw.criticalPathTest(path, p, dataPoint, opts)
}

// anchor picks the data date: the option, the status date, else the
// project start (or earliest task date). anchored is false when the
// schedule holds no date at all; the pass then runs on relative time.
func anchor(s *artifact.Schedule, opts Options, d *artifact.Derived) (int64, bool) {
	for _, c := range []struct {
		v    *string
		what string
	}{{&opts.DataDate, "option"}, {s.StatusDate, "status date"}} {
		if c.v == nil || *c.v == "" {
			continue
		}
		if day, ok := parseDate(*c.v); ok {
			return day, true
		}
		d.Notes = append(d.Notes, "data date "+strconv.Quote(*c.v)+" ("+c.what+") is not an ISO date; ignored")
	}
	if s.ProjectStart != nil {
		if day, ok := parseDate(*s.ProjectStart); ok {
			d.Notes = append(d.Notes, "no status date: the project start "+*s.ProjectStart+" is used as the data date")
			return day, true
		}
	}
	best, found := int64(0), false
	for i := range s.Tasks {
		t := &s.Tasks[i]
		for _, v := range []*string{t.ActualStart, t.Start} {
			if v == nil {
				continue
			}
			if day, ok := parseDate(*v); ok && (!found || day < best) {
				best, found = day, true
			}
		}
	}
	if found {
		f, _ := formatDate(best)
		d.Notes = append(d.Notes, "no status date or project start: the earliest task date "+f+" is used as the data date")
		return best, true
	}
	d.Notes = append(d.Notes, "the schedule has no dates: float and the critical path are computed, dates are not")
	return 0, false
}

// load reads durations, progress, actuals and constraints into points.
func (nw *network) load(s *artifact.Schedule, cal *calendar, anchored bool, dataPoint int64, notes *[]string) {
	n := len(nw.task)
	nw.prog = make([]progress, n)
	nw.dur = make([]int64, n)
	nw.milestone = make([]bool, n)
	nw.actualStart = make([]int64, n)
	nw.actualFinish = make([]int64, n)
	nw.cons = make([]consBound, n)
	startOf := func(v *string) int64 {
		if v == nil || !anchored {
			return none
		}
		if day, ok := parseDate(*v); ok {
			return cal.startPoint(day)
		}
		return none
	}
	finishOf := func(v *string) int64 {
		if v == nil || !anchored {
			return none
		}
		if day, ok := parseDate(*v); ok {
			return cal.finishPoint(day)
		}
		return none
	}
	var fromDates, noDuration, noActuals, badDuration []string
	for k, ti := range nw.task {
		t := &s.Tasks[ti]
		nw.prog[k] = progressOf(t)
		nw.actualStart[k], nw.actualFinish[k] = none, none
		ms := strings.EqualFold(t.Type, "milestone")
		full := int64(-1)
		if t.DurationDays != nil {
			if v, ok := ticks(*t.DurationDays); ok && v >= 0 {
				full = v
			} else {
				badDuration = append(badDuration, nw.uid[k])
			}
		}
		if full < 0 && !ms {
			if a, b := startOf(t.Start), finishOf(t.Finish); a != none && b != none && b >= a {
				full = b - a
				fromDates = append(fromDates, nw.uid[k])
			}
		}
		switch nw.prog[k] {
		case complete:
			a, f := startOf(t.ActualStart), finishOf(t.ActualFinish)
			if a == none {
				a = startOf(t.Start)
			}
			if f == none {
				f = finishOf(t.Finish)
			}
			if a == none && f != none {
				a = f - max(full, 0)
			}
			if f == none && a != none && full >= 0 {
				f = a + full
			}
			if ms && (a != none || f != none) {
				// A milestone is an instant: the end of the day it was met.
				if f == none {
					f = a + ticksPerDay
				}
				a = f
			}
			if a == none || f == none || f < a {
				// Nothing pins it: a zero-length node where logic puts it.
				noActuals = append(noActuals, nw.uid[k])
				nw.prog[k] = notStarted
				nw.milestone[k] = true
				continue
			}
			nw.actualStart[k], nw.actualFinish[k] = a, f
			nw.dur[k] = f - a
			nw.milestone[k] = f == a
			continue
		case inProgress:
			nw.actualStart[k] = startOf(t.ActualStart)
			if nw.actualStart[k] == none {
				nw.actualStart[k] = startOf(t.Start)
			}
			rem := int64(-1)
			if t.RemainingDurationDays != nil {
				if v, ok := ticks(*t.RemainingDurationDays); ok && v >= 0 {
					rem = v
				}
			}
			if rem < 0 && full >= 0 {
				pct := 0.0
				if t.PercentComplete != nil && *t.PercentComplete > 0 && *t.PercentComplete < 100 {
					pct = *t.PercentComplete
				}
				rem = int64(math.Round(float64(full) * (1 - pct/100)))
			}
			if rem < 0 {
				if f := finishOf(t.Finish); f != none {
					rem = max(f-dataPoint, 0)
				}
			}
			if rem < 0 {
				noDuration = append(noDuration, nw.uid[k])
				rem = 0
			}
			nw.dur[k] = rem
		default:
			switch {
			case ms:
				nw.dur[k] = 0
			case full >= 0:
				nw.dur[k] = full
			default:
				noDuration = append(noDuration, nw.uid[k])
			}
		}
		nw.milestone[k] = ms || nw.dur[k] == 0
		if c := t.Constraint; c != nil && c.Date != nil && anchored {
			typ := strings.ToUpper(c.Type)
			switch typ {
			case "MSO", "SNET", "SNLT":
				nw.cons[k] = consBound{typ: typ, at: startOf(c.Date)}
			case "MFO", "FNET", "FNLT":
				nw.cons[k] = consBound{typ: typ, at: finishOf(c.Date)}
			}
			if nw.cons[k].at == none {
				nw.cons[k] = consBound{}
			}
		}
	}
	if len(badDuration) > 0 {
		*notes = append(*notes, "durations that are negative or out of range were ignored: "+listed(badDuration))
	}
	if len(fromDates) > 0 {
		*notes = append(*notes, "durations counted from start and finish dates (no duration given): "+listed(fromDates))
	}
	if len(noDuration) > 0 {
		*notes = append(*notes, "tasks without a duration or dates are taken as zero length: "+listed(noDuration))
	}
	if len(noActuals) > 0 {
		*notes = append(*notes, "complete tasks without actual or planned dates are placed by logic as zero length: "+listed(noActuals))
	}
}

// forward is the early pass. When bump >= 0, node bump's remaining
// duration grows by extra ticks (the critical-path test).
func (nw *network) forward(dataPoint int64, bump int32, extra int64) *passes {
	n := len(nw.task)
	p := &passes{es: make([]int64, n), ef: make([]int64, n), st: make([]int64, n), endAt: make([]bool, n)}
	for _, u := range nw.topo {
		dur := nw.dur[u]
		if u == bump {
			dur += extra
		}
		if nw.prog[u] == complete && u != bump {
			p.es[u], p.ef[u], p.st[u] = nw.actualStart[u], nw.actualFinish[u], nw.actualStart[u]
			p.endAt[u] = nw.milestone[u]
			continue
		}
		started := nw.prog[u] != notStarted
		es, esEnd := dataPoint, false
		if started && nw.actualStart[u] != none && nw.actualStart[u] > es {
			es = nw.actualStart[u]
		}
		ef, efEnd := int64(none), false
		for _, e := range nw.preds[nw.predOff[u]:nw.predOff[u+1]] {
			q := e.other
			var v int64
			var end bool
			if e.typ.fromStart() {
				v, end = p.st[q], nw.milestone[q] && p.endAt[q]
			} else {
				v, end = p.ef[q], !nw.milestone[q] || p.endAt[q]
			}
			v += e.lag
			if e.typ.toStart() {
				if started && e.typ == ss {
					continue // its start is history; only finish logic still binds
				}
				if v > es {
					es, esEnd = v, end
				}
			} else if v > ef {
				ef, efEnd = v, end
			}
		}
		c := nw.cons[u]
		switch {
		case c.typ == "SNET" && !started && c.at > es:
			es, esEnd = c.at, false
		case c.typ == "FNET" && c.at > ef:
			ef, efEnd = c.at, true
		}
		if ef != none && ef-dur > es {
			es, esEnd = ef-dur, efEnd
		}
		switch {
		case c.typ == "MSO" && !started:
			es, esEnd = c.at, false
		case c.typ == "MFO":
			es, esEnd = c.at-dur, true
		}
		p.es[u], p.ef[u] = es, es+dur
		p.st[u] = es
		if started && nw.actualStart[u] != none {
			p.st[u] = nw.actualStart[u]
		}
		p.endAt[u] = esEnd
	}
	return p
}

// backward is the late pass from lateFinish.
func (nw *network) backward(p *passes, lateFinish int64) {
	n := len(nw.task)
	p.ls, p.lf = make([]int64, n), make([]int64, n)
	for i := len(nw.topo) - 1; i >= 0; i-- {
		u := nw.topo[i]
		dur := p.ef[u] - p.es[u]
		lf := lateFinish
		for _, e := range nw.succs[nw.succOff[u]:nw.succOff[u+1]] {
			s := e.other
			if nw.prog[s] == complete || (nw.prog[s] != notStarted && e.typ == ss) {
				continue // the forward pass did not let this link move s
			}
			var b int64
			if e.typ.toStart() {
				b = p.ls[s] - e.lag
			} else {
				b = p.lf[s] - e.lag
			}
			if e.typ.fromStart() {
				b += dur
			}
			lf = min(lf, b)
		}
		if nw.prog[u] != complete {
			c := nw.cons[u]
			switch c.typ {
			case "FNLT":
				lf = min(lf, c.at)
			case "SNLT":
				lf = min(lf, c.at+dur)
			case "MSO":
				if nw.prog[u] == notStarted {
					lf = c.at + dur
				}
			case "MFO":
				lf = c.at
			}
		}
		p.lf[u], p.ls[u] = lf, lf-dur
	}
}

func maxOf(xs []int64, floor int64) int64 {
	m := floor
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func days(t int64) float64 { return math.Round(float64(t)/ticksPerDay*1000) / 1000 }

// write puts the results on the tasks.
func (nw *network) write(s *artifact.Schedule, cal *calendar, p *passes, lateFinish int64, anchored bool) {
	// The values live in three slabs the tasks point into: three
	// allocations instead of seven per task.
	n := len(nw.task)
	floats, flags := make([]float64, 2*n), make([]bool, n)
	dates := make([]string, 0, 4*n)
	nw.slab = &dates
	for k, ti := range nw.task {
		t := &s.Tasks[ti]
		tf := p.lf[k] - p.ef[k]
		if t.FloatSource != "file" {
			floats[2*k], floats[2*k+1] = days(tf), days(nw.freeFloat(k, p, lateFinish, tf))
			flags[k] = nw.prog[k] != complete && tf <= 0
			t.TotalFloatDays, t.FreeFloatDays, t.Critical = &floats[2*k], &floats[2*k+1], &flags[k]
			t.FloatSource = "computed"
		}
		if !anchored {
			continue
		}
		t.EarlyStart, t.EarlyFinish, t.LateStart, t.LateFinish = nil, nil, nil, nil
		switch {
		case nw.prog[k] == complete:
			t.EarlyStart = nw.dateAt(cal, k, p.st[k], false, p.endAt[k])
			t.LateStart = t.EarlyStart
			t.EarlyFinish = nw.dateAt(cal, k, p.ef[k], true, p.endAt[k])
			t.LateFinish = nw.dateAt(cal, k, p.lf[k], true, p.endAt[k])
		case nw.prog[k] == inProgress:
			// Started work cannot start late: both starts are the actual
			// start; float is late finish minus early finish.
			t.EarlyStart = nw.dateAt(cal, k, p.st[k], false, false)
			t.LateStart = t.EarlyStart
			t.EarlyFinish = nw.dateAt(cal, k, p.ef[k], true, p.endAt[k])
			t.LateFinish = nw.dateAt(cal, k, p.lf[k], true, p.endAt[k])
		default:
			t.EarlyStart = nw.dateAt(cal, k, p.es[k], false, p.endAt[k])
			t.EarlyFinish = nw.dateAt(cal, k, p.ef[k], true, p.endAt[k])
			t.LateStart = nw.dateAt(cal, k, p.ls[k], false, p.endAt[k])
			t.LateFinish = nw.dateAt(cal, k, p.lf[k], true, p.endAt[k])
		}
	}
}

// dateAt formats a point. Work starts at the start of a day and finishes
// at the end of one; a milestone sits at the end of a day when a finish
// placed it (a milestone after Monday's work is on Monday) and at the
// start otherwise.
func (nw *network) dateAt(cal *calendar, k int, at int64, isFinish, endAt bool) *string {
	var v string
	var ok bool
	if nw.milestone[k] {
		isFinish = endAt
	}
	if isFinish {
		v, ok = cal.finishDate(at)
	} else {
		v, ok = cal.startDate(at)
	}
	if !ok {
		return nil
	}
	// The slab is sized for four dates per task, so appending never
	// moves the strings earlier pointers refer to.
	*nw.slab = append(*nw.slab, v)
	return &(*nw.slab)[len(*nw.slab)-1]
}

// freeFloat is how far node k can slip without moving any successor,
// never negative and never more than its total float.
func (nw *network) freeFloat(k int, p *passes, lateFinish, tf int64) int64 {
	ff := int64(math.MaxInt64)
	for _, e := range nw.succs[nw.succOff[k]:nw.succOff[k+1]] {
		s := e.other
		if nw.prog[s] == complete || (nw.prog[s] != notStarted && e.typ == ss) {
			continue
		}
		at := p.ef[s]
		if e.typ.toStart() {
			at = p.es[s]
		}
		from := p.ef[k]
		if e.typ.fromStart() {
			from = p.st[k]
		}
		ff = min(ff, at-e.lag-from)
	}
	if ff == math.MaxInt64 {
		ff = lateFinish - p.ef[k]
	}
	return max(0, min(ff, max(tf, 0)))
}

// criticalPath walks driving links back from the node that finishes last
// and returns the path start to finish. Complete tasks end the walk: the
// path runs from the data date.
func (nw *network) criticalPath(p *passes) []int32 {
	end := int32(-1)
	for k := range nw.task {
		if nw.prog[k] == complete {
			continue
		}
		if end < 0 || p.ef[k] > p.ef[end] || (p.ef[k] == p.ef[end] && nw.betterEnd(int32(k), end, p)) {
			end = int32(k)
		}
	}
	if end < 0 {
		return nil
	}
	path := []int32{end}
	for j := end; ; {
		best := int32(-1)
		for _, e := range nw.preds[nw.predOff[j]:nw.predOff[j+1]] {
			q := e.other
			if nw.prog[q] == complete || (nw.prog[j] != notStarted && e.typ == ss) {
				continue
			}
			v := p.ef[q]
			if e.typ.fromStart() {
				v = p.st[q]
			}
			v += e.lag
			drives := (e.typ.toStart() && v == p.es[j]) || (!e.typ.toStart() && v == p.ef[j])
			if !drives {
				continue
			}
			if best < 0 || p.lf[q]-p.ef[q] < p.lf[best]-p.ef[best] {
				best = q
			}
		}
		if best < 0 {
			break
		}
		path = append(path, best)
		j = best
	}
	for i, k := 0, len(path)-1; i < k; i, k = i+1, k-1 {
		path[i], path[k] = path[k], path[i]
	}
	return path
}

// betterEnd breaks ties between nodes finishing together: an open end
// (no successor) first, then less float; the UID order decides the rest.
func (nw *network) betterEnd(a, b int32, p *passes) bool {
	oa, ob := nw.succOff[a+1] == nw.succOff[a], nw.succOff[b+1] == nw.succOff[b]
	if oa != ob {
		return oa
	}
	fa, fb := p.lf[a]-p.ef[a], p.lf[b]-p.ef[b]
	if fa != fb {
		return fa < fb
	}
	return a < b
}

// criticalPathTest is DCMA check 12: delay the first incomplete task of
// the critical path and see whether the project finish moves by the
// same amount.
func (nw *network) criticalPathTest(path []int32, p *passes, dataPoint int64, opts Options) *artifact.CriticalPathTest {
	delay := opts.TestDelayDays
	if delay <= 0 || math.IsNaN(delay) || delay > maxDays {
		delay = DefaultTestDelayDays
	}
	r := &artifact.CriticalPathTest{DelayDays: delay}
	if len(path) == 0 {
		r.Reason = "no critical path: every task is complete"
		return r
	}
	k := path[0]
	r.TaskUID = nw.uid[k]
	extra, _ := ticks(delay)
	q := nw.forward(dataPoint, k, extra)
	// DCMA watches the finish milestone, not whatever ends last: a task
	// pushed past a pinned finish does not move the project's end.
	last := path[len(path)-1]
	moved := days(q.ef[last] - p.ef[last])
	r.FinishMoved = moved
	r.Pass = math.Abs(moved-delay) <= 0.5
	if r.Pass {
		return r
	}
	r.Reason = "delaying task " + nw.uid[k] + " by " + trimFloat(delay) + " working days moved the project finish by " + trimFloat(moved)
	switch c := nw.cons[last]; {
	case c.typ == "MFO" || c.typ == "MSO":
		r.Reason += ": the finish task " + nw.uid[last] + " is pinned by a " + c.typ + " constraint"
	case len(path) == 1 && nw.cons[k].typ != "":
		r.Reason += ": task " + nw.uid[k] + " is held by a " + nw.cons[k].typ + " constraint, not by logic"
	default:
		r.Reason += ": the delay does not reach the finish through logic (a dangling start or finish, or a constraint)"
	}
	return r
}

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
