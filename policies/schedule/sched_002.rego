# METADATA
# title: The network has no dependency loop
# description: >-
#   The relationships of the schedule contain no cycle (one finding per loop,
#   naming its tasks); a critical-path calculation needs an acyclic network.
# scope: package
# custom:
#   id: SCHED-002
#   severity: error
#   kinds: [schedule]
#   source: GAO BP2 (logical sequencing); CPM needs an acyclic network
#   remediation: Break the loop; one of the links is wrong.
package tollgate.rules.schedule.sched_002

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

by_uid := sched.first_by_uid(sched.tasks(s))

rels := sched.rels(s)

# The loops: as the critical-path pass found them, else computed here (the
# strongly connected components of the network that hold a loop).
# The loops: as the critical-path pass reported them (it looks for loops
# whether or not it could compute the network); found here only when no pass
# ran (an artifact given as is), as the strongly connected components of the
# network that hold a loop — quadratic, so not done twice.
cycles := {c | some c in object.get(s.derived, "cycles", []); is_array(c); count(c) > 0} if {
	is_object(object.get(s, "derived", null))
	is_array(object.get(s.derived, "cycles", []))
} else := set() if {
	is_object(object.get(s, "derived", null))
} else := computed

succ := {u: {r.to | some r in rels; r.from == u} | some u in {r.from | some r in rels}}

reach := {u: graph.reachable(succ, succ[u]) | some u, _ in succ}

computed := {c |
	some u, rs in reach
	u in rs
	c := sort([v | some v in rs; u in object.get(reach, v, set())])
}

fail contains f if {
	some c in cycles
	ts := [object.get(by_uid, u, {"uid": u}) | some u in c]
	msg := sprintf("dependency loop through %d tasks: %s", [count(c), concat(" → ", [sched.label(t) | some t in ts])])
	f := {"msg": msg, "loc": sched.loc(ts[0]), "related": sched.related([sched.loc(t) | some t in ts])}
}

not_assessable contains r if {
	not sched.has_logic(s)
	r := {"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}
}
