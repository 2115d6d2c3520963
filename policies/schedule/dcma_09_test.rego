package tollgate.rules.schedule.dcma_09_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_09
import rego.v1

# Status date 2024-06-07: a future actual, a late unstarted task and an
# unfinished task forecast to have finished are invalid; the rest are not.
statused := [
	fx.task("1", {"progress": "in-progress", "start": "2024-06-10", "actual_start": "2024-06-10", "finish": "2024-06-20"}),
	fx.task("2", {"start": "2024-06-03", "finish": "2024-06-14"}),
	fx.task("3", {"progress": "in-progress", "start": "2024-05-20", "actual_start": "2024-05-20", "finish": "2024-06-05"}),
	fx.task("4", {"progress": "complete", "start": "2024-05-01", "actual_start": "2024-05-01", "finish": "2024-05-10", "actual_finish": "2024-05-10"}),
	fx.task("5", {"start": "2024-06-10", "finish": "2024-06-14"}),
	fx.task("6", {"type": "summary", "start": "2024-05-01", "finish": "2024-06-01"}),
]

test_fail_invalid_dates if {
	d := fx.doc({"tasks": statused})
	dcma_09.fail == {{
		"msg": "3 of 5 detail tasks have invalid dates against the status date 2024-06-07 (first: \"1 Task 1\": actual start 2024-06-10 is after the status date); threshold 0",
		"loc": {"row": 1},
		"related": [{"row": 1}, {"row": 2}, {"row": 3}],
		"metrics": {"value": 3, "numerator": 3, "denominator": 5, "threshold": 0},
	}} with input as d
}

test_pass_statused_schedule if {
	d := fx.doc({"tasks": [statused[3], statused[4]]})
	count(dcma_09.fail) == 0 with input as d
	dcma_09.metric == {{"value": 0, "numerator": 0, "denominator": 2, "threshold": 0}} with input as d
}

# The configured status date stands in for one the file lacks.
test_status_date_from_config if {
	d := fx.doc({"status_date": null, "tasks": statused})
	cfg := {"as_of": "2024-06-10", "status_date": "2024-06-07"}
	[f.metrics | some f in dcma_09.fail] == [{"value": 3, "numerator": 3, "denominator": 5, "threshold": 0}] with input as d with data.tollgate.project as cfg
	count(dcma_09.not_assessable) == 0 with input as d with data.tollgate.project as cfg
}

test_not_assessable_without_status_date if {
	d := fx.doc({"status_date": null, "tasks": statused})
	dcma_09.not_assessable == {{"msg": "the schedule has no status date", "missing": ["schedule.status_date (or project.status_date in .tollgate.yaml)"]}} with input as d
	count(dcma_09.fail) == 0 with input as d
}

test_not_assessable_without_dates if {
	d := fx.doc({"tasks": fx.tasks(2, {})})
	dcma_09.not_assessable == {{"msg": "the schedule carries no task dates", "missing": ["schedule.columns.start", "schedule.columns.finish"]}} with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_09.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"tasks": fx.long(60, 0, {"start": "2024-06-03", "finish": "2024-06-14"})})
	[[f.loc, f.related] | some f in dcma_09.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(60, 5, {"start": "2024-06-03", "finish": "2024-06-14"})})
}

# Dates on detail tasks are needed: summaries alone give nothing to judge.
test_not_assessable_without_detail_tasks if {
	d := fx.doc({"tasks": [statused[5]]})
	dcma_09.not_assessable == {{"msg": "the schedule has no detail tasks to assess", "missing": []}} with input as d
}

# Finish or actual dates alone are task dates; a task reported in progress
# has started even without an actual start.
test_any_date_field_is_enough if {
	ts := [fx.task("1", {"actual_finish": "2024-06-10"}), fx.task("2", {"finish": "2024-06-14"})]
	dcma_09.fail == {{
		"msg": "1 of 2 detail tasks have invalid dates against the status date 2024-06-07 (first: \"1 Task 1\": actual finish 2024-06-10 is after the status date); threshold 0",
		"loc": {"row": 1},
		"related": [{"row": 1}],
		"metrics": {"value": 1, "numerator": 1, "denominator": 2, "threshold": 0},
	}} with input as fx.doc({"tasks": ts})
	ok := {{"value": 0, "numerator": 0, "denominator": 1, "threshold": 0}}
	dcma_09.metric == ok with input as fx.doc({"tasks": [fx.task("1", {"progress": "complete", "actual_finish": "2024-06-05"})]})
	dcma_09.metric == ok with input as fx.doc({"tasks": [fx.task("1", {"actual_start": "2024-06-03"})]})
	dcma_09.metric == ok with input as fx.doc({"tasks": [fx.task("1", {"progress": "in-progress", "start": "2024-06-03"})]})
}
