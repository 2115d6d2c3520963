# METADATA
# title: Progress agrees with actual dates
# description: >-
#   A task with progress has an actual start; a task at 100 % has an actual
#   finish; a task with an actual finish is at 100 %.
# scope: package
# custom:
#   id: SCHED-004
#   severity: warning
#   kinds: [schedule]
#   source: GAO BP9 (update with actual progress); M3 Status template (% complete semantics)
#   remediation: Record actual dates consistently with progress.
package tollgate.rules.schedule.sched_004

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

has_percent if _has_field("percent_complete")

has_start if _has_field("actual_start")

has_finish if _has_field("actual_finish")

# _has_field(key) is sched.has_field(s, key, key) without building the task
# list first: the first task carrying the field settles it.
_has_field(key) if sched.column(s, key)

_has_field(key) if {
	some t in object.get(s, "tasks", [])
	is_object(t)
	object.get(t, key, null) != null
}

# The detail tasks to judge (schedule index facts): % complete above zero
# without an actual start, 100 % without an actual finish, or an actual
# finish without 100 %.
started := sched.task_set(s, "started")

finished := sched.task_set(s, "finished")

full := sched.task_set(s, "percent_full")

odd := ((sched.task_set(s, "percent_positive") - started) | (full - finished)) | (finished - full)

detail := [s.tasks[i] | some i in (odd & sched.task_set(s, "detail"))]

pc(t) := t.percent_complete if is_number(object.get(t, "percent_complete", null))

problems(t) := [p |
	some p in [_no_start(t), _no_finish(t), _not_done(t)]
	p != ""
]

# Each comparison needs its column: a missing Actual Finish column is not a
# missing actual finish.
_no_start(t) := sprintf("%v%% complete but no actual start", [pc(t)]) if {
	has_start
	pc(t) > 0
	not lib.day(object.get(t, "actual_start", null))
} else := ""

_no_finish(t) := "100% complete but no actual finish" if {
	has_finish
	pc(t) >= 100
	not lib.day(object.get(t, "actual_finish", null))
} else := ""

_not_done(t) := sprintf("actual finish %s but only %v%% complete", [lib.day(t.actual_finish), pc(t)]) if {
	lib.day(object.get(t, "actual_finish", null))
	pc(t) < 100
} else := ""

fail contains f if {
	has_percent
	some t in detail
	ps := problems(t)
	count(ps) > 0
	f := {"msg": sprintf("%s: %s", [sched.label(t), concat("; ", ps)]), "loc": sched.loc(t)}
}

not_assessable contains r if {
	not has_percent
	r := {"msg": "the schedule carries no % complete", "missing": ["schedule.columns.percent_complete"]}
}

not_assessable contains r if {
	has_percent
	not has_start
	not has_finish
	r := {"msg": "the schedule carries no actual dates", "missing": ["schedule.columns.actual_start", "schedule.columns.actual_finish"]}
}
