# METADATA
# title: Dates and durations are consistent
# description: >-
#   No task finishes before it starts (planned, baseline or actual dates):
#   error. A milestone with a duration, or a task of zero duration that is not
#   flagged a milestone: warning.
# scope: package
# custom:
#   id: SCHED-003
#   severity: error
#   kinds: [schedule]
#   source: GAO BP4
#   remediation: Correct dates/durations; flag true milestones as milestones.
package tollgate.rules.schedule.sched_003

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

# The tasks to judge (schedule index facts): a date pair out of order, a
# zero duration on a row other than a milestone, or a milestone with a
# duration above zero.
tasks := [s.tasks[i] | some i in (reversed | odd_durations)]

reversed := {i |
	some fact in ["finish_before_start", "baseline_finish_before_start", "actual_finish_before_start"]
	some i in sched.task_set(s, fact)
}

odd_durations := (sched.task_set(s, "zero_duration") - milestones) | (milestones - sched.task_set(s, "no_duration"))

milestones := sched.task_set(s, "milestone")

pairs := [["start", "finish", "finish %s is before start %s"], ["baseline_start", "baseline_finish", "baseline finish %s is before baseline start %s"], ["actual_start", "actual_finish", "actual finish %s is before actual start %s"]]

date_problems(t) := [sprintf(p[2], [f, b]) |
	some p in pairs
	b := lib.day(object.get(t, p[0], null))
	f := lib.day(object.get(t, p[1], null))
	f < b
]

duration_problems(t) := [p |
	some p in [_milestone(t), _zero(t)]
	p != ""
]

_milestone(t) := sprintf("milestone has a duration of %v days", [t.duration_days]) if {
	sched.type(t) == "milestone"
	is_number(object.get(t, "duration_days", null))
	t.duration_days > 0
} else := ""

_zero(t) := "task has zero duration but is not a milestone" if {
	sched.type(t) in {"task", "loe"}
	object.get(t, "duration_days", null) == 0
} else := ""

fail contains f if {
	some t in tasks
	ps := date_problems(t)
	count(ps) > 0
	f := {"msg": sprintf("%s: %s", [sched.label(t), concat("; ", ps)]), "loc": sched.loc(t)}
}

fail contains f if {
	some t in tasks
	ps := duration_problems(t)
	count(ps) > 0
	f := {"msg": sprintf("%s: %s", [sched.label(t), concat("; ", ps)]), "loc": sched.loc(t), "severity": "warning"}
}

not_assessable contains r if {
	lib.absent(input, "schedule.tasks", object.get(s, "tasks", null))
	r := {"msg": "no task rows could be read from the schedule", "missing": ["schedule.tasks"]}
}
