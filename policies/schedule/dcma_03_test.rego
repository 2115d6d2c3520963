package tollgate.rules.schedule.dcma_03_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_03
import rego.v1

test_fail_one_lag_in_three if {
	d := fx.doc({"tasks": fx.tasks(4, {}), "relationships": [fx.fs("1", "2"), fx.rel("2", "3", "FS", -2), fx.rel("3", "4", "FS", 3)]})
	dcma_03.fail == {{
		"msg": "1 of 3 relationships (33.33%) have a lag, first 3 Task 3 → 4 Task 4 (FS +3 d); threshold 5%",
		"loc": {"row": 4},
		"related": [{"row": 4}],
		"metrics": {"value": 33.33, "numerator": 1, "denominator": 3, "threshold": 5},
	}} with input as d
}

# One lag in twenty relationships is exactly the 5 % allowed.
test_pass_at_threshold if {
	rels := array.concat(fx.chain(20), [fx.rel("1", "20", "FS", 2)])
	d := fx.doc({"tasks": fx.tasks(20, {}), "relationships": rels})
	count(dcma_03.fail) == 0 with input as d
	dcma_03.metric == {{"value": 5, "numerator": 1, "denominator": 20, "threshold": 5}} with input as d
}

test_not_assessable_without_relationships if {
	d := fx.doc({"tasks": fx.tasks(2, {})})
	count(dcma_03.not_assessable) == 1 with input as d
	count(dcma_03.fail) == 0 with input as d
}

# More offending relationships than sched.max_related: related holds the
# successors' rows of the first 50 that can be located; a relationship into
# an unlocated task has none.
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_03.fail] == [[{"row": 2}, fx.rows(2, 51)]] with input as fx.doc({"tasks": fx.tasks(61, {}), "relationships": fx.fans(60, "FS", 2)})
	[[f.loc, f.related] | some f in dcma_03.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(61, 5, {}), "relationships": fx.fans(60, "FS", 2)})
}

test_not_assessable_without_logic if {
	d := fx.doc({"columns": {"predecessors": null}, "tasks": fx.tasks(2, {})})
	dcma_03.not_assessable == {{"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}} with input as d
	count(dcma_03.metric) == 0 with input as d
}
