package tollgate.rules.schedule.dcma_14_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_14
import rego.v1

# Status date 2024-06-07: four tasks baselined to finish by then; two done,
# plus one finished early → BEI 3/4.
baselined := [
	fx.task("1", {"progress": "complete", "baseline_finish": "2024-06-01", "actual_finish": "2024-06-01"}),
	fx.task("2", {"progress": "complete", "baseline_finish": "2024-06-01", "actual_finish": "2024-06-05"}),
	fx.task("3", {"progress": "in-progress", "baseline_finish": "2024-06-03"}),
	fx.task("4", {"baseline_finish": "2024-06-06"}),
	fx.task("5", {"progress": "complete", "baseline_finish": "2024-06-20", "actual_finish": "2024-06-06"}),
]

test_fail_low_bei if {
	d := fx.doc({"tasks": baselined})
	dcma_14.fail == {{
		"msg": "BEI 0.75: 3 tasks completed by the status date 2024-06-07 against 4 baselined to finish by then; threshold 0.95",
		"loc": {"row": 3},
		"related": [{"row": 3}, {"row": 4}],
		"metrics": {"value": 0.75, "numerator": 3, "denominator": 4, "threshold": 0.95},
	}} with input as d
}

test_pass_on_pace if {
	d := fx.doc({"tasks": [baselined[0], baselined[1], baselined[4]]})
	count(dcma_14.fail) == 0 with input as d
	dcma_14.metric == {{"value": 1.5, "numerator": 3, "denominator": 2, "threshold": 0.95}} with input as d
}

test_not_assessable_without_baseline if {
	d := fx.doc({"tasks": fx.tasks(2, {"progress": "complete"})})
	dcma_14.not_assessable == {{"msg": "the schedule carries no baseline finish dates", "missing": ["schedule.columns.baseline_finish"]}} with input as d
}

test_not_assessable_without_status_date if {
	d := fx.doc({"status_date": null, "tasks": baselined})
	dcma_14.not_assessable == {{"msg": "the schedule has no status date", "missing": ["schedule.status_date (or project.status_date in .tollgate.yaml)"]}} with input as d
	count(dcma_14.fail) == 0 with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_14.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"tasks": fx.long(60, 0, {"baseline_finish": "2024-06-01"})})
	[[f.loc, f.related] | some f in dcma_14.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(60, 5, {"baseline_finish": "2024-06-01"})})
}

test_not_assessable_when_nothing_due if {
	d := fx.doc({"tasks": [baselined[4]]})
	dcma_14.not_assessable == {{"msg": "no detail task was baselined to finish by the status date 2024-06-07", "missing": []}} with input as d
	count(dcma_14.fail) == 0 with input as d
}

# A task marked complete without an actual finish counts as done; one whose
# actual finish is after the status date does not.
test_completed_without_actual_finish if {
	ts := [
		fx.task("1", {"progress": "complete", "baseline_finish": "2024-06-01"}),
		fx.task("2", {"progress": "complete", "baseline_finish": "2024-06-01", "actual_finish": "2024-06-10"}),
	]
	dcma_14.metric == {{"value": 0.5, "numerator": 1, "denominator": 2, "threshold": 0.95}} with input as fx.doc({"tasks": ts})
}
