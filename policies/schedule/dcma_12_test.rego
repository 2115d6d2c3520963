package tollgate.rules.schedule.dcma_12_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_12
import rego.v1

derived(path, cpt) := {"cpm_computed": true, "critical_path": path, "critical_path_test": cpt}

test_fail_delay_absorbed if {
	cpt := {"task_uid": "2", "delay_days": 600, "finish_moved_days": 0, "pass": false, "reason": "a hard constraint on 3 holds the finish"}
	d := fx.doc({"tasks": fx.tasks(3, {}), "derived": derived(["1", "2", "3"], cpt)})
	dcma_12.fail == {{
		"msg": "critical-path test failed: delaying \"2 Task 2\" by 600 days moved the project finish by 0 days (a hard constraint on 3 holds the finish)",
		"loc": {"row": 2},
		"metrics": {"value": 0, "numerator": 0, "denominator": 600, "threshold": 1},
	}} with input as d
}

test_pass_reports_metric if {
	cpt := {"task_uid": "2", "delay_days": 600, "finish_moved_days": 600, "pass": true}
	d := fx.doc({"tasks": fx.tasks(3, {}), "derived": derived(["1", "2", "3"], cpt)})
	count(dcma_12.fail) == 0 with input as d
	dcma_12.metric == {{"value": 1, "numerator": 600, "denominator": 600, "threshold": 1}} with input as d
}

test_fail_path_through_summary if {
	cpt := {"task_uid": "1", "delay_days": 600, "finish_moved_days": 600, "pass": true}
	ts := [fx.task("1", {}), fx.task("2", {"type": "summary"}), fx.task("3", {})]
	d := fx.doc({"tasks": ts, "derived": derived(["1", "2", "3"], cpt)})
	dcma_12.fail == {{"msg": "the critical path runs through 1 summary or level-of-effort rows (first: \"2 Task 2\")", "loc": {"row": 2}, "related": [{"row": 2}]}} with input as d
}

test_fail_no_critical_path if {
	d := fx.doc({"tasks": fx.tasks(3, {}), "derived": derived([], null)})
	dcma_12.fail == {{"msg": "no critical path runs from the status date to the project finish", "loc": {}}} with input as d
	count(dcma_12.not_assessable) == 0 with input as d
}

test_not_assessable_without_cpm if {
	d := fx.doc({"tasks": fx.tasks(3, {}), "derived": {"cpm_computed": false, "critical_path": null}})
	dcma_12.not_assessable == {{"msg": "the critical-path pass did not run on this schedule (it needs predecessors and durations)", "missing": ["schedule.derived.cpm_computed"]}} with input as d
	count(dcma_12.fail) == 0 with input as d
	count(dcma_12.not_assessable) == 1 with input as fx.doc({"tasks": fx.tasks(3, {})})
}

test_not_assessable_without_test if {
	d := fx.doc({"tasks": fx.tasks(3, {}), "derived": derived(["1", "3"], null)})
	dcma_12.not_assessable == {{"msg": "the critical-path test could not be run (no incomplete critical task to delay)", "missing": ["schedule.derived.critical_path_test"]}} with input as d
}

# A failed test on a task the schedule does not hold, with no delay and no
# reason given: the task is named by its UID and the ratio is 0.
test_fail_unknown_task_without_reason if {
	cpt := {"task_uid": "9", "delay_days": 0, "finish_moved_days": 0, "pass": false}
	d := fx.doc({"tasks": fx.tasks(3, {}), "derived": derived(["1", "2", "3"], cpt)})
	dcma_12.fail == {{
		"msg": "critical-path test failed: delaying \"task 9\" by 0 days moved the project finish by 0 days",
		"loc": {},
		"metrics": {"value": 0, "numerator": 0, "denominator": 0, "threshold": 1},
	}} with input as d
}
