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
