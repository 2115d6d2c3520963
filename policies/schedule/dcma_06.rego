# METADATA
# title: High float — few open tasks have excessive total float
# description: >-
#   Open detail tasks whose total float exceeds thresholds.dcma.high_float_days
#   (44 working days by default) stay within thresholds.dcma.high_float_pct
#   (5 % by default) of the open tasks carrying a total float (exported, or
#   computed by the critical-path pass).
# scope: package
# custom:
#   id: SCHED-DCMA-06
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-6; GAO BP7 (reasonable total float)
#   remediation: Look for missing successors; tie high-float work into the network.
package tollgate.rules.schedule.dcma_06

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

open := sched.open(s)

measured := [t | some t in open; sched.float_known(t)]

limit := sched.dcma("high_float_days")

offenders := [t | some t in measured; t.total_float_days > limit]

n := count(offenders)

d := count(measured)

value := sched.pct(n, d)

threshold := sched.dcma("high_float_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

# Reviewers must know when the float was not exported by the scheduling tool.
computed_note := " (total float computed by tollgate's critical-path pass)" if {
	some t in measured
	t.float_source == "computed"
} else := ""

fail contains f if {
	d > 0
	value > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks (%v%%) have more than %v days of total float (first: %q, %v days)%s; threshold %v%%", [n, d, value, limit, sched.label(first), first.total_float_days, computed_note, threshold])
	f := sched.summary(msg, [sched.loc(t) | some t in offenders], sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	count(open) > 0
	d == 0
	r := {"msg": "no open task carries a total float (no Total Float/Slack column and no critical-path pass result)", "missing": ["total_float"]}
}

not_assessable contains r if {
	count(open) == 0
	r := {"msg": "the schedule has no open detail tasks to assess", "missing": []}
}
