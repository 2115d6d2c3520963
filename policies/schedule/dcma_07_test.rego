package tollgate.rules.schedule.dcma_07_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_07
import rego.v1

tf(days) := {"total_float_days": days, "float_source": "file"}

test_fail_negative_float if {
	ts := array.concat(fx.tasks(3, tf(0)), [fx.task("4", tf(-5)), fx.task("5", object.union(tf(-9), {"type": "summary"}))])
	d := fx.doc({"tasks": ts})
	dcma_07.fail == {{
		"msg": "1 of 4 open tasks have negative total float (first: \"4 Task 4\", -5 days); threshold 0",
		"loc": {"row": 4},
		"related": [{"row": 4}],
		"metrics": {"value": 1, "numerator": 1, "denominator": 4, "threshold": 0},
	}} with input as d
}

test_pass_no_negative_float if {
	d := fx.doc({"tasks": fx.tasks(4, tf(0))})
	count(dcma_07.fail) == 0 with input as d
	dcma_07.metric == {{"value": 0, "numerator": 0, "denominator": 4, "threshold": 0}} with input as d
}

test_not_assessable_without_float if {
	d := fx.doc({"tasks": fx.tasks(4, {})})
	dcma_07.not_assessable == {{"msg": "no open task carries a total float (no Total Float/Slack column and no critical-path pass result)", "missing": ["total_float"]}} with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_07.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"tasks": fx.long(60, 0, tf(-5))})
	[[f.loc, f.related] | some f in dcma_07.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(60, 5, tf(-5))})
}

test_not_assessable_without_open_tasks if {
	d := fx.doc({"tasks": fx.tasks(2, object.union(tf(-3), {"progress": "complete"}))})
	dcma_07.not_assessable == {{"msg": "the schedule has no open detail tasks to assess", "missing": []}} with input as d
	count(dcma_07.fail) == 0 with input as d
}

test_computed_float_is_labelled if {
	ts := array.concat(fx.tasks(3, {"total_float_days": 0, "float_source": "computed"}), [fx.task("4", {"total_float_days": -2, "float_source": "computed"})])
	[f.msg | some f in dcma_07.fail] == ["1 of 4 open tasks have negative total float (first: \"4 Task 4\", -2 days) (total float computed by tollgate's critical-path pass); threshold 0"] with input as fx.doc({"tasks": ts})
}
