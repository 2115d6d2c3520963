package tollgate.rules.schedule.dcma_11_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_11
import rego.v1

# Status date 2024-06-07: three tasks were due; one finished late, one is
# not finished.
baselined := [
	fx.task("1", {"progress": "complete", "baseline_finish": "2024-06-01", "actual_finish": "2024-06-01"}),
	fx.task("2", {"progress": "complete", "baseline_finish": "2024-06-01", "actual_finish": "2024-06-05"}),
	fx.task("3", {"progress": "in-progress", "baseline_finish": "2024-06-03"}),
	fx.task("4", {"baseline_finish": "2024-06-20"}),
]

test_fail_missed_tasks if {
	d := fx.doc({"tasks": baselined})
	dcma_11.fail == {{
		"msg": "2 of 3 tasks baselined to finish by the status date 2024-06-07 (66.67%) finished late or are not finished (first: \"2 Task 2\", baseline finish 2024-06-01); threshold 5%",
		"loc": {"row": 2},
		"related": [{"row": 2}, {"row": 3}],
		"metrics": {"value": 66.67, "numerator": 2, "denominator": 3, "threshold": 5},
	}} with input as d
}

test_pass_on_time if {
	d := fx.doc({"tasks": [baselined[0], baselined[3]]})
	count(dcma_11.fail) == 0 with input as d
	dcma_11.metric == {{"value": 0, "numerator": 0, "denominator": 1, "threshold": 5}} with input as d
}

test_not_assessable_without_baseline if {
	d := fx.doc({"tasks": fx.tasks(3, {})})
	dcma_11.not_assessable == {{"msg": "the schedule carries no baseline finish dates", "missing": ["schedule.columns.baseline_finish"]}} with input as d
}

test_not_assessable_without_status_date if {
	d := fx.doc({"status_date": null, "tasks": baselined})
	dcma_11.not_assessable == {{"msg": "the schedule has no status date", "missing": ["schedule.status_date (or project.status_date in .tollgate.yaml)"]}} with input as d
}

test_not_assessable_when_nothing_due if {
	d := fx.doc({"tasks": [baselined[3]]})
	dcma_11.not_assessable == {{"msg": "no detail task was baselined to finish by the status date 2024-06-07", "missing": []}} with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_11.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"tasks": fx.long(60, 0, {"baseline_finish": "2024-06-01"})})
	[[f.loc, f.related] | some f in dcma_11.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(60, 5, {"baseline_finish": "2024-06-01"})})
}

# A task marked complete without an actual finish is finished (on time).
test_complete_without_actual_finish_is_finished if {
	d := fx.doc({"tasks": [fx.task("1", {"progress": "complete", "baseline_finish": "2024-06-01"})]})
	dcma_11.metric == {{"value": 0, "numerator": 0, "denominator": 1, "threshold": 5}} with input as d
}
