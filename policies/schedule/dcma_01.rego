# METADATA
# title: Logic — open tasks have a predecessor and a successor
# description: >-
#   Open detail tasks lacking a predecessor or a successor (one project-start
#   and one project-finish milestone excepted) stay within the DCMA share of
#   the open tasks (thresholds.dcma.logic_pct, 5 % by default).
# scope: package
# custom:
#   id: SCHED-DCMA-01
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-1; GAO BP2
#   remediation: Add the missing driving/driven links; tie genuine open ends to the start or finish milestone.
package tollgate.rules.schedule.dcma_01

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

open := sched.task_set(s, "open")

no_pred := sched.task_set(s, "no_predecessor")

no_succ := sched.task_set(s, "no_successor")

# The open ends, in schedule order: open tasks lacking a predecessor or a
# successor (schedule index facts). The denominator is the open tasks.
end_rows := sort(open & (no_pred | no_succ))

ends := [s.tasks[i] | some i in end_rows]

has_pred(k) if not end_rows[k] in no_pred

has_succ(k) if not end_rows[k] in no_succ

# The project-start milestone: the first open milestone with successors and
# no predecessor; the project-finish milestone: the last with predecessors
# and no successor. Each may legitimately be an open end (both are open
# ends, so the first and last of ends are those of all open tasks).
start_milestones := [i | some i, t in ends; t.type == "milestone"; not has_pred(i); has_succ(i)]

finish_milestones := [i | some i, t in ends; t.type == "milestone"; has_pred(i); not has_succ(i)]

exempt contains start_milestones[0]

exempt contains finish_milestones[count(finish_milestones) - 1]

offenders := [t |
	some i, t in ends
	not i in exempt
]

assessable if {
	sched.has_logic(s)
	d > 0
}

n := count(offenders)

d := count(open)

value := sched.pct(n, d)

threshold := sched.dcma("logic_pct")

metric contains sched.metrics(value, n, d, threshold) if assessable

fail contains f if {
	assessable
	value > threshold
	msg := sprintf("%d of %d open tasks (%v%%) lack a predecessor or a successor (first: %q); threshold %v%%", [n, d, value, sched.label(offenders[0]), threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	not sched.has_logic(s)
	r := {"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}
}

not_assessable contains r if {
	sched.has_logic(s)
	d == 0
	r := {"msg": "the schedule has no open detail tasks to assess", "missing": []}
}

# offender_locs: the offenders' locations as far as sched.summary reads them
# (the first, and up to max_related non-empty ones); a long list of
# offenders is not located in full.
offender_locs := head if {
	head := [sched.loc(t) | some t in array.slice(offenders, 0, sched.max_related)]
	_enough(head)
} else := [sched.loc(t) | some t in offenders]

_enough(head) if count(head) == count(offenders)

_enough(head) if count([l | some l in head; count(l) > 0]) == sched.max_related
