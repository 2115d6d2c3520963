# The schedule index (schedule.index, computed in Go at normalization) lets
# rules of this pack judge only candidate tasks on large schedules. It is an
# accelerator, not a verdict: every candidate is still judged by the rule,
# and without an index (an artifact supplied as-is, a rule not indexed) the
# rule scans every task. internal/check tests that both give the same
# findings.
package tollgate.lib.schedule

import rego.v1

# candidates(s, rule): the tasks rule should judge.
candidates(s, rule) := [t |
	some i in s.index.candidates[rule]
	t := s.tasks[i]
	is_object(t)
] if {
	is_array(object.get(s, ["index", "candidates", rule], null))
} else := tasks(s)

# candidate_rels(s, rule): the relationships rule should judge.
candidate_rels(s, rule) := [r |
	some i in s.index.candidates[rule]
	r := s.relationships[i]
	is_object(r)
] if {
	is_array(object.get(s, ["index", "candidates", rule], null))
} else := rels(s)

# size(s, set, slow): a set's size from the index, else counted.
size(s, set) := n if {
	n := object.get(s, ["index", "counts", set], null)
	is_number(n)
} else := count(set_of(s, set))

set_of(s, "tasks") := tasks(s)

set_of(s, "detail") := detail(s)

set_of(s, "open") := open(s)

set_of(s, "work") := work(s)

set_of(s, "rels") := rels(s)
