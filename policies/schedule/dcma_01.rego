# METADATA
# title: Logic — open tasks have a predecessor and a successor
# description: >-
#   Open detail tasks lacking a predecessor or a successor (one project-start
#   and one project-finish milestone excepted) stay within the DCMA share of
#   the open tasks (thresholds.dcma.logic_pct, 5 % by default).
# scope: package
# custom:
#   id: SCHED-DCMA-01
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-1; GAO BP2
#   remediation: Add the missing driving/driven links; tie genuine open ends to the start or finish milestone.
package tollgate.rules.schedule.dcma_01

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

# Only the open tasks lacking a link can offend: with the schedule index
# these are all the rule judges (without it, every task). The denominator
# is the number of open tasks.
ends := [t |
	some t in sched.candidates(s, "dcma_01")
	sched.type(t) in {"task", "milestone"}
	object.get(t, "progress", "") != "complete"
	open_end(t)
]

# The relationships with an end among the candidates (schedule index:
# "dcma_01.rels"), else every relationship: only the candidates' links are
# looked up.
rels := sched.candidate_rels(s, "dcma_01.rels")

tos := {r.to | some r in rels}

froms := {r.from | some r in rels}

has_pred(t) if t.uid in tos

has_pred(t) if count(sched.list(t, "predecessors")) > 0

has_succ(t) if t.uid in froms

has_succ(t) if count(sched.list(t, "successors")) > 0

# The project-start milestone: the first open milestone with successors and
# no predecessor; the project-finish milestone: the last with predecessors
# and no successor. Each may legitimately be an open end (both are open
# ends, so the first and last of ends are those of all open tasks).
start_milestones := [i | some i, t in ends; t.type == "milestone"; not has_pred(t); has_succ(t)]

finish_milestones := [i | some i, t in ends; t.type == "milestone"; has_pred(t); not has_succ(t)]

exempt contains start_milestones[0]

exempt contains finish_milestones[count(finish_milestones) - 1]

offenders := [t |
	some i, t in ends
	not i in exempt
]

open_end(t) if not has_pred(t)

open_end(t) if not has_succ(t)

assessable if {
	sched.has_logic(s)
	d > 0
}

n := count(offenders)

d := sched.size(s, "open")

value := sched.pct(n, d)

threshold := sched.dcma("logic_pct")

metric contains sched.metrics(value, n, d, threshold) if assessable

fail contains f if {
	assessable
	value > threshold
	msg := sprintf("%d of %d open tasks (%v%%) lack a predecessor or a successor (first: %q); threshold %v%%", [n, d, value, sched.label(offenders[0]), threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	not sched.has_logic(s)
	r := {"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}
}

not_assessable contains r if {
	sched.has_logic(s)
	d == 0
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
