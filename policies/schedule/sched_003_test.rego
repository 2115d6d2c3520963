package tollgate.rules.schedule.sched_003_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_003
import rego.v1

test_pass_consistent if {
	ts := [
		fx.task("1", {"start": "2024-06-03", "finish": "2024-06-07", "duration_days": 5, "baseline_start": "2024-06-03", "baseline_finish": "2024-06-07"}),
		fx.task("2", {"type": "milestone", "start": "2024-06-07", "finish": "2024-06-07", "duration_days": 0}),
	]
	count(sched_003.fail) == 0 with input as fx.doc({"tasks": ts})
}

test_fail_dates_error_durations_warning if {
	ts := [
		fx.task("1", {"start": "2024-06-10", "finish": "2024-06-07", "actual_start": "2024-06-10", "actual_finish": "2024-06-03T17:00:00"}),
		fx.task("2", {"baseline_start": "2024-06-10", "baseline_finish": "2024-06-01"}),
		fx.task("3", {"type": "milestone", "duration_days": 2}),
		fx.task("4", {"duration_days": 0}),
		fx.task("5", {"type": "summary", "duration_days": 0}),
	]
	sched_003.fail == {
		{"msg": "1 Task 1: finish 2024-06-07 is before start 2024-06-10; actual finish 2024-06-03 is before actual start 2024-06-10", "loc": {"row": 1}},
		{"msg": "2 Task 2: baseline finish 2024-06-01 is before baseline start 2024-06-10", "loc": {"row": 2}},
		{"msg": "3 Task 3: milestone has a duration of 2 days", "loc": {"row": 3}, "severity": "warning"},
		{"msg": "4 Task 4: task has zero duration but is not a milestone", "loc": {"row": 4}, "severity": "warning"},
	} with input as fx.doc({"tasks": ts})
}

test_not_assessable_without_tasks if {
	d := {"kind": "schedule", "fields_found": [], "schedule": null}
	count(sched_003.not_assessable) == 1 with input as d
	count(sched_003.fail) == 0 with input as d
}
