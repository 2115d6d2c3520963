# METADATA
# title: BEI — tasks finish at the pace the baseline planned
# description: >-
#   The baseline execution index, detail tasks completed by the status date /
#   detail tasks baselined to finish by the status date, is at least
#   thresholds.dcma.bei (0.95 by default).
# scope: package
# custom:
#   id: SCHED-DCMA-14
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-14
#   remediation: Catch up late work or re-baseline through change control.
package tollgate.rules.schedule.dcma_14

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

sd := sched.status_date(s)

# The detail tasks, and those due by the status date (schedule index: the
# tasks by baseline finish, read up to the status date).
detail := sched.task_set(s, "detail")

has_baseline if sched.has_field(s, "baseline_finish", "baseline_finish")

due := [s.tasks[i] | some i in sched.at_most(s, "baseline_finish", sd); i in detail]

# completed(t): finished by the status date; a task marked complete without
# an actual finish counts (the export may lack the column).
completed(t) if lib.day(object.get(t, "actual_finish", null)) <= sd

completed(t) if {
	not lib.day(object.get(t, "actual_finish", null))
	sched.complete(t)
}

# completed(t) for every detail task: an actual finish by the status date,
# or complete without an actual finish (schedule index facts).
done := array.concat(
	[i | some i in sched.at_most(s, "actual_finish", sd); i in detail],
	[i | some i in ((sched.task_set(s, "complete") - sched.task_set(s, "finished")) & detail)],
)

late := [t | some t in due; not completed(t)]

n := count(done)

d := count(due)

value := sched.ratio(n, d)

threshold := sched.dcma("bei")

metric contains sched.metrics(value, n, d, threshold) if d > 0

fail contains f if {
	d > 0
	value < threshold
	msg := sprintf("BEI %v: %d tasks completed by the status date %s against %d baselined to finish by then; threshold %v", [value, n, sd, d, threshold])
	f := sched.summary(msg, late_locs, sched.metrics(value, n, d, threshold))
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

# late_locs: the late tasks' locations as far as sched.summary reads them
# (the first, and up to max_related non-empty ones).
late_locs := head if {
	head := [sched.loc(t) | some t in array.slice(late, 0, sched.max_related)]
	_enough(head)
} else := [sched.loc(t) | some t in late]

_enough(head) if count(head) == count(late)

_enough(head) if count([l | some l in head; count(l) > 0]) == sched.max_related
