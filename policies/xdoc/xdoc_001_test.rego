package tollgate.rules.xdoc.xdoc_001_test

import data.tollgate.rules.xdoc.xdoc_001
import rego.v1

project := {"as_of": "2024-06-10"}

pmp(date) := {
	"kind": "pmp",
	"source": {"path": "docs/PMP.docx"},
	"metadata": {"approvals": [{"name": "Pat Lee", "role": "sponsor", "date": date, "decision": "approved", "signed": true}]},
}

unapproved_pmp := {"kind": "pmp", "source": {"path": "docs/PMP.docx"}, "metadata": {"approvals": []}}

task(id, phase, start, actual) := {
	"id": id, "uid": id, "name": sprintf("Task %s", [id]), "type": "task", "phase": phase,
	"start": start, "actual_start": actual, "loc": {"sheet": "Schedule", "row": to_number(id) + 1},
}

schedule(tasks) := {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "schedule": {"tasks": tasks}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

ims := schedule([
	task("1", 3, "2024-01-10", "2024-01-10"),
	task("2", 4, "2024-05-01", "2024-05-02"),
	task("3", 4, "2024-08-01", null),
])

test_pass_execution_after_approval if {
	count(xdoc_001.fail) == 0 with input as bundle([ims, pmp("2024-04-15")]) with data.tollgate.project as project
	xdoc_001.checked == {"IMS.xlsx"} with input as bundle([ims, pmp("2024-04-15")]) with data.tollgate.project as project
}

test_fail_per_task_before_approval if {
	fs := xdoc_001.fail with input as bundle([ims, pmp("2024-06-01")]) with data.tollgate.project as project
	fs == {{
		"msg": "execution task \"2 Task 2\" started on 2024-05-02, before the PMP was approved on 2024-06-01",
		"path": "IMS.xlsx",
		"loc": {"sheet": "Schedule", "row": 3},
	}}
}

test_planned_start_counts_when_no_actual if {
	fs := xdoc_001.fail with input as bundle([ims, pmp("2024-09-01")]) with data.tollgate.project as project
	count(fs) == 2
}

test_fail_execution_started_without_approved_pmp if {
	fs := xdoc_001.fail with input as bundle([ims, unapproved_pmp]) with data.tollgate.project as project
	fs == {{
		"msg": "execution has started (\"2 Task 2\" started on 2024-05-02, as of 2024-06-10) but the submission holds no approved project management plan",
		"path": "IMS.xlsx",
		"loc": {"sheet": "Schedule", "row": 3},
	}}
}

test_fail_execution_started_without_any_pmp if {
	fs := xdoc_001.fail with input as bundle([ims]) with data.tollgate.project as project
	count(fs) == 1
}

test_pass_no_pmp_before_execution if {
	early := schedule([task("1", 3, "2024-01-10", "2024-01-10"), task("3", 4, "2024-08-01", null)])
	count(xdoc_001.fail) == 0 with input as bundle([early]) with data.tollgate.project as project
}

test_wbs_selector if {
	ts := [object.union(task("1", null, "2024-01-10", null), {"wbs": "1.2"}), object.union(task("2", null, "2024-02-10", null), {"wbs": "3.1"})]
	p := object.union(project, {"execution": {"wbs_prefix": "3."}})
	fs := xdoc_001.fail with input as bundle([schedule(ts), pmp("2024-03-01")]) with data.tollgate.project as p
	[f.loc.row | some f in fs] == [3]
}

test_name_regex_selector if {
	ts := [task("1", null, "2024-01-10", null), object.union(task("2", null, "2024-02-10", null), {"name": "Cutover rehearsal"})]
	p := object.union(project, {"execution": {"name_regex": "(?i)cutover"}})
	fs := xdoc_001.fail with input as bundle([schedule(ts), pmp("2024-03-01")]) with data.tollgate.project as p
	[f.loc.row | some f in fs] == [3]
}

test_summary_rows_are_not_tasks if {
	ts := [object.union(task("1", 4, "2024-01-10", null), {"type": "summary"})]
	count(xdoc_001.fail) == 0 with input as bundle([schedule(ts), pmp("2024-03-01")]) with data.tollgate.project as project
}

test_not_assessable_without_phases_or_selector if {
	ts := [task("1", null, "2024-01-10", null)]
	na := xdoc_001.not_assessable with input as bundle([schedule(ts), pmp("2024-03-01")]) with data.tollgate.project as project
	[r.missing | some r in na] == [["schedule.columns.phase", "project.execution"]]
	count(xdoc_001.fail) == 0 with input as bundle([schedule(ts), pmp("2024-03-01")]) with data.tollgate.project as project
}

test_not_assessable_without_dates if {
	ts := [task("1", 4, null, null)]
	na := xdoc_001.not_assessable with input as bundle([schedule(ts)]) with data.tollgate.project as project
	count(na) == 1
}

test_no_schedule_no_check if {
	b := bundle([pmp("2024-03-01")])
	count(xdoc_001.checked) == 0 with input as b with data.tollgate.project as project
	count(xdoc_001.fail) == 0 with input as b with data.tollgate.project as project
	count(xdoc_001.not_assessable) == 0 with input as b with data.tollgate.project as project
}
