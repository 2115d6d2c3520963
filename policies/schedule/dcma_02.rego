# METADATA
# title: Leads — no relationship has a negative lag
# description: >-
#   Relationships with a lead (negative lag) stay within
#   thresholds.dcma.leads_max (0 by default): leads hide the real sequence of
#   work and distort the critical path.
# scope: package
# custom:
#   id: SCHED-DCMA-02
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-2; GAO BP2
#   remediation: Replace leads by splitting the predecessor or using a positive-logic alternative.
package tollgate.rules.schedule.dcma_02

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

rels := sched.rels(s)

by_uid := sched.first_by_uid(sched.tasks(s))

offenders := [r | some r in rels; is_number(r.lag_days); r.lag_days < 0]

n := count(offenders)

d := count(rels)

threshold := sched.dcma("leads_max")

metric contains sched.metrics(n, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	n > threshold
	msg := sprintf("%d of %d relationships have a lead (negative lag), first %s; threshold %v", [n, d, sched.rel_label(by_uid, offenders[0]), threshold])
	f := sched.summary(msg, [sched.rel_loc(by_uid, r) | some r in offenders], sched.metrics(n, n, d, threshold))
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
