package schedule

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// Candidate functions of the DCMA pack (policies/schedule/dcma_*.rego). Each
// returns, in schedule order, a superset of what its rule can count; the
// rule judges every candidate again, so a candidate too many costs time,
// never a result. Keys other than the rule's own name serve one rule's
// auxiliary questions:
//
//   - "dcma_NN.ends": the tasks at either end of the rule's candidate
//     relationships, every task of such a UID (the rule only looks up the
//     first task of a UID, to locate and label a relationship);
//   - "dcma_NN.unmeasured": the tasks of the rule's population (open or work
//     tasks) it cannot measure, so that its denominator is the population's
//     size minus these, without scanning the population;
//   - "dcma_NN.over_B": the tasks whose measure exceeds B, the default
//     threshold; the rule uses the list only while its configured threshold
//     is at least B (B is in the key so the Rego side never trusts a bound it
//     was not computed for), and scans otherwise;
//   - "dcma_NN.witness": one task proving something exists (an existence
//     test only needs one, judged by the rule).
//
// Rules reading the status date get every task when the schedule has no
// usable one: the Rego side then falls back to project.status_date in the
// configuration, which Go does not see here. (Not nil: BuildIndex records
// nil as an empty list, which would mean "no candidate".)
func init() {
	registerCandidates("dcma_01", openEnds)
	registerCandidates("dcma_01.rels", relsTouching(openEnds))
	registerCandidates("dcma_02", relsWhere(func(r artifact.Relationship) bool { return r.LagDays < 0 }))
	registerCandidates("dcma_02.ends", relEnds(func(r artifact.Relationship) bool { return r.LagDays < 0 }))
	registerCandidates("dcma_03", relsWhere(func(r artifact.Relationship) bool { return r.LagDays > 0 }))
	registerCandidates("dcma_03.ends", relEnds(func(r artifact.Relationship) bool { return r.LagDays > 0 }))
	registerCandidates("dcma_04", relsWhere(notFS))
	registerCandidates("dcma_04.ends", relEnds(notFS))
	registerCandidates("dcma_05", tasksWhere(func(t artifact.Task) bool {
		return isOpen(t) && t.Constraint != nil && t.Constraint.Hard
	}))
	registerCandidates("dcma_05.witness", witness(func(t artifact.Task) bool { return t.Constraint != nil }))
	registerCandidates(fmt.Sprintf("dcma_06.over_%v", defaultHighFloatDays), tasksWhere(func(t artifact.Task) bool {
		return isOpen(t) && floatKnown(t) && *t.TotalFloatDays > defaultHighFloatDays
	}))
	registerCandidates("dcma_06.unmeasured", tasksWhere(func(t artifact.Task) bool { return isOpen(t) && !floatKnown(t) }))
	registerCandidates("dcma_06.witness", witness(floatComputed))
	registerCandidates("dcma_07", tasksWhere(func(t artifact.Task) bool {
		return isOpen(t) && floatKnown(t) && *t.TotalFloatDays < 0
	}))
	registerCandidates("dcma_07.unmeasured", tasksWhere(func(t artifact.Task) bool { return isOpen(t) && !floatKnown(t) }))
	registerCandidates("dcma_07.witness", witness(floatComputed))
	registerCandidates(fmt.Sprintf("dcma_08.over_%v", defaultHighDurationDays), tasksWhere(func(t artifact.Task) bool {
		d, ok := plannedDuration(t)
		return isWork(t) && ok && d > defaultHighDurationDays
	}))
	registerCandidates("dcma_08.unmeasured", tasksWhere(func(t artifact.Task) bool {
		_, ok := plannedDuration(t)
		return isWork(t) && !ok
	}))
	registerCandidates("dcma_09", statusDated(invalidDates))
	registerCandidates("dcma_10", unresourced)
	registerCandidates("dcma_10.unmeasured", tasksWhere(func(t artifact.Task) bool {
		return isWork(t) && (t.DurationDays == nil || *t.DurationDays <= 0)
	}))
	registerCandidates("dcma_10.witness", witness(func(t artifact.Task) bool { return len(t.Resources) > 0 }))
	registerCandidates("dcma_11", statusDated(func(t artifact.Task, sd string) bool { return isDetail(t) && due(t, sd) }))
	registerCandidates("dcma_12", criticalPathTasks)
	registerCandidates("dcma_14", statusDated(func(t artifact.Task, sd string) bool {
		return isDetail(t) && (due(t, sd) || completedBy(t, sd))
	}))
}

// The thresholds.dcma defaults of policies/data/thresholds.json. Only a
// bound for the "over_B" lists: a configuration lowering the threshold
// makes the rule scan instead.
const (
	defaultHighFloatDays    = 44.0
	defaultHighDurationDays = 44.0
)

func tasksWhere(keep func(artifact.Task) bool) candidateFunc {
	return func(s *artifact.Schedule) []int {
		out := []int{}
		for i, t := range s.Tasks {
			if keep(t) {
				out = append(out, i)
			}
		}
		return out
	}
}

// witness: the first task satisfying has (an existence test needs no more).
func witness(has func(artifact.Task) bool) candidateFunc {
	return func(s *artifact.Schedule) []int {
		for i, t := range s.Tasks {
			if has(t) {
				return []int{i}
			}
		}
		return []int{}
	}
}

func relsWhere(keep func(artifact.Relationship) bool) candidateFunc {
	return func(s *artifact.Schedule) []int {
		out := []int{}
		for i, r := range s.Relationships {
			if keep(r) {
				out = append(out, i)
			}
		}
		return out
	}
}

