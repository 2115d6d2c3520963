# METADATA
# title: Negative float — no open task is behind its constraints
# description: >-
#   Open detail tasks with negative total float stay within
#   thresholds.dcma.negative_float_max (0 by default).
# scope: package
# custom:
#   id: SCHED-DCMA-07
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-7; GAO BP7
#   remediation: Recover the forecast (re-plan, add resources) or document the slip and corrective action.
package tollgate.rules.schedule.dcma_07

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

# The denominator, the open tasks carrying a total float, is the open tasks
# less those without one (with the schedule index only these are judged).
unmeasured := [t | some t in sched.candidates(s, "dcma_07.unmeasured"); not sched.float_known(t); is_open(t)]

# With the schedule index only the open tasks with negative float are judged.
offenders := [t | some t in sched.candidates(s, "dcma_07"); t.total_float_days < 0; sched.float_known(t); is_open(t)]

n := count(offenders)

d := sched.size(s, "open") - count(unmeasured)

threshold := sched.dcma("negative_float_max")

metric contains sched.metrics(n, n, d, threshold) if d > 0

computed_note := " (total float computed by tollgate's critical-path pass)" if {
	some t in sched.candidates(s, "dcma_07.witness")
	is_open(t)
	sched.float_known(t)
	t.float_source == "computed"
} else := ""

fail contains f if {
	d > 0
	n > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks have negative total float (first: %q, %v days)%s; threshold %v", [n, d, sched.label(first), first.total_float_days, computed_note, threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(n, n, d, threshold))
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
	object.get(t, "progress", "") != "complete"
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
