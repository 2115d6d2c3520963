package tollgate.rules.schedule.dcma_05_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_05
import rego.v1

asap := {"constraint": {"type": "ASAP", "date": null, "hard": false}}

hard(type) := {"constraint": {"type": type, "date": "2024-07-01", "hard": true}}

cols := {"constraint_type": "Constraint Type"}

# Twenty open tasks, two hard-constrained (10 %); a completed one does not
# count.
test_fail_two_hard_constraints if {
	ts := array.concat(fx.tasks(18, asap), [fx.task("19", hard("MSO")), fx.task("20", hard("FNLT")), fx.task("21", object.union(hard("MFO"), {"progress": "complete"}))])
	d := fx.doc({"columns": cols, "tasks": ts})
	dcma_05.fail == {{
		"msg": "2 of 20 open tasks (10%) have a hard date constraint (first: \"19 Task 19\", MSO); threshold 5%",
		"loc": {"row": 19},
		"related": [{"row": 19}, {"row": 20}],
		"metrics": {"value": 10, "numerator": 2, "denominator": 20, "threshold": 5},
	}} with input as d
}

test_pass_one_in_twenty if {
	ts := array.concat(fx.tasks(19, asap), [fx.task("20", hard("SNLT"))])
	d := fx.doc({"columns": cols, "tasks": ts})
	count(dcma_05.fail) == 0 with input as d
	dcma_05.metric == {{"value": 5, "numerator": 1, "denominator": 20, "threshold": 5}} with input as d
}

# A project-file source carries constraints without a sheet column.
test_constraints_on_tasks_are_enough if {
	d := fx.doc({"tasks": [fx.task("1", hard("MSO")), fx.task("2", asap)]})
	dcma_05.metric == {{"value": 50, "numerator": 1, "denominator": 2, "threshold": 5}} with input as d
}

test_not_assessable_without_constraint_column if {
	d := fx.doc({"tasks": fx.tasks(3, {})})
	dcma_05.not_assessable == {{"msg": "the schedule carries no constraint types (the export has no Constraint Type column)", "missing": ["schedule.columns.constraint_type"]}} with input as d
	count(dcma_05.fail) == 0 with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_05.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"columns": cols, "tasks": fx.long(60, 0, hard("MSO"))})
	[[f.loc, f.related] | some f in dcma_05.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"columns": cols, "tasks": fx.long(60, 5, hard("MSO"))})
}

# Constraint data but every detail task complete: nothing to measure.
test_not_assessable_without_open_tasks if {
	d := fx.doc({"columns": cols, "tasks": fx.tasks(3, object.union(hard("MSO"), {"progress": "complete"}))})
	dcma_05.not_assessable == {{"msg": "the schedule has no open detail tasks to assess", "missing": []}} with input as d
	count(dcma_05.metric) == 0 with input as d
	count(dcma_05.fail) == 0 with input as d
}
