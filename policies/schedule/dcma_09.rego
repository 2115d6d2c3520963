# METADATA
# title: Invalid dates — actuals in the past, forecasts in the future
# description: >-
#   No detail task has an actual start or finish after the status date, and no
#   open task is forecast to start (while not started) or finish before the
#   status date; at most thresholds.dcma.invalid_dates_max (0 by default)
#   offending tasks.
# scope: package
# custom:
#   id: SCHED-DCMA-09
#   severity: error
#   kinds: [schedule]
#   source: DCMA-9; GAO BP9
#   remediation: "Status the schedule: move unfinished forecast dates after the status date; remove future actuals."
package tollgate.rules.schedule.dcma_09

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

sd := sched.status_date(s)

has_dates if sched.has_field(s, "start", "start")

has_dates if sched.has_field(s, "finish", "finish")

has_dates if sched.has_field(s, "actual_start", "actual_start")

has_dates if sched.has_field(s, "actual_finish", "actual_finish")

# started(t): the task has begun — an actual start, or progress says so
# (an export without an Actual Start column still carries % complete).
started(t) if lib.day(object.get(t, "actual_start", null))

started(t) if object.get(t, "progress", "") in {"in-progress", "complete"}

# problems(t): why the task's dates are invalid against the status date.
problems(t) := [p |
	some p in [
		_future("actual start", object.get(t, "actual_start", null)),
		_future("actual finish", object.get(t, "actual_finish", null)),
		_unstarted(t),
		_unfinished(t),
	]
	p != ""
]

_future(what, v) := sprintf("%s %s is after the status date", [what, lib.day(v)]) if {
	lib.day(v) > sd
} else := ""

_unstarted(t) := sprintf("forecast start %s is before the status date but the task has not started", [lib.day(t.start)]) if {
	not sched.complete(t)
	not started(t)
	lib.day(t.start) < sd
} else := ""

_unfinished(t) := sprintf("forecast finish %s is before the status date but the task is not finished", [lib.day(t.finish)]) if {
	not sched.complete(t)
	not lib.day(object.get(t, "actual_finish", null))
	lib.day(t.finish) < sd
} else := ""

# The detail tasks with an actual date after the status date or a forecast
# before it (schedule index: the tasks by actual, and by forecast, dates).
detail := sched.task_set(s, "detail")

dated := {i |
	some l in [
		sched.above(s, "actual_start", sd),
		sched.above(s, "actual_finish", sd),
		sched.below(s, "forecast_start", sd),
		sched.below(s, "forecast_finish", sd),
	]
	some i in l
}

offenders := [t |
	some i in (dated & detail)
	t := s.tasks[i]
	count(problems(t)) > 0
]

n := count(offenders)

d := count(detail)

threshold := sched.dcma("invalid_dates_max")

assessable if {
	sd
	has_dates
	d > 0
}

metric contains sched.metrics(n, n, d, threshold) if assessable

fail contains f if {
	assessable
	n > threshold
	first := offenders[0]
	msg := sprintf("%d of %d detail tasks have invalid dates against the status date %s (first: %q: %s); threshold %v", [n, d, sd, sched.label(first), concat("; ", problems(first)), threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(n, n, d, threshold))
}

not_assessable contains r if {
	not sd
	r := {"msg": "the schedule has no status date", "missing": sched.status_date_missing}
}

not_assessable contains r if {
	sd
	not has_dates
	r := {"msg": "the schedule carries no task dates", "missing": ["schedule.columns.start", "schedule.columns.finish"]}
}

not_assessable contains r if {
	sd
	has_dates
	d == 0
	r := {"msg": "the schedule has no detail tasks to assess", "missing": []}
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