// relEnds: every task whose UID is an end of a relationship keep selects.
func relEnds(keep func(artifact.Relationship) bool) candidateFunc {
	return func(s *artifact.Schedule) []int {
		uids := map[string]bool{}
		for _, r := range s.Relationships {
			if keep(r) {
				uids[r.From], uids[r.To] = true, true
			}
		}
		return tasksWhere(func(t artifact.Task) bool { return uids[t.UID] })(s)
	}
}

// relsTouching: every relationship with an end among the UIDs of the
// tasks tasks selects (a rule looking up those tasks' links needs no
// other).
func relsTouching(tasks candidateFunc) candidateFunc {
	return func(s *artifact.Schedule) []int {
		uids := map[string]bool{}
		for _, i := range tasks(s) {
			uids[s.Tasks[i].UID] = true
		}
		return relsWhere(func(r artifact.Relationship) bool { return uids[r.From] || uids[r.To] })(s)
	}
}

// notFS: the rule upper-cases the type (an empty type is not FS either).
func notFS(r artifact.Relationship) bool { return strings.ToUpper(r.Type) != "FS" }

// openEnds: open tasks lacking a predecessor or a successor (DCMA-01's
// open ends before its start/finish milestone exemption).
func openEnds(s *artifact.Schedule) []int {
	tos, froms := map[string]bool{}, map[string]bool{}
	for _, r := range s.Relationships {
		tos[r.To], froms[r.From] = true, true
	}
	return tasksWhere(func(t artifact.Task) bool {
		hasPred := tos[t.UID] || len(t.Predecessors) > 0
		hasSucc := froms[t.UID] || len(t.Successors) > 0
		return isOpen(t) && !(hasPred && hasSucc)
	})(s)
}

func isWork(t artifact.Task) bool { return isOpen(t) && t.Type == "task" }

// floatKnown mirrors sched.float_known: a total float not marked "none".
func floatKnown(t artifact.Task) bool { return t.TotalFloatDays != nil && t.FloatSource != "none" }

func floatComputed(t artifact.Task) bool {
	return isOpen(t) && floatKnown(t) && t.FloatSource == "computed"
}

// plannedDuration mirrors DCMA-08's duration(t): baseline, else current.
func plannedDuration(t artifact.Task) (float64, bool) {
	if t.BaselineDurationDays != nil {
		return *t.BaselineDurationDays, true
	}
	if t.DurationDays != nil {
		return *t.DurationDays, true
	}
	return 0, false
}

// unresourced: work tasks without a resource, none when the schedule has no
// resource data at all (DCMA-10 is then not assessable and counts nothing).
func unresourced(s *artifact.Schedule) []int {
	resourced := s.Columns["resources"] != nil
	for _, t := range s.Tasks {
		resourced = resourced || len(t.Resources) > 0
	}
	if !resourced {
		return []int{}
	}
	return tasksWhere(func(t artifact.Task) bool { return isWork(t) && len(t.Resources) == 0 })(s)
}

func criticalPathTasks(s *artifact.Schedule) []int {
	if s.Derived == nil {
		return []int{}
	}
	uids := map[string]bool{}
	for _, u := range s.Derived.CriticalPath {
		uids[u] = true
	}
	if cpt := s.Derived.CriticalPathTest; cpt != nil {
		uids[cpt.TaskUID] = true
	}
	return tasksWhere(func(t artifact.Task) bool { return uids[t.UID] })(s)
}

// --- status-date rules -------------------------------------------------------

var dayPrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// day mirrors lib.day: the YYYY-MM-DD prefix of a date string.
func day(p *string) (string, bool) {
	if p == nil || !dayPrefix.MatchString(*p) {
		return "", false
	}
	return (*p)[:10], true
}

// statusDated applies keep with the schedule's status date, or returns
// every task when the schedule has none the rules would read.
func statusDated(keep func(t artifact.Task, sd string) bool) candidateFunc {
	return func(s *artifact.Schedule) []int {
		sd, ok := day(s.StatusDate)
		if !ok {
			return tasksWhere(func(artifact.Task) bool { return true })(s)
		}
		out := []int{}
		for i, t := range s.Tasks {
			if keep(t, sd) {
				out = append(out, i)
			}
		}
		return out
	}
}

// invalidDates: DCMA-09's problems — an actual after the status date, or
// an unfinished forecast before it.
func invalidDates(t artifact.Task, sd string) bool {
	if !isDetail(t) {
		return false
	}
	as, hasAS := day(t.ActualStart)
	af, hasAF := day(t.ActualFinish)
	if (hasAS && as > sd) || (hasAF && af > sd) {
		return true
	}
	if t.Progress == "complete" {
		return false
	}
	started := hasAS || t.Progress == "in-progress"
	if st, ok := day(t.Start); ok && !started && st < sd {
		return true
	}
	if fi, ok := day(t.Finish); ok && !hasAF && fi < sd {
		return true
	}
	return false
}

// due: baselined to finish by the status date (DCMA-11, DCMA-14).
func due(t artifact.Task, sd string) bool {
	bf, ok := day(t.BaselineFinish)
	return ok && bf <= sd
}

// completedBy mirrors DCMA-14's completed(t).
func completedBy(t artifact.Task, sd string) bool {
	if af, ok := day(t.ActualFinish); ok {
		return af <= sd
	}
	return t.Progress == "complete"
}
