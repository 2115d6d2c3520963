# METADATA
# title: Lags — few relationships carry a lag
# description: >-
#   Relationships with a positive lag stay within thresholds.dcma.lags_pct
#   (5 % by default) of all relationships.
# scope: package
# custom:
#   id: SCHED-DCMA-03
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-3; GAO BP2 (lags minimized and justified)
#   remediation: Model waiting time as explicit tasks; justify any remaining lag in the schedule narrative.
package tollgate.rules.schedule.dcma_03

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

rels := sched.rels(s)

by_uid := sched.first_by_uid(sched.tasks(s))

offenders := [r | some r in rels; is_number(r.lag_days); r.lag_days > 0]

n := count(offenders)

d := count(rels)

value := sched.pct(n, d)

threshold := sched.dcma("lags_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value > threshold
	msg := sprintf("%d of %d relationships (%v%%) have a lag, first %s; threshold %v%%", [n, d, value, sched.rel_label(by_uid, offenders[0]), threshold])
	f := sched.summary(msg, [sched.rel_loc(by_uid, r) | some r in offenders], sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	not sched.has_logic(s)
	r := {"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}
}

not_assessable contains r if {
	sched.has_logic(s)
	d == 0
	r := {"msg": "the schedule has no relationships to assess", "missing": []}
}
