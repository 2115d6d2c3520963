package tollgate.rules.schedule.sched_004_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_004
import rego.v1

cols := {"percent_complete": "% Complete", "actual_start": "Actual Start", "actual_finish": "Actual Finish"}

test_pass_consistent if {
	ts := [
		fx.task("1", {"percent_complete": 0}),
		fx.task("2", {"percent_complete": 40, "actual_start": "2024-06-03"}),
		fx.task("3", {"percent_complete": 100, "actual_start": "2024-06-03", "actual_finish": "2024-06-05"}),
	]
	count(sched_004.fail) == 0 with input as fx.doc({"columns": cols, "tasks": ts})
}

test_fail_inconsistent_progress if {
	ts := [
		fx.task("1", {"percent_complete": 40}),
		fx.task("2", {"percent_complete": 100, "actual_start": "2024-06-03"}),
		fx.task("3", {"percent_complete": 60, "actual_start": "2024-06-03", "actual_finish": "2024-06-05"}),
		fx.task("4", {"type": "summary", "percent_complete": 50}),
	]
	sched_004.fail == {
		{"msg": "1 Task 1: 40% complete but no actual start", "loc": {"row": 1}},
		{"msg": "2 Task 2: 100% complete but no actual finish", "loc": {"row": 2}},
		{"msg": "3 Task 3: actual finish 2024-06-05 but only 60% complete", "loc": {"row": 3}},
	} with input as fx.doc({"columns": cols, "tasks": ts})
}

# Without an Actual Finish column, 100 % with no actual finish is not a
# finding: the export cannot say.
test_missing_column_is_not_a_missing_date if {
	ts := [fx.task("1", {"percent_complete": 100, "actual_start": "2024-06-03"})]
	d := fx.doc({"columns": {"percent_complete": "% Complete", "actual_start": "Actual Start"}, "tasks": ts})
	count(sched_004.fail) == 0 with input as d
}

test_not_assessable_without_percent if {
	d := fx.doc({"columns": {"actual_start": "Actual Start"}, "tasks": fx.tasks(2, {})})
	sched_004.not_assessable == {{"msg": "the schedule carries no % complete", "missing": ["schedule.columns.percent_complete"]}} with input as d
}

test_not_assessable_without_actuals if {
	d := fx.doc({"columns": {"percent_complete": "% Complete"}, "tasks": fx.tasks(2, {"percent_complete": 50})})
	sched_004.not_assessable == {{"msg": "the schedule carries no actual dates", "missing": ["schedule.columns.actual_start", "schedule.columns.actual_finish"]}} with input as d
	count(sched_004.fail) == 0 with input as d
}
