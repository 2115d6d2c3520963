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

# The denominator, the open tasks carrying a total float, is the open tasks
# less those without one (schedule index facts).
open := sched.task_set(s, "open")

unmeasured := open & sched.task_set(s, "no_float")

limit := sched.dcma("high_float_days")

# The open tasks whose total float exceeds the limit (schedule index: the
# tasks by total float, read from the limit up).
offenders := [s.tasks[i] | some i in sched.above(s, "total_float", limit); i in open]

n := count(offenders)

d := count(open) - count(unmeasured)

value := sched.pct(n, d)

threshold := sched.dcma("high_float_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

# Reviewers must know when the float was not exported by the scheduling tool.
computed_note := " (total float computed by tollgate's critical-path pass)" if {
	some i in sched.task_set(s, "float_computed")
	i in open
} else := ""

fail contains f if {
	d > 0
	value > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks (%v%%) have more than %v days of total float (first: %q, %v days)%s; threshold %v%%", [n, d, value, limit, sched.label(first), first.total_float_days, computed_note, threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
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

# offender_locs: the offenders' locations as far as sched.summary reads them
# (the first, and up to max_related non-empty ones); a long list of
# offenders is not located in full.
offender_locs := head if {
	head := [sched.loc(t) | some t in array.slice(offenders, 0, sched.max_related)]
	_enough(head)
} else := [sched.loc(t) | some t in offenders]

_enough(head) if count(head) == count(offenders)

_enough(head) if count([l | some l in head; count(l) > 0]) == sched.max_related
