package tollgate.rules.m3.ims_01_test

import data.tollgate.rules.m3.ims_01
import rego.v1

# Every phase 4 and 5 key task of the playbook, by name (the Master
# Schedule template's rows are the key-task names).
all_tasks := [{"id": sprintf("%d", [i]), "name": kt.name, "type": "task", "phase": kt.phase} |
	some i, kt in data.tollgate.m3.tasks
	kt.phase >= 4
]

ims(tasks) := {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "schedule": {"tasks": tasks}}

project := {"as_of": "2026-11-16", "phase": 4}

test_pass_all_key_tasks_present if {
	count(ims_01.fail) == 0 with input as ims(all_tasks) with data.tollgate.project as project
}

test_pass_renamed_task_matches if {
	# "(PMO)" added and a word dropped still match the playbook's name.
	tasks := [t | some t in all_tasks; t.name != "Configure Systems"]
	renamed := array.concat(tasks, [{"id": "x", "name": "Configure the Systems (SaaS)", "type": "task", "phase": 4}])
	count(ims_01.fail) == 0 with input as ims(renamed) with data.tollgate.project as project
}

test_fail_missing_key_task if {
	tasks := [t | some t in all_tasks; t.name != "Conduct Mock Conversions"]
	fs := ims_01.fail with input as ims(tasks) with data.tollgate.project as project
	fs == {{"msg": "the IMS has no task for M3 key task 4.11 \"Conduct Mock Conversions\" (phase 4)", "loc": {}}}
}

test_tailored_out_task_is_not_required if {
	tasks := [t | some t in all_tasks; t.name != "Conduct Mock Conversions"]
	p := object.union(project, {"tailored_out": ["4.11"]})
	count(ims_01.fail) == 0 with input as ims(tasks) with data.tollgate.project as p
}

test_tagged_task_counts if {
	tasks := [t | some t in all_tasks; t.name != "Conduct Mock Conversions"]
	tagged := array.concat(tasks, [{"id": "y", "name": "Mock conversion cycles 1-3", "m3_key_task": "4.11", "type": "task", "phase": 4}])
	count(ims_01.fail) == 0 with input as ims(tagged) with data.tollgate.project as project
}

test_not_assessable_without_phase if {
	nas := ims_01.not_assessable with input as ims([{"id": "1", "name": "x", "type": "task"}]) with data.tollgate.project as {"as_of": "2026-11-16"}
	nas == {{"msg": "the current M3 phase is unknown", "missing": ["project.phase", "schedule.columns.phase"]}}
}
