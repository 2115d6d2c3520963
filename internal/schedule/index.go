package schedule

import (
	"cmp"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// BuildIndex fills s.Index with generic facts about the schedule's tasks
// and relationships, computed once here so that the schedule rules compose
// them in Rego instead of scanning every task (policies/lib/schedule_index.rego
// reads them, and computes the same facts itself when a schedule has no
// index). Nothing here knows a rule or a threshold: a fact says what a task
// is (open, a milestone, without a successor …), an order sorts the tasks
// by one measure so that a rule can take those above its own threshold.
//
// Every definition below has its twin in schedule_index.rego's scanning
// path; internal/policy's TestScheduleIndexFactsMatchRego holds them equal.
func BuildIndex(s *artifact.Schedule) {
	ix := &artifact.ScheduleIndex{
		Counts:     map[string]int{"tasks": len(s.Tasks), "rels": len(s.Relationships)},
		Tasks:      map[string][]int{},
		Rels:       map[string][]int{},
		Order:      map[string][]int{},
		FirstByUID: make(map[string]int, len(s.Tasks)),
	}
	// Facts and measures are gathered in arrays (a map per task and fact
	// was most of the index's cost on 10,000 tasks) and named at the end.
	var sets [len(taskFacts)][]int
	add := func(fact, i int) { sets[fact] = append(sets[fact], i) }

	// links: per UID, whether a relationship leads to it (linkTo) or from
	// it (linkFrom).
	links := make(map[string]uint8, len(s.Tasks))
	for _, r := range s.Relationships {
		links[r.To] |= linkTo
		links[r.From] |= linkFrom
	}
	// ids, uids: how many tasks carry each ID and UID (blank ones too: a
	// reference resolves against every ID and UID).
	ids := make(map[string]int, len(s.Tasks))
	uids := make(map[string]int, len(s.Tasks))
	for i, t := range s.Tasks {
		ids[t.ID]++
		if uids[t.UID]++; uids[t.UID] == 1 {
			ix.FirstByUID[t.UID] = i
		}
	}
	critical := map[string]bool{}
	if d := s.Derived; d != nil {
		for _, u := range d.CriticalPath {
			critical[u] = true
		}
		if d.CriticalPathTest != nil {
			critical[d.CriticalPathTest.TaskUID] = true
		}
	}

	var vals [len(valueMeasures)][]valuePos
	var days [len(dayMeasures)][]dayPos
	for m := range vals {
		vals[m] = make([]valuePos, 0, len(s.Tasks))
	}
	for m := range days {
		days[m] = make([]dayPos, 0, len(s.Tasks))
	}
	for i, t := range s.Tasks {
		detail := t.Type == "task" || t.Type == "milestone"
		open := detail && t.Progress != "complete"
		as, hasAS := dateDay(t.ActualStart)
		af, hasAF := dateDay(t.ActualFinish)
		bs, hasBS := dateDay(t.BaselineStart)
		bf, hasBF := dateDay(t.BaselineFinish)
		st, hasST := dateDay(t.Start)
		fi, hasFI := dateDay(t.Finish)
		floatKnown := t.TotalFloatDays != nil && t.FloatSource != "none"

		if detail {
			add(fDetail, i)
		}
		if open {
			add(fOpen, i)
		}
		if open && t.Type == "task" {
			add(fWork, i)
		}
		switch t.Type {
		case "milestone":
			add(fMilestone, i)
		case "summary":
			add(fSummary, i)
		}
		if t.Progress == "complete" {
			add(fComplete, i)
		}
		if links[t.UID]&linkTo == 0 && len(t.Predecessors) == 0 {
			add(fNoPredecessor, i)
		}
		if links[t.UID]&linkFrom == 0 && len(t.Successors) == 0 {
			add(fNoSuccessor, i)
		}
		if t.Constraint != nil {
			add(fConstrained, i)
			if t.Constraint.Hard {
				add(fHardConstraint, i)
			}
		}
		if !floatKnown {
			add(fNoFloat, i)
		} else if t.FloatSource == "computed" {
			add(fFloatComputed, i)
		}
		planned, hasPlanned := plannedDuration(t)
		if !hasPlanned {
			add(fNoPlannedDuration, i)
		}
		if t.DurationDays == nil || *t.DurationDays <= 0 {
			add(fNoDuration, i)
		}
		if t.DurationDays != nil && *t.DurationDays == 0 {
			add(fZeroDuration, i)
		}
		if len(t.Resources) > 0 {
			add(fResourced, i)
		} else {
			add(fUnresourced, i)
		}
		if critical[t.UID] {
			add(fCritical, i)
		}
		if !hasBS || !hasBF {
			add(fNoBaseline, i)
		}
		if hasAS {
			add(fStarted, i)
		}
		if hasAF {
			add(fFinished, i)
		}
		if pc := t.PercentComplete; pc != nil {
			if *pc > 0 {
				add(fPercentPositive, i)
			}
			if *pc >= 100 {
				add(fPercentFull, i)
			}
		}
		if strings.TrimSpace(t.ID) != "" && ids[t.ID] > 1 {
			add(fDuplicateId, i)
		}
		if strings.TrimSpace(t.UID) != "" && uids[t.UID] > 1 {
			add(fDuplicateUid, i)
		}
		if strings.TrimSpace(t.Name) == "" {
			add(fBlankName, i)
		}
		if danglingRef(t, ids, uids) {
			add(fDanglingPredecessor, i)
		}
		if hasST && hasFI && fi < st {
			add(fFinishBeforeStart, i)
		}
		if hasBS && hasBF && bf < bs {
			add(fBaselineFinishBeforeStart, i)
		}
		if hasAS && hasAF && af < as {
			add(fActualFinishBeforeStart, i)
		}

		if floatKnown {
			vals[mTotalFloat] = append(vals[mTotalFloat], valuePos{*t.TotalFloatDays, i})
		}
		if hasPlanned {
			vals[mPlannedDuration] = append(vals[mPlannedDuration], valuePos{planned, i})
		}
		if t.DurationDays != nil {
			vals[mDuration] = append(vals[mDuration], valuePos{*t.DurationDays, i})
		}
		for m, d := range [len(dayMeasures)]struct {
			day string
			ok  bool
		}{
			{st, hasST}, {fi, hasFI}, {bs, hasBS}, {bf, hasBF}, {as, hasAS}, {af, hasAF},
			// A forecast is a date still to come true: the start of a
			// task not begun, the finish of one not done.
			{st, hasST && !hasAS && t.Progress != "in-progress" && t.Progress != "complete"},
			{fi, hasFI && !hasAF && t.Progress != "complete"},
		} {
			if d.ok {
				days[m] = append(days[m], dayPos{d.day, i})
			}
		}
	}
	var rels [len(relFacts)][]int
	for i, r := range s.Relationships {
		if r.LagDays < 0 {
			rels[rNegativeLag] = append(rels[rNegativeLag], i)
		}
		if r.LagDays > 0 {
			rels[rPositiveLag] = append(rels[rPositiveLag], i)
		}
		switch strings.ToUpper(r.Type) {
		case "FS":
		case "SF":
			rels[rNotFS] = append(rels[rNotFS], i)
			rels[rStartToFinish] = append(rels[rStartToFinish], i)
		default:
			rels[rNotFS] = append(rels[rNotFS], i)
		}
	}
	for f, name := range taskFacts {
		ix.Tasks[name] = nonNil(sets[f])
	}
	for f, name := range relFacts {
		ix.Rels[name] = nonNil(rels[f])
	}
	for m, name := range valueMeasures {
		ix.Order[name] = valueOrder(vals[m])
	}
	for m, name := range dayMeasures {
		ix.Order[name] = dayOrder(days[m])
	}
	s.Index = ix
}

// The facts every index carries (an empty list when no task has one, so
// that a missing fact is never read as "no task"), by name; the constants
// below index them.
var (
	taskFacts = [...]string{
		"detail",
		"open",
		"work",
		"milestone",
		"summary",
		"complete",
		"no_predecessor",
		"no_successor",
		"constrained",
		"hard_constraint",
		"no_float",
		"float_computed",
		"no_planned_duration",
		"no_duration",
		"zero_duration",
		"resourced",
		"unresourced",
		"critical",
		"no_baseline",
		"started",
		"finished",
		"percent_positive",
		"percent_full",
		"duplicate_id",
		"duplicate_uid",
		"blank_name",
		"dangling_predecessor",
		"finish_before_start",
		"baseline_finish_before_start",
		"actual_finish_before_start",
	}
	relFacts      = [...]string{"negative_lag", "positive_lag", "not_fs", "start_to_finish"}
	valueMeasures = [...]string{"total_float", "planned_duration", "duration"}
	dayMeasures   = [...]string{"start", "finish", "baseline_start", "baseline_finish", "actual_start", "actual_finish", "forecast_start", "forecast_finish"}
)

const (
	fDetail = iota
	fOpen
	fWork
	fMilestone
	fSummary
	fComplete
	fNoPredecessor
	fNoSuccessor
	fConstrained
	fHardConstraint
	fNoFloat
	fFloatComputed
	fNoPlannedDuration
	fNoDuration
	fZeroDuration
	fResourced
	fUnresourced
	fCritical
	fNoBaseline
	fStarted
	fFinished
	fPercentPositive
	fPercentFull
	fDuplicateId
	fDuplicateUid
	fBlankName
	fDanglingPredecessor
	fFinishBeforeStart
	fBaselineFinishBeforeStart
	fActualFinishBeforeStart
)

const (
	linkTo uint8 = 1 << iota
	linkFrom
)

const (
	rNegativeLag = iota
	rPositiveLag
	rNotFS
	rStartToFinish
)

const (
	mTotalFloat = iota
	mPlannedDuration
	mDuration
)

// nonNil: an empty list rather than none.
func nonNil(l []int) []int {
	if l == nil {
		return []int{}
	}
	return l
}

type valuePos struct {
	v float64
	i int
}

type dayPos struct {
	d string
	i int
}

// valueOrder sorts by value, then position (the Rego side sorts [value,
// position] pairs the same way), and keeps the positions.
func valueOrder(ps []valuePos) []int {
	// Stable by value: the positions come in ascending order.
	slices.SortStableFunc(ps, func(a, b valuePos) int { return cmp.Compare(a.v, b.v) })
	o := make([]int, len(ps))
	for k, p := range ps {
		o[k] = p.i
	}
	return o
}

func dayOrder(ps []dayPos) []int {
	slices.SortStableFunc(ps, func(a, b dayPos) int { return strings.Compare(a.d, b.d) })
	o := make([]int, len(ps))
	for k, p := range ps {
		o[k] = p.i
	}
	return o
}

// plannedDuration: the baseline duration, else the current one.
func plannedDuration(t artifact.Task) (float64, bool) {
	if t.BaselineDurationDays != nil {
		return *t.BaselineDurationDays, true
	}
	if t.DurationDays != nil {
		return *t.DurationDays, true
	}
	return 0, false
}

// danglingRef: a predecessor reference (not marked external) naming
// neither an ID nor a UID of the schedule.
func danglingRef(t artifact.Task, ids, uids map[string]int) bool {
	for _, l := range t.Predecessors {
		if !l.External && ids[l.Ref] == 0 && uids[l.Ref] == 0 {
			return true
		}
	}
	return false
}

// dateDay is lib.day: the YYYY-MM-DD prefix of a date string, and whether
// there is one (regex ^\d{4}-\d{2}-\d{2}, ASCII digits).
func dateDay(p *string) (string, bool) {
	if p == nil || len(*p) < 10 {
		return "", false
	}
	v := *p
	for k := range 10 {
		c := v[k]
		if k == 4 || k == 7 {
			if c != '-' {
				return "", false
			}
		} else if c < '0' || c > '9' {
			return "", false
		}
	}
	return v[:10], true
}
