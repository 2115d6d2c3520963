# METADATA
# title: Hard constraints — few open tasks are pinned to dates
# description: >-
#   Open detail tasks with a hard date constraint (MSO, MFO, SNLT, FNLT) stay
#   within thresholds.dcma.hard_constraints_pct (5 % by default) of the open
#   tasks.
# scope: package
# custom:
#   id: SCHED-DCMA-05
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-5; GAO BP2 (date constraints minimized and justified)
#   remediation: Remove hard constraints; use deadlines or soft constraints; document any contractual date.
package tollgate.rules.schedule.dcma_05

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

# Constraint data: a Constraint Type column, or constraints carried by the
# tasks (a project file export).
has_constraints if sched.column(s, "constraint_type")

has_constraints if {
	count(sched.task_set(s, "constrained")) > 0
}

# The open tasks with a hard constraint (schedule index facts).
open := sched.task_set(s, "open")

offenders := [s.tasks[i] | some i in sched.task_set(s, "hard_constraint"); i in open]

n := count(offenders)

d := count(open)

value := sched.pct(n, d)

threshold := sched.dcma("hard_constraints_pct")

assessable if {
	has_constraints
	d > 0
}

metric contains sched.metrics(value, n, d, threshold) if assessable

fail contains f if {
	assessable
	value > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks (%v%%) have a hard date constraint (first: %q, %s); threshold %v%%", [n, d, value, sched.label(first), first.constraint.type, threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	not has_constraints
	r := {"msg": "the schedule carries no constraint types (the export has no Constraint Type column)", "missing": ["schedule.columns.constraint_type"]}
}

not_assessable contains r if {
	has_constraints
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
