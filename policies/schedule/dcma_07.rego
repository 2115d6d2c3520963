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
# less those without one (schedule index facts).
open := sched.task_set(s, "open")

unmeasured := open & sched.task_set(s, "no_float")

# The open tasks with negative float (schedule index: the tasks by total
# float, read up to zero).
offenders := [s.tasks[i] | some i in sched.below(s, "total_float", 0); i in open]

n := count(offenders)

d := count(open) - count(unmeasured)

threshold := sched.dcma("negative_float_max")

metric contains sched.metrics(n, n, d, threshold) if d > 0

computed_note := " (total float computed by tollgate's critical-path pass)" if {
	some i in sched.task_set(s, "float_computed")
	i in open
} else := ""

fail contains f if {
	d > 0
	n > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks have negative total float (first: %q, %v days)%s; threshold %v", [n, d, sched.label(first), first.total_float_days, computed_note, threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(n, n, d, threshold))
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
