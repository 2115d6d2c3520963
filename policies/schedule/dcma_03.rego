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

# The relationships with a lag: a schedule index fact.
offenders := [s.relationships[i] | some i in sched.rel_set(s, "positive_lag")]

n := count(offenders)

d := sched.rel_count(s)

value := sched.pct(n, d)

threshold := sched.dcma("lags_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value > threshold
	msg := sprintf("%d of %d relationships (%v%%) have a lag, first %s; threshold %v%%", [n, d, value, sched.rel_label(head_by_uid, offenders[0]), threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
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

# Locating and labelling a relationship needs the first task of each end's
# UID, and only for the relationships reported.
by_uid_of(rs) := sched.by_uid(s, {u | some r in rs; some u in [object.get(r, "from", null), object.get(r, "to", null)]})

head_by_uid := by_uid_of(array.slice(offenders, 0, sched.max_related))

# offender_locs: the locations as far as sched.summary reads them (the first,
# and up to max_related non-empty ones); a long list is not located in full.
offender_locs := head if {
	head := [sched.rel_loc(head_by_uid, r) | some r in array.slice(offenders, 0, sched.max_related)]
	_enough(head)
} else := [sched.rel_loc(by_uid_of(offenders), r) | some r in offenders]

_enough(head) if count(head) == count(offenders)

_enough(head) if count([l | some l in head; count(l) > 0]) == sched.max_related
