package tollgate.rules.schedule.dcma_10_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_10
import rego.v1

cols := {"resources": "Resource Type"}

# Four open tasks with a duration, one without a resource (25 %); zero-day
# tasks and milestones are not measured.
staffed := [
	fx.task("1", {"duration_days": 5, "resources": ["PM"]}),
	fx.task("2", {"duration_days": 5, "resources": ["PMO Lead", "Provider PM"]}),
	fx.task("3", {"duration_days": 5, "resources": ["Architect"]}),
	fx.task("4", {"duration_days": 10}),
	fx.task("5", {"duration_days": 0}),
	fx.task("6", {"type": "milestone", "duration_days": 0}),
]

expected(severity) := {{
	"msg": "1 of 4 open tasks with a duration (25%) have no resource assigned (first: \"4 Task 4\"); threshold 0%",
	"loc": {"row": 4},
	"related": [{"row": 4}],
	"metrics": {"value": 25, "numerator": 1, "denominator": 4, "threshold": 0},
	"severity": severity,
}}

test_fail_warning if {
	d := fx.doc({"columns": cols, "tasks": staffed})
	dcma_10.fail == expected("warning") with input as d
}

test_fail_error_under_m3 if {
	d := fx.doc({"columns": cols, "tasks": staffed})
	dcma_10.fail == expected("error") with input as d with data.tollgate.project as {"as_of": "2024-06-10", "framework": "m3"}
}

test_pass_all_staffed if {
	d := fx.doc({"columns": cols, "tasks": array.slice(staffed, 0, 3)})
	count(dcma_10.fail) == 0 with input as d
	dcma_10.metric == {{"value": 0, "numerator": 0, "denominator": 3, "threshold": 0}} with input as d
}

test_not_assessable_without_resource_column if {
	d := fx.doc({"tasks": fx.tasks(3, {"duration_days": 5})})
	dcma_10.not_assessable == {{"msg": "the schedule carries no resource assignments (no Resource column)", "missing": ["schedule.columns.resources"]}} with input as d
}

# More offenders than sched.max_related: related holds the first 50 that
# have a location; unlocated ones are skipped, and the first offender still
# gives the result's location (none).
test_long_offender_list_related if {
	[[f.loc, f.related] | some f in dcma_10.fail] == [[{"row": 1}, fx.rows(1, 50)]] with input as fx.doc({"columns": cols, "tasks": fx.long(60, 0, {"duration_days": 5})})
	[[f.loc, f.related] | some f in dcma_10.fail] == [[{}, fx.rows(6, 55)]] with input as fx.doc({"columns": cols, "tasks": fx.long(60, 5, {"duration_days": 5})})
}

# A resource column but no open task with a duration: nothing to measure.
test_not_assessable_without_durations if {
	d := fx.doc({"columns": cols, "tasks": [staffed[4], staffed[5]]})
	dcma_10.not_assessable == {{"msg": "the schedule has no open tasks with a duration to assess", "missing": []}} with input as d
	count(dcma_10.metric) == 0 with input as d
}

# Resources carried by the tasks (a project file) stand in for the column.
test_resources_on_tasks_are_enough if {
	d := fx.doc({"tasks": staffed})
	dcma_10.metric == {{"value": 25, "numerator": 1, "denominator": 4, "threshold": 0}} with input as d
	count(dcma_10.not_assessable) == 0 with input as d
}
