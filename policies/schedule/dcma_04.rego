# METADATA
# title: Relationship types — finish-to-start predominates
# description: >-
#   Finish-to-start relationships make up at least thresholds.dcma.fs_pct
#   (90 % by default) of all relationships; every start-to-finish link is
#   reported on its own.
# scope: package
# custom:
#   id: SCHED-DCMA-04
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-4
#   remediation: Re-sequence with finish-to-start links; keep SS/FF only where work truly overlaps.
package tollgate.rules.schedule.dcma_04

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

rel_type(r) := sched.rel_type(r)

# The relationships other than FS: a schedule index fact.
others := [s.relationships[i] | some i in sched.rel_set(s, "not_fs")]

d := sched.rel_count(s)

n := d - count(others)

value := sched.pct(n, d)

threshold := sched.dcma("fs_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value < threshold
	msg := sprintf("%d of %d relationships (%v%%) are finish-to-start; threshold at least %v%%", [n, d, value, threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
}

# A start-to-finish link is almost always a modelling error: each is listed.
fail contains f if {
	some r in sf
	f := {"msg": sprintf("start-to-finish relationship %s", [sched.rel_label(sf_by_uid, r)]), "loc": sched.rel_loc(sf_by_uid, r)}
}

sf := [r | some r in others; rel_type(r) == "SF"]

sf_by_uid := by_uid_of(sf)

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

head_by_uid := by_uid_of(array.slice(others, 0, sched.max_related))

# offender_locs: the locations as far as sched.summary reads them (the first,
# and up to max_related non-empty ones); a long list is not located in full.
offender_locs := head if {
	head := [sched.rel_loc(head_by_uid, r) | some r in array.slice(others, 0, sched.max_related)]
	_enough(head)
} else := [sched.rel_loc(by_uid_of(others), r) | some r in others]

_enough(head) if count(head) == count(others)

_enough(head) if count([l | some l in head; count(l) > 0]) == sched.max_related
