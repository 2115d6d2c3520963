# METADATA
# title: Missed tasks — baselined work finished on time
# description: >-
#   Of the detail tasks baselined to finish by the status date, those finished
#   late or not finished stay within thresholds.dcma.missed_tasks_pct (5 % by
#   default).
# scope: package
# custom:
#   id: SCHED-DCMA-11
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-11
#   remediation: Investigate late tasks; re-plan and report the root cause.
package tollgate.rules.schedule.dcma_11

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

sd := sched.status_date(s)

has_baseline if sched.has_field(s, "baseline_finish", "baseline_finish")

# The detail tasks due by the status date (schedule index: the tasks by
# baseline finish, read up to the status date).
detail := sched.task_set(s, "detail")

due := [s.tasks[i] | some i in sched.at_most(s, "baseline_finish", sd); i in detail]

finished(t) if lib.day(object.get(t, "actual_finish", null))

finished(t) if sched.complete(t)

missed(t) if not finished(t)

missed(t) if lib.day(t.actual_finish) > lib.day(t.baseline_finish)

offenders := [t | some t in due; missed(t)]

n := count(offenders)

d := count(due)

value := sched.pct(n, d)

threshold := sched.dcma("missed_tasks_pct")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value > threshold
	first := offenders[0]
	msg := sprintf("%d of %d tasks baselined to finish by the status date %s (%v%%) finished late or are not finished (first: %q, baseline finish %s); threshold %v%%", [n, d, sd, value, sched.label(first), lib.day(first.baseline_finish), threshold])
	f := sched.summary(msg, offender_locs, sched.metrics(value, n, d, threshold))
}

not_assessable contains r if {
	not sd
	r := {"msg": "the schedule has no status date", "missing": sched.status_date_missing}
}

not_assessable contains r if {
	not has_baseline
	r := {"msg": "the schedule carries no baseline finish dates", "missing": ["schedule.columns.baseline_finish"]}
}

not_assessable contains r if {
	sd
	has_baseline
	d == 0
	r := {"msg": sprintf("no detail task was baselined to finish by the status date %s", [sd]), "missing": []}
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
