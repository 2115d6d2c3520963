package tollgate.rules.schedule.sched_005_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_005
import rego.v1

outline(summary) := [
	summary,
	fx.task("2", {"parent_uid": "1", "start": "2024-06-03", "finish": "2024-06-07"}),
	fx.task("3", {"parent_uid": "1", "start": "2024-06-10", "finish": "2024-06-21"}),
]

test_pass_summary_spans_children if {
	s := fx.task("1", {"type": "summary", "start": "2024-06-03", "finish": "2024-06-21"})
	count(sched_005.fail) == 0 with input as fx.doc({"tasks": outline(s), "relationships": [fx.fs("2", "3")]})
}

test_fail_links_and_span if {
	s := fx.task("1", {"type": "summary", "start": "2024-06-03", "finish": "2024-06-14"})
	d := fx.doc({"tasks": outline(s), "relationships": [fx.fs("2", "3"), fx.fs("1", "3")]})
	sched_005.fail == {{
		"msg": "1 Task 1: a summary row has predecessors or successors; finish 2024-06-14 is not the latest finish of its children (2024-06-21)",
		"loc": {"row": 1},
	}} with input as d
}

test_not_assessable_without_tasks if {
	d := {"kind": "schedule", "fields_found": [], "schedule": {"tasks": null}}
	count(sched_005.not_assessable) == 1 with input as d
}
