package tollgate.rules.schedule.sched_002_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_002
import rego.v1

test_fail_cycle_reported_by_cpm if {
	d := fx.doc({"tasks": fx.tasks(4, {}), "derived": {"cpm_computed": false, "cycles": [["1", "2", "3"]]}})
	sched_002.fail == {{
		"msg": "dependency loop through 3 tasks: 1 Task 1 → 2 Task 2 → 3 Task 3",
		"loc": {"row": 1},
		"related": [{"row": 1}, {"row": 2}, {"row": 3}],
	}} with input as d
}

# No critical-path result (an artifact given as is): the loop is found here.
test_fail_cycle_found_without_cpm if {
	rels := [fx.fs("1", "2"), fx.fs("2", "3"), fx.fs("3", "1"), fx.fs("3", "4"), fx.fs("5", "5")]
	d := fx.doc({"tasks": fx.tasks(5, {}), "relationships": rels})
	sched_002.fail == {
		{"msg": "dependency loop through 3 tasks: 1 Task 1 → 2 Task 2 → 3 Task 3", "loc": {"row": 1}, "related": [{"row": 1}, {"row": 2}, {"row": 3}]},
		{"msg": "dependency loop through 1 tasks: 5 Task 5", "loc": {"row": 5}, "related": [{"row": 5}]},
	} with input as d
}

test_pass_acyclic if {
	count(sched_002.fail) == 0 with input as fx.doc({"tasks": fx.tasks(4, {}), "relationships": fx.chain(4)})
	count(sched_002.fail) == 0 with input as fx.doc({"tasks": fx.tasks(4, {}), "relationships": fx.chain(4), "derived": {"cpm_computed": true, "cycles": null}})
}

test_not_assessable_without_logic if {
	d := fx.doc({"columns": {"predecessors": null}, "tasks": fx.tasks(2, {})})
	sched_002.not_assessable == {{"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}} with input as d
}
