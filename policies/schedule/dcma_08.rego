# METADATA
# title: High duration — few open tasks are longer than two months
# description: >-
#   Open tasks (milestones excluded) whose baseline duration (else duration)
#   exceeds thresholds.dcma.high_duration_days (44 working days by default)
#   stay within thresholds.dcma.high_duration_pct (5 % by default).
# scope: package
# custom:
#   id: SCHED-DCMA-08
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-8; GAO BP4 (realistic, manageable durations)
#   remediation: Break long tasks into shorter, measurable tasks (≤ ~2 months).
package tollgate.rules.schedule.dcma_08

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

# The baseline duration is what was planned; the current duration is the
# fallback when no baseline was exported.
duration(t) := sched.planned_duration(t)

# The denominator, the work tasks with a duration, is the work tasks less
# those without one (schedule index facts).
work := sched.task_set(s, "work")

unmeasured := work & sched.task_set(s, "no_planned_duration")

limit := sched.dcma("high_duration_days")

offenders := [s.tasks[i] | some i in sched.above(s, "planned_duration", limit); i in work]

n := count(offenders)

d := count(work) - count(unmeasured)

value := sched.pct(n, d)

threshold := sched.dcma("high_duration_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks (%v%%) last more than %v working days (first: %q, %v days); threshold %v%%", [n, d, value, limit, sched.label(first), duration(first), threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	count(work) > 0
	d == 0
	r := {"msg": "no open task carries a duration", "missing": ["schedule.columns.duration", "schedule.columns.baseline_duration"]}
}

not_assessable contains r if {
	count(work) == 0
	r := {"msg": "the schedule has no open work tasks to assess", "missing": []}
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
