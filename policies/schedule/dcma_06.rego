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
# less those without one (with the schedule index only these are judged).
unmeasured := [t | some t in sched.candidates(s, "dcma_06.unmeasured"); not sched.float_known(t); is_open(t)]

limit := sched.dcma("high_float_days")

offenders := [t | some t in sched.candidates(s, over_key); t.total_float_days > limit; sched.float_known(t); is_open(t)]

n := count(offenders)

d := sched.size(s, "open") - count(unmeasured)

value := sched.pct(n, d)

threshold := sched.dcma("high_float_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

# Reviewers must know when the float was not exported by the scheduling tool.
computed_note := " (total float computed by tollgate's critical-path pass)" if {
	some t in sched.candidates(s, "dcma_06.witness")
	is_open(t)
	sched.float_known(t)
	t.float_source == "computed"
} else := ""

fail contains f if {
	d > 0
	value > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks (%v%%) have more than %v days of total float (first: %q, %v days)%s; threshold %v%%", [n, d, value, limit, sched.label(first), first.total_float_days, computed_note, threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	sched.size(s, "open") > 0
	d == 0
	r := {"msg": "no open task carries a total float (no Total Float/Slack column and no critical-path pass result)", "missing": ["total_float"]}
}

not_assessable contains r if {
	sched.size(s, "open") == 0
	r := {"msg": "the schedule has no open detail tasks to assess", "missing": []}
}

# is_open(t): t is in sched.open(s) (candidate lists are judged again).
is_open(t) if {
	sched.type(t) in {"task", "milestone"}
	not t.progress == "complete"
}

# With the schedule index, "dcma_06.over_B" lists the tasks measuring over B;
# they are a superset of the offenders while limit >= B. Else every task.
over_key := k if {
	some k, _ in object.get(s, ["index", "candidates"], {})
	startswith(k, "dcma_06.over_")
	to_number(trim_prefix(k, "dcma_06.over_")) <= limit
} else := "dcma_06"

# offender_locs: the offenders' locations as far as sched.summary reads them
# (the first, and up to max_related non-empty ones); a long list of
# offenders is not located in full.
offender_locs := head if {
	head := [sched.loc(t) | some t in array.slice(offenders, 0, sched.max_related)]
	_enough(head)
} else := [sched.loc(t) | some t in offenders]

_enough(head) if count(head) == count(offenders)

_enough(head) if count([l | some l in head; count(l) > 0]) == sched.max_related
