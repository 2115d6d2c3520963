# METADATA
# title: The schedule carries a baseline
# description: >-
#   Every detail task has a baseline start and finish; a schedule without
#   baseline columns fails once.
# scope: package
# custom:
#   id: SCHED-006
#   severity: warning
#   kinds: [schedule]
#   source: >-
#     GAO BP10 (maintain a baseline); M3 Guidance Initial Master Schedule
#     ("baseline program schedule") and IMS ("re-baseline")
#   remediation: Save and export a baseline; re-baseline only through approved change control.
package tollgate.rules.schedule.sched_006

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

has_baseline if _has_field("baseline_start")

has_baseline if _has_field("baseline_finish")

# _has_field(key) is sched.has_field(s, key, key) without building the task
# list first: the first task carrying the field settles it.
_has_field(key) if sched.column(s, key)

_has_field(key) if {
	some t in object.get(s, "tasks", [])
	is_object(t)
	object.get(t, key, null) != null
}

# The offenders, in schedule order: detail tasks without both baseline days
# (schedule index facts).
detail := sched.task_set(s, "detail")

offenders := [s.tasks[i] | some i in (detail & sched.task_set(s, "no_baseline"))]

_baselined(t) if {
	lib.day(object.get(t, "baseline_start", null))
	lib.day(object.get(t, "baseline_finish", null))
}

n := count(offenders)

d := count(detail)

metric contains sched.metrics(sched.pct(n, d), n, d, 0) if {
	has_baseline
	d > 0
}

fail contains f if {
	d > 0
	not has_baseline
	f := {"msg": "the schedule has no baseline columns (baseline start/finish)", "loc": {}}
}

fail contains f if {
	has_baseline
	n > 0
	msg := sprintf("%d of %d detail tasks have no baseline start or finish (first: %q)", [n, d, sched.label(offenders[0])])
	f := sched.summary(msg, [sched.loc(t) | some t in offenders], sched.metrics(sched.pct(n, d), n, d, 0))
}

not_assessable contains r if {
	d == 0
	r := {"msg": "the schedule has no detail tasks to assess", "missing": []}
}
