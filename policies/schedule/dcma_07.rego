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

open := sched.open(s)

measured := [t | some t in open; sched.float_known(t)]

offenders := [t | some t in measured; t.total_float_days < 0]

n := count(offenders)

d := count(measured)

threshold := sched.dcma("negative_float_max")

metric contains sched.metrics(n, n, d, threshold) if d > 0

computed_note := " (total float computed by tollgate's critical-path pass)" if {
	some t in measured
	t.float_source == "computed"
} else := ""

fail contains f if {
	d > 0
	n > threshold
	first := offenders[0]
	msg := sprintf("%d of %d open tasks have negative total float (first: %q, %v days)%s; threshold %v", [n, d, sched.label(first), first.total_float_days, computed_note, threshold])
	f := sched.summary(msg, [sched.loc(t) | some t in offenders], sched.metrics(n, n, d, threshold))
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
