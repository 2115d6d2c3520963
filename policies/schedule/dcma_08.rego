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
duration(t) := t.baseline_duration_days if {
	is_number(object.get(t, "baseline_duration_days", null))
} else := t.duration_days if {
	is_number(object.get(t, "duration_days", null))
}

# The denominator, the work tasks with a duration, is the work tasks less
# those without one (with the schedule index only these are judged).
unmeasured := [t | some t in sched.candidates(s, "dcma_08.unmeasured"); not duration(t); is_work(t)]

limit := sched.dcma("high_duration_days")

offenders := [t | some t in sched.candidates(s, over_key); duration(t) > limit; is_work(t)]

n := count(offenders)

d := sched.size(s, "work") - count(unmeasured)

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
	sched.size(s, "work") > 0
	d == 0
	r := {"msg": "no open task carries a duration", "missing": ["schedule.columns.duration", "schedule.columns.baseline_duration"]}
}

not_assessable contains r if {
	sched.size(s, "work") == 0
	r := {"msg": "the schedule has no open work tasks to assess", "missing": []}
}

# is_open(t): t is in sched.open(s) (candidate lists are judged again).
is_open(t) if {
	sched.type(t) in {"task", "milestone"}
	object.get(t, "progress", "") != "complete"
}

# is_work(t): t is in sched.work(s).
is_work(t) if {
	is_open(t)
	sched.type(t) == "task"
}

# With the schedule index, "dcma_08.over_B" lists the tasks measuring over B;
# they are a superset of the offenders while limit >= B. Else every task.
over_key := k if {
	some k, _ in object.get(s, ["index", "candidates"], {})
	startswith(k, "dcma_08.over_")
	to_number(trim_prefix(k, "dcma_08.over_")) <= limit
} else := "dcma_08"

# offender_locs: the offenders' locations as far as sched.summary reads them
# (the first, and up to max_related non-empty ones); a long list of
# offenders is not located in full.
offender_locs := head if {
	head := [sched.loc(t) | some t in array.slice(offenders, 0, sched.max_related)]
	_enough(head)
} else := [sched.loc(t) | some t in offenders]

_enough(head) if count(head) == count(offenders)

_enough(head) if count([l | some l in head; count(l) > 0]) == sched.max_related
