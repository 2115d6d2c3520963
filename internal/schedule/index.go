package schedule

import (
	"sort"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// candidateFunc returns, for one rule, the indexes of the tasks (or
// relationships) that rule could flag: a superset, never fewer; nil when it
// cannot say (the rule then scans every task). Each rule
// group registers its functions in init (index_dcma.go, index_integrity.go).
type candidateFunc func(s *artifact.Schedule) []int

var candidateFuncs = map[string]candidateFunc{}

func registerCandidates(rule string, f candidateFunc) { candidateFuncs[rule] = f }

// BuildIndex fills s.Index: the set sizes of RULES.md's shorthands and, per
// registered rule, its candidate tasks. The schedule pack reads them to
// avoid judging every task of a large schedule in Rego; a test proves the
// findings are the same with and without the index.
func BuildIndex(s *artifact.Schedule) {
	ix := &artifact.ScheduleIndex{Counts: map[string]int{}, Candidates: map[string][]int{}}
	detail, open, work := 0, 0, 0
	for _, t := range s.Tasks {
		if !isDetail(t) {
			continue
		}
		detail++
		if t.Progress == "complete" {
			continue
		}
		open++
		if t.Type == "task" {
			work++
		}
	}
	ix.Counts["tasks"], ix.Counts["detail"], ix.Counts["open"], ix.Counts["work"] = len(s.Tasks), detail, open, work
	ix.Counts["rels"] = len(s.Relationships)
	names := make([]string, 0, len(candidateFuncs))
	for n := range candidateFuncs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		// nil means "not indexed" (the rule scans every task); an empty
		// list means "no candidates".
		if c := candidateFuncs[n](s); c != nil {
			ix.Candidates[n] = c
		}
	}
	s.Index = ix
}

// isDetail: tasks and milestones (summary and level-of-effort rows are not
// detail work), as the schedule pack's sched.detail.
func isDetail(t artifact.Task) bool {
	// The normalizer always sets a type; an empty one is not detail work,
	// exactly as the Rego side reads "type": "".
	return t.Type == "task" || t.Type == "milestone"
}

// isOpen: detail tasks not complete (sched.open).
func isOpen(t artifact.Task) bool { return isDetail(t) && t.Progress != "complete" }
