package tollgate.rules.schedule.dcma_04_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_04
import rego.v1

# Eight FS, one SS, one SF: 80 % finish-to-start, and the SF listed alone.
test_fail_share_and_sf if {
	rels := array.concat(fx.chain(9), [fx.rel("1", "10", "SS", 0), fx.rel("2", "10", "SF", 0)])
	d := fx.doc({"tasks": fx.tasks(10, {}), "relationships": rels})
	dcma_04.fail == {
		{
			"msg": "8 of 10 relationships (80%) are finish-to-start; threshold at least 90%",
			"loc": {"row": 10},
			"related": [{"row": 10}, {"row": 10}],
			"metrics": {"value": 80, "numerator": 8, "denominator": 10, "threshold": 90},
		},
		{"msg": "start-to-finish relationship 2 Task 2 → 10 Task 10 (SF)", "loc": {"row": 10}},
	} with input as d
}

test_pass_mostly_fs if {
	rels := array.concat(fx.chain(20), [fx.rel("1", "20", "SS", 0)])
	d := fx.doc({"tasks": fx.tasks(20, {}), "relationships": rels})
	count(dcma_04.fail) == 0 with input as d
	dcma_04.metric == {{"value": 95, "numerator": 19, "denominator": 20, "threshold": 90}} with input as d
}

test_not_assessable_without_logic if {
	d := fx.doc({"columns": {"predecessors": null}, "tasks": fx.tasks(2, {})})
	dcma_04.not_assessable == {{"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}} with input as d
}

# Many non-FS links: the related locations are those of the first 50 that
# can be located (a link between unknown tasks has none), and duplicate UIDs
# resolve to their first task.
test_fail_many_links_related_skip_unlocated if {
	unknown := [fx.rel(sprintf("x%d", [i]), sprintf("y%d", [i]), "SS", 0) | some i in numbers.range(1, 5)]
	ss := [fx.rel("1", sprintf("%d", [i]), "SS", 0) | some i in numbers.range(2, 61)]
	dup := fx.task("7", {"loc": {"row": 700}})
	d := fx.doc({"tasks": array.concat(fx.tasks(61, {}), [dup]), "relationships": array.concat(unknown, ss)})
	some f in dcma_04.fail with input as d
	f.loc == {}
	count(f.related) == 50
	f.related[0] == {"row": 2}
	f.related[5] == {"row": 7}
	f.related[49] == {"row": 51}
	f.metrics.numerator == 0
}

# More non-FS links than sched.max_related, all located: the related list is
# the first 50 successors' rows.
test_fail_many_links_all_located if {
	d := fx.doc({"tasks": fx.tasks(61, {}), "relationships": fx.fans(60, "SS", 0)})
	[[f.loc, f.related, f.metrics] | some f in dcma_04.fail] == [[{"row": 2}, fx.rows(2, 51), {"value": 0, "numerator": 0, "denominator": 60, "threshold": 90}]] with input as d
}

# A predecessor column but no relationship at all: nothing to measure.
test_not_assessable_with_logic_but_no_relationships if {
	d := fx.doc({"tasks": fx.tasks(2, {})})
	dcma_04.not_assessable == {{"msg": "the schedule has no relationships to assess", "missing": []}} with input as d
	count(dcma_04.metric) == 0 with input as d
}

# A relationship without a type is finish-to-start; types are read in any case.
test_type_defaults_to_fs_and_ignores_case if {
	d := fx.doc({"tasks": fx.tasks(3, {}), "relationships": [{"from": "1", "to": "2", "lag_days": 0}, fx.rel("2", "3", "fs", 0)]})
	dcma_04.metric == {{"value": 100, "numerator": 2, "denominator": 2, "threshold": 90}} with input as d
}
