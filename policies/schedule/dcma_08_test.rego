package tollgate.rules.schedule.dcma_08_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_08
import rego.v1

# The baseline duration wins over the current one; milestones do not count.
test_fail_long_tasks if {
	ts := array.concat(fx.tasks(8, {"duration_days": 10}), [
		fx.task("9", {"duration_days": 10, "baseline_duration_days": 50}),
		fx.task("10", {"duration_days": 60}),
		fx.task("11", {"duration_days": 90, "baseline_duration_days": 20}),
		fx.task("12", {"type": "milestone", "duration_days": 100}),
	])
	d := fx.doc({"tasks": ts})
	dcma_08.fail == {{
		"msg": "2 of 11 open tasks (18.18%) last more than 44 working days (first: \"9 Task 9\", 50 days); threshold 5%",
		"loc": {"row": 9},
		"related": [{"row": 9}, {"row": 10}],
		"metrics": {"value": 18.18, "numerator": 2, "denominator": 11, "threshold": 5},
	}} with input as d
}

test_pass_within_threshold if {
	d := fx.doc({"tasks": array.concat(fx.tasks(19, {"duration_days": 44}), [fx.task("20", {"duration_days": 45})])})
	count(dcma_08.fail) == 0 with input as d
	dcma_08.metric == {{"value": 5, "numerator": 1, "denominator": 20, "threshold": 5}} with input as d
}

test_not_assessable_without_durations if {
	d := fx.doc({"tasks": fx.tasks(3, {})})
	dcma_08.not_assessable == {{"msg": "no open task carries a duration", "missing": ["schedule.columns.duration", "schedule.columns.baseline_duration"]}} with input as d
}

test_not_assessable_without_work if {
	d := fx.doc({"tasks": fx.tasks(3, {"type": "milestone", "duration_days": 0})})
	dcma_08.not_assessable == {{"msg": "the schedule has no open work tasks to assess", "missing": []}} with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_08.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"tasks": fx.long(60, 0, {"duration_days": 60})})
	[[f.loc, f.related] | some f in dcma_08.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(60, 5, {"duration_days": 60})})
}

# With the schedule index the rule reads the tasks by planned_duration from its
# limit up: the findings are those of a full scan, at the default limit and
# at a lower configured one; and it is the index it reads (an index listing
# one task fewer finds one offender fewer).
test_index_order if {
	ts := array.concat(fx.tasks(9, {"duration_days": 10}), [fx.task("10", {"duration_days": 60}), fx.task("11", {"duration_days": 40})])
	order := [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 9]
	index := {"counts": {"tasks": 11, "rels": 0}, "tasks": {"work": numbers.range(0, 10), "no_planned_duration": []}, "order": {"planned_duration": order}}
	scan := dcma_08.fail with input as fx.doc({"tasks": ts})
	count(scan) == 1
	dcma_08.fail == scan with input as fx.doc({"tasks": ts, "index": index})
	low := dcma_08.fail with input as fx.doc({"tasks": ts}) with data.tollgate.thresholds.dcma.high_duration_days as 30
	[f.metrics | some f in low] == [{"value": 18.18, "numerator": 2, "denominator": 11, "threshold": 5}]
	dcma_08.fail == low with input as fx.doc({"tasks": ts, "index": index}) with data.tollgate.thresholds.dcma.high_duration_days as 30
	fewer := object.union(index, {"order": {"planned_duration": [9]}})
	[f.metrics.numerator | some f in dcma_08.fail] == [1] with input as fx.doc({"tasks": ts, "index": fewer}) with data.tollgate.thresholds.dcma.high_duration_days as 30
}
