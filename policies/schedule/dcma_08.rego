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

work := sched.work(s)

# The baseline duration is what was planned; the current duration is the
# fallback when no baseline was exported.
duration(t) := t.baseline_duration_days if {
	is_number(object.get(t, "baseline_duration_days", null))
} else := t.duration_days if {
	is_number(object.get(t, "duration_days", null))
}

measured := [t | some t in work; duration(t)]

limit := sched.dcma("high_duration_days")

offenders := [t | some t in measured; duration(t) > limit]

n := count(offenders)

d := count(measured)

value := sched.pct(n, d)

threshold := sched.dcma("high_duration_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks (%v%%) last more than %v working days (first: %q, %v days); threshold %v%%", [n, d, value, limit, sched.label(first), duration(first), threshold])
	f := sched.summary(msg, [sched.loc(t) | some t in offenders], sched.metrics(value, n, d, threshold))
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
