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

rels := sched.rels(s)

by_uid := sched.first_by_uid(sched.tasks(s))

rel_type(r) := upper(r.type) if {
	is_string(object.get(r, "type", null))
} else := "FS"

others := [r | some r in rels; rel_type(r) != "FS"]

d := count(rels)

n := d - count(others)

value := sched.pct(n, d)

threshold := sched.dcma("fs_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value < threshold
	msg := sprintf("%d of %d relationships (%v%%) are finish-to-start; threshold at least %v%%", [n, d, value, threshold])
	f := sched.summary(msg, [sched.rel_loc(by_uid, r) | some r in others], sched.metrics(value, n, d, threshold))
}

# A start-to-finish link is almost always a modelling error: each is listed.
fail contains f if {
	some r in rels
	rel_type(r) == "SF"
	f := {"msg": sprintf("start-to-finish relationship %s", [sched.rel_label(by_uid, r)]), "loc": sched.rel_loc(by_uid, r)}
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
