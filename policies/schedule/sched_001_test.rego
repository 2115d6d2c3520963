package tollgate.rules.schedule.sched_001_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_001
import rego.v1

test_pass_sound_schedule if {
	ts := [fx.task("1", {}), fx.task("2", {"predecessors": [{"ref": "1", "type": "FS", "lag_days": 0}]})]
	count(sched_001.fail) == 0 with input as fx.doc({"tasks": ts})
}

test_fail_duplicate_id_unnamed_and_dangling_reference if {
	ts := [
		fx.task("1", {}),
		fx.task("2", {"id": "1", "uid": "2", "name": "Second"}),
		fx.task("3", {"name": " "}),
		fx.task("4", {"predecessors": [{"ref": "99", "type": "FS", "lag_days": 0}, {"ref": "X1", "type": "FS", "lag_days": 0, "external": true}]}),
	]
	sched_001.fail == {
		{"msg": "1 Second: ID 1 is also used by \"1 Task 1\" (row 1)", "loc": {"row": 2}},
		{"msg": "task 3: the task has no name", "loc": {"row": 3}},
		{"msg": "4 Task 4: predecessor \"99\" matches no task", "loc": {"row": 4}},
	} with input as fx.doc({"tasks": ts})
}

# Without a UID column the UID copies the ID: one duplicate, one problem.
test_duplicate_uid_copied_from_id_reported_once if {
	ts := [fx.task("7", {}), fx.task("7", {"name": "Again", "loc": {"row": 9}})]
	sched_001.fail == {{"msg": "7 Again: ID 7 is also used by \"7 Task 7\" (row 7)", "loc": {"row": 9}}} with input as fx.doc({"tasks": ts})
}

test_not_assessable_without_tasks if {
	d := {"kind": "schedule", "fields_found": [], "schedule": {"tasks": []}}
	sched_001.not_assessable == {{"msg": "no task rows could be read from the schedule", "missing": ["schedule.tasks"]}} with input as d
}
