package tollgate.rules.schedule.dcma_06_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_06
import rego.v1

tf(days, src) := {"total_float_days": days, "float_source": src}

# Ten open tasks with exported float, one with 50 days (10 %); a completed
# one with more float does not count.
test_fail_high_float if {
	ts := array.concat(fx.tasks(9, tf(3, "file")), [fx.task("10", tf(50, "file")), fx.task("11", object.union(tf(90, "file"), {"progress": "complete"}))])
	d := fx.doc({"tasks": ts})
	dcma_06.fail == {{
		"msg": "1 of 10 open tasks (10%) have more than 44 days of total float (first: \"10 Task 10\", 50 days); threshold 5%",
		"loc": {"row": 10},
		"related": [{"row": 10}],
		"metrics": {"value": 10, "numerator": 1, "denominator": 10, "threshold": 5},
	}} with input as d
}

test_computed_float_is_labelled if {
	ts := array.concat(fx.tasks(9, tf(3, "computed")), [fx.task("10", tf(50, "computed"))])
	d := fx.doc({"tasks": ts})
	[f.msg | some f in dcma_06.fail] == ["1 of 10 open tasks (10%) have more than 44 days of total float (first: \"10 Task 10\", 50 days) (total float computed by tollgate's critical-path pass); threshold 5%"] with input as d
}

test_pass_one_in_twenty if {
	ts := array.concat(fx.tasks(19, tf(44, "file")), [fx.task("20", tf(45, "file"))])
	d := fx.doc({"tasks": ts})
	count(dcma_06.fail) == 0 with input as d
	dcma_06.metric == {{"value": 5, "numerator": 1, "denominator": 20, "threshold": 5}} with input as d
}

test_not_assessable_without_float if {
	d := fx.doc({"tasks": array.concat(fx.tasks(2, {}), [fx.task("3", tf(null, "none"))])})
	dcma_06.not_assessable == {{"msg": "no open task carries a total float (no Total Float/Slack column and no critical-path pass result)", "missing": ["total_float"]}} with input as d
	count(dcma_06.metric) == 0 with input as d
}

test_not_assessable_without_open_tasks if {
	d := fx.doc({"tasks": fx.tasks(2, {"progress": "complete", "total_float_days": 80})})
	dcma_06.not_assessable == {{"msg": "the schedule has no open detail tasks to assess", "missing": []}} with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_06.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"tasks": fx.long(60, 0, tf(50, "file"))})
	[[f.loc, f.related] | some f in dcma_06.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(60, 5, tf(50, "file"))})
}

# With the schedule index the rule reads the tasks by total_float from its
# limit up: the findings are those of a full scan, at the default limit and
# at a lower configured one; and it is the index it reads (an index listing
# one task fewer finds one offender fewer).
test_index_order if {
	ts := array.concat(fx.tasks(9, tf(3, "file")), [fx.task("10", tf(50, "file")), fx.task("11", tf(40, "file"))])
	order := [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 9]
	index := {"counts": {"tasks": 11, "rels": 0}, "tasks": {"open": numbers.range(0, 10), "no_float": [], "float_computed": []}, "order": {"total_float": order}}
	scan := dcma_06.fail with input as fx.doc({"tasks": ts})
	count(scan) == 1
	dcma_06.fail == scan with input as fx.doc({"tasks": ts, "index": index})
	low := dcma_06.fail with input as fx.doc({"tasks": ts}) with data.tollgate.thresholds.dcma.high_float_days as 30
	[f.metrics | some f in low] == [{"value": 18.18, "numerator": 2, "denominator": 11, "threshold": 5}]
	dcma_06.fail == low with input as fx.doc({"tasks": ts, "index": index}) with data.tollgate.thresholds.dcma.high_float_days as 30
	fewer := object.union(index, {"order": {"total_float": [9]}})
	[f.metrics.numerator | some f in dcma_06.fail] == [1] with input as fx.doc({"tasks": ts, "index": fewer}) with data.tollgate.thresholds.dcma.high_float_days as 30
}
