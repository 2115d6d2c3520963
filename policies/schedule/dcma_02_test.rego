package tollgate.rules.schedule.dcma_02_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_02
import rego.v1

test_fail_one_lead if {
	d := fx.doc({"tasks": fx.tasks(4, {}), "relationships": [fx.fs("1", "2"), fx.rel("2", "3", "FS", -2), fx.rel("3", "4", "FS", 3)]})
	dcma_02.fail == {{
		"msg": "1 of 3 relationships have a lead (negative lag), first 2 Task 2 → 3 Task 3 (FS -2 d); threshold 0",
		"loc": {"row": 3},
		"related": [{"row": 3}],
		"metrics": {"value": 1, "numerator": 1, "denominator": 3, "threshold": 0},
	}} with input as d
}

test_pass_without_leads_reports_metric if {
	d := fx.doc({"tasks": fx.tasks(4, {}), "relationships": [fx.fs("1", "2"), fx.rel("3", "4", "SS", 3)]})
	count(dcma_02.fail) == 0 with input as d
	dcma_02.metric == {{"value": 0, "numerator": 0, "denominator": 2, "threshold": 0}} with input as d
}

test_threshold_from_data if {
	d := fx.doc({"tasks": fx.tasks(3, {}), "relationships": [fx.rel("1", "2", "FS", -1)]})
	count(dcma_02.fail) == 0 with input as d with data.tollgate.thresholds.dcma.leads_max as 1
}

test_not_assessable_without_logic if {
	d := fx.doc({"columns": {"predecessors": null}, "tasks": fx.tasks(2, {})})
	dcma_02.not_assessable == {{"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}} with input as d
	count(dcma_02.metric) == 0 with input as d
}

test_not_assessable_without_relationships if {
	d := fx.doc({"tasks": fx.tasks(2, {})})
	dcma_02.not_assessable == {{"msg": "the schedule has no relationships to assess", "missing": []}} with input as d
}

# More offending relationships than sched.max_related: related holds the
# successors' rows of the first 50 that can be located; a relationship into
# an unlocated task has none.
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_02.fail] == [[{"row": 2}, fx.rows(2, 51)]] with input as fx.doc({"tasks": fx.tasks(61, {}), "relationships": fx.fans(60, "FS", -1)})
	[[f.loc, f.related] | some f in dcma_02.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"tasks": fx.long(61, 5, {}), "relationships": fx.fans(60, "FS", -1)})
}
