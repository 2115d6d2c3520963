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

# The summary rows (a schedule index fact).
summary_rows := sched.task_set(s, "summary")

# The tasks lacking a predecessor, and a successor (schedule index facts).
no_pred := sched.task_set(s, "no_predecessor")

no_succ := sched.task_set(s, "no_successor")

children(t) := [c | some c in tasks; object.get(c, "parent_uid", null) == t.uid]

problems(i, t) := [p |
	some p in [_logic(i), _span(t, "start", "earliest"), _span(t, "finish", "latest")]
	p != ""
]

_logic(i) := "a summary row has predecessors or successors" if {
	_has_links(i)
} else := ""

# A row has links unless it lacks both a predecessor and a successor
# (schedule index facts: its own link lists, and the relationships).
_has_links(i) if not i in no_pred

_has_links(i) if not i in no_succ

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
	some i in summary_rows
	t := s.tasks[i]
	ps := problems(i, t)
	count(ps) > 0
	f := {"msg": sprintf("%s: %s", [sched.label(t), concat("; ", ps)]), "loc": sched.loc(t)}
}

not_assessable contains r if {
	lib.absent(input, "schedule.tasks", object.get(s, "tasks", null))
	r := {"msg": "no task rows could be read from the schedule", "missing": ["schedule.tasks"]}
}
