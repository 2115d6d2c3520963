package schedule

import (
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// Candidate tasks of the integrity rules (SCHED-001 … SCHED-006). Each
// function over-approximates what its rule (policies/schedule/sched_*.rego)
// flags: when in doubt a task is a candidate, because a task left out here
// is a finding lost, while an extra one only costs the rule a look.
// SCHED-002, -007 and -008 judge no task one by one and are not indexed.

func init() {
	registerCandidates("sched_001", identityCandidates)
	registerCandidates("sched_001.refs", identityRefTargets)
	registerCandidates("sched_003", dateCandidates)
	registerCandidates("sched_004", progressCandidates)
	registerCandidates("sched_005", summaryCandidates)
	registerCandidates("sched_005.rels", relsTouching(summaryCandidates))
	registerCandidates("sched_006", baselineCandidates)
}

// identityCandidates (SCHED-001): every task sharing its ID or UID with
// another (all occurrences, the first included: the rule names the first
// occurrence from among the candidates), every task with a blank name, and
// every task with a non-external predecessor reference that is neither an
// ID nor a UID of the schedule (the rule resolves refs against both).
func identityCandidates(s *artifact.Schedule) []int {
	ids := make(map[string]int, len(s.Tasks))
	uids := make(map[string]int, len(s.Tasks))
	refs := make(map[string]bool, 2*len(s.Tasks))
	for _, t := range s.Tasks {
		ids[t.ID]++
		uids[t.UID]++
		refs[t.ID], refs[t.UID] = true, true
	}
	out := []int{}
	for i, t := range s.Tasks {
		if ids[t.ID] > 1 || uids[t.UID] > 1 || strings.TrimSpace(t.Name) == "" || danglingRef(t, refs) {
			out = append(out, i)
		}
	}
	return out
}

// identityRefTargets (SCHED-001): every task whose ID or UID is a
// predecessor reference of a candidate task — all the rule needs to tell a
// reference that resolves from one that does not.
func identityRefTargets(s *artifact.Schedule) []int {
	refs := map[string]bool{}
	for _, i := range identityCandidates(s) {
		for _, l := range s.Tasks[i].Predecessors {
			if !l.External {
				refs[l.Ref] = true
			}
		}
	}
	return tasksWhere(func(t artifact.Task) bool { return refs[t.ID] || refs[t.UID] })(s)
}

func danglingRef(t artifact.Task, refs map[string]bool) bool {
	for _, l := range t.Predecessors {
		if !l.External && !refs[l.Ref] {
			return true
		}
	}
	return false
}

// dateCandidates (SCHED-003): a date pair (planned, baseline, actual) whose
// finish day is before its start day, a milestone with a positive duration,
// or a zero-duration row that is not a milestone.
func dateCandidates(s *artifact.Schedule) []int {
	out := []int{}
	for i, t := range s.Tasks {
		if dayBefore(t.Finish, t.Start) || dayBefore(t.BaselineFinish, t.BaselineStart) || dayBefore(t.ActualFinish, t.ActualStart) ||
			(t.DurationDays != nil && *t.DurationDays > 0 && t.Type == "milestone") ||
			(t.DurationDays != nil && *t.DurationDays == 0 && t.Type != "milestone") {
			out = append(out, i)
		}
	}
	return out
}

// progressCandidates (SCHED-004): detail tasks whose % complete disagrees
// with their actual dates (progress without an actual start, 100 % without
// an actual finish, an actual finish below 100 %), whatever columns the
// schedule has: the rule itself knows which comparisons its columns allow.
func progressCandidates(s *artifact.Schedule) []int {
	out := []int{}
	for i, t := range s.Tasks {
		if !isDetail(t) || t.PercentComplete == nil {
			continue
		}
		pc := *t.PercentComplete
		_, started := dateDay(t.ActualStart)
		_, finished := dateDay(t.ActualFinish)
		if (pc > 0 && !started) || (pc >= 100 && !finished) || (finished && pc < 100) {
			out = append(out, i)
		}
	}
	return out
}

// summaryCandidates (SCHED-005): every summary row. Its span check needs
// the children, which the rule finds itself; summary rows are few.
func summaryCandidates(s *artifact.Schedule) []int {
	out := []int{}
	for i, t := range s.Tasks {
		if t.Type == "summary" {
			out = append(out, i)
		}
	}
	return out
}

// baselineCandidates (SCHED-006): detail tasks without a baseline start or
// finish day. The rule counts them as its numerator, so this must hold
// every one of them.
func baselineCandidates(s *artifact.Schedule) []int {
	out := []int{}
	for i, t := range s.Tasks {
		_, bs := dateDay(t.BaselineStart)
		_, bf := dateDay(t.BaselineFinish)
		if isDetail(t) && !(bs && bf) {
			out = append(out, i)
		}
	}
	return out
}

// dateDay is the pack's lib.day: the YYYY-MM-DD prefix of a date string, and
// whether there is one (regex ^\d{4}-\d{2}-\d{2}, ASCII digits).
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

// dayBefore: both are dates and finish's day sorts before start's (the
// rule compares the day strings).
func dayBefore(finish, start *string) bool {
	f, okF := dateDay(finish)
	b, okB := dateDay(start)
	return okF && okB && f < b
}
