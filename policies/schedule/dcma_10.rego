# METADATA
# title: Resources — every open task with a duration has a resource
# description: >-
#   Open tasks with a duration and no assigned resource stay within
#   thresholds.dcma.resources_pct (0 % by default). Warning, or error when the
#   project follows M3 (project.framework m3), whose guidance requires
#   resources in the schedule.
# scope: package
# custom:
#   id: SCHED-DCMA-10
#   severity: warning
#   kinds: [schedule]
#   source: >-
#     DCMA-10; GAO BP3; M3 Guidance IMS ("assign resources within the
#     schedule"); seed 002 activity 4 (assign resources to every scheduled task)
#   remediation: Assign the owning role/resource to each task, consistent with the RMP.
package tollgate.rules.schedule.dcma_10

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

has_resources if sched.column(s, "resources")

has_resources if {
	count(sched.task_set(s, "resourced")) > 0
}

# The denominator, the work tasks with a duration, is the work tasks less
# those without one; the offenders, the work tasks with a duration and
# without a resource (schedule index facts).
work := sched.task_set(s, "work")

no_duration := sched.task_set(s, "no_duration")

unmeasured := work & no_duration

offenders := [s.tasks[i] | some i in ((work & sched.task_set(s, "unresourced")) - no_duration)]

n := count(offenders)

d := count(work) - count(unmeasured)

value := sched.pct(n, d)

threshold := sched.dcma("resources_pct")

assessable if {
	has_resources
	d > 0
}

metric contains sched.metrics(value, n, d, threshold) if assessable

# M3 asks for resources in the schedule: then a gap blocks the gate.
severity := "error" if {
	object.get(data.tollgate.project, "framework", "") == "m3"
} else := "warning"

fail contains f if {
	assessable
	value > threshold
	msg := sprintf("%d of %d open tasks with a duration (%v%%) have no resource assigned (first: %q); threshold %v%%", [n, d, value, sched.label(offenders[0]), threshold])
	f := object.union(sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold)), {"severity": severity})
}

not_assessable contains r if {
	not has_resources
	r := {"msg": "the schedule carries no resource assignments (no Resource column)", "missing": ["schedule.columns.resources"]}
}

not_assessable contains r if {
	has_resources
	d == 0
	r := {"msg": "the schedule has no open tasks with a duration to assess", "missing": []}
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
