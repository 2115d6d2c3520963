# METADATA
# title: Summary rows carry no logic and span their children
# description: >-
#   A summary row has no predecessors or successors (logic belongs on detail
#   tasks), and its start and finish are the earliest start and latest finish
#   of its children.
# scope: package
# custom:
#   id: SCHED-005
#   severity: warning
#   kinds: [schedule]
#   source: GAO BP5 (vertical traceability); DCMA practice (logic on detail tasks)
#   remediation: Move links to detail tasks; recompute summary dates from children.
package tollgate.rules.schedule.sched_005

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

tasks := sched.tasks(s)

# The summary rows: from the schedule index's candidates (every summary row,
# internal/schedule/index_integrity.go), else from every task.
summaries := [t | some t in sched.candidates(s, "sched_005"); sched.type(t) == "summary"]

# The relationships with a summary row at an end (schedule index:
# "sched_005.rels"), else every relationship.
rels := sched.candidate_rels(s, "sched_005.rels")

linked := {u | some r in rels; some u in [r.from, r.to]}

children(t) := [c | some c in tasks; object.get(c, "parent_uid", null) == t.uid]

problems(t) := [p |
	some p in [_logic(t), _span(t, "start", "earliest"), _span(t, "finish", "latest")]
	p != ""
]

_logic(t) := "a summary row has predecessors or successors" if {
	_has_links(t)
} else := ""

# The row's own link lists first: a normalized schedule lists both ends of
# every relationship there, so the set of all linked tasks (a pass over every
# relationship) is then seldom needed.
_has_links(t) if count(sched.list(t, "predecessors")) + count(sched.list(t, "successors")) > 0

_has_links(t) if t.uid in linked

_span(t, field, word) := sprintf("%s %s is not the %s %s of its children (%s)", [field, mine, word, field, want]) if {
	mine := lib.day(object.get(t, field, null))
	dates := {d | some c in children(t); d := lib.day(object.get(c, field, null))}
	count(dates) > 0
	want := _agg(dates, word)
	mine != want
} else := ""

_agg(dates, "earliest") := min(dates)

_agg(dates, "latest") := max(dates)

fail contains f if {
	some t in summaries
	ps := problems(t)
	count(ps) > 0
	f := {"msg": sprintf("%s: %s", [sched.label(t), concat("; ", ps)]), "loc": sched.loc(t)}
}

not_assessable contains r if {
	lib.absent(input, "schedule.tasks", object.get(s, "tasks", null))
	r := {"msg": "no task rows could be read from the schedule", "missing": ["schedule.tasks"]}
}
