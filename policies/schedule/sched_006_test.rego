package tollgate.rules.schedule.sched_006_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_006
import rego.v1

bl := {"baseline_start": "2024-06-03", "baseline_finish": "2024-06-07"}

test_fail_no_baseline_columns_once if {
	d := fx.doc({"tasks": fx.tasks(3, {})})
	sched_006.fail == {{"msg": "the schedule has no baseline columns (baseline start/finish)", "loc": {}}} with input as d
	count(sched_006.metric) == 0 with input as d
}

test_fail_tasks_without_baseline if {
	ts := array.concat(fx.tasks(2, bl), [fx.task("3", {"baseline_start": "2024-06-03"}), fx.task("4", {}), fx.task("5", {"type": "summary"})])
	sched_006.fail == {{
		"msg": "2 of 4 detail tasks have no baseline start or finish (first: \"3 Task 3\")",
		"loc": {"row": 3},
		"related": [{"row": 3}, {"row": 4}],
		"metrics": {"value": 50, "numerator": 2, "denominator": 4, "threshold": 0},
	}} with input as fx.doc({"tasks": ts})
}

test_pass_baselined if {
	d := fx.doc({"tasks": fx.tasks(3, bl)})
	count(sched_006.fail) == 0 with input as d
	sched_006.metric == {{"value": 0, "numerator": 0, "denominator": 3, "threshold": 0}} with input as d
}

test_not_assessable_without_detail_tasks if {
	d := fx.doc({"tasks": [fx.task("1", {"type": "summary"})]})
	sched_006.not_assessable == {{"msg": "the schedule has no detail tasks to assess", "missing": []}} with input as d
	count(sched_006.fail) == 0 with input as d
}
