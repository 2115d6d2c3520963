package tollgate.rules.xdoc.xdoc_005_test

import data.tollgate.rules.xdoc.xdoc_005
import rego.v1

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

report(as_of, activities) := {
	"kind": "status_report", "source": {"path": "Status.docx"},
	"fields_found": ["status_report.activities", "status_report.milestones"],
	"status_report": {"as_of_date": as_of, "activities": activities, "milestones": []},
}

ims(tasks) := {
	"kind": "schedule", "source": {"path": "IMS.xlsx"},
	"schedule": {"status_date": "2026-11-13", "columns": {"actual_finish": "Actual Finish"}, "tasks": tasks},
}

task(id, name, baseline, finish, actual) := {
	"id": id, "uid": id, "name": name, "type": "task",
	"baseline_finish": baseline, "finish": finish, "actual_finish": actual, "loc": {"sheet": "S", "row": 52},
}

item(ref, name, planned, actual) := {
	"ims_ref": ref, "name": name, "planned_finish": planned, "planned_finish_kind": "baseline-or-projected",
	"actual_finish": actual, "loc": {"table": 3, "row": 2},
}

harbor_ims := ims([
	task("50", "Develop Operations and Maintenance (O&M) Governance", "2026-10-19", "2026-10-19", "2026-10-19"),
	task("51", "Design Target State Processes", "2026-12-08", "2026-12-08", null),
])

test_pass_rows_match_the_ims_by_reference_and_by_name if {
	b := bundle([
		report("2026-11-13", [
			item("50", "O&M governance design", "2026-10-19", "2026-10-19"),
			item("", "Design target state processes", "2026-12-08", null),
		]),
		harbor_ims,
	])
	count(xdoc_005.fail) == 0 with input as b
	count(xdoc_005.not_assessable) == 0 with input as b
	xdoc_005.checked == {"Status.docx"} with input as b
}

test_fail_row_not_in_the_ims if {
	fs := xdoc_005.fail with input as bundle([report("2026-11-13", [item("", "Parallel payroll run 3", "2026-11-27", null)]), harbor_ims])
	fs == {{"msg": "status report activity \"Parallel payroll run 3\" is not in the IMS (IMS.xlsx)", "loc": {"table": 3, "row": 2}, "path": "Status.docx"}}
}

test_fail_planned_finish_differs if {
	fs := xdoc_005.fail with input as bundle([report("2026-11-13", [item("51", "Design Target State Processes", "2026-12-15", null)]), harbor_ims])
	[f] := [f | some f in fs]
	f.msg == "status report activity \"Design Target State Processes\" (IMS 51) differs from the IMS task \"Design Target State Processes\" as of 2026-11-13: baseline/projected finish 2026-12-15, the IMS has 2026-12-08"
	f.loc == {"table": 3, "row": 2}
	f.related == [{"sheet": "S", "row": 52}]
}

test_fail_actual_finish_the_ims_lacks if {
	fs := xdoc_005.fail with input as bundle([report("2026-11-13", [item("51", "Design Target State Processes", "2026-12-08", "2026-11-12")]), harbor_ims])
	some f in fs
	endswith(f.msg, "actual finish 2026-11-12, the IMS has the task unfinished")
}

test_fail_finished_in_the_ims_not_in_the_report if {
	fs := xdoc_005.fail with input as bundle([report("2026-11-13", [item("50", "O&M governance design", "2026-10-19", null)]), harbor_ims])
	some f in fs
	endswith(f.msg, "no actual finish, the IMS has it finished on 2026-10-19")
}

test_tolerance_is_configurable if {
	b := bundle([report("2026-11-13", [item("51", "Design Target State Processes", "2026-12-10", null)]), harbor_ims])
	count(xdoc_005.fail) == 1 with input as b
	count(xdoc_005.fail) == 0 with input as b with data.tollgate.thresholds.xdoc.status_finish_tolerance_days as 3
}

# A report of another week: only presence in the IMS is judged.
test_not_assessable_dates_of_another_status_date if {
	b := bundle([report("2026-11-06", [item("51", "Design Target State Processes", "2026-12-15", null)]), harbor_ims])
	count(xdoc_005.fail) == 0 with input as b
	[r] := [r | some r in xdoc_005.not_assessable] with input as b
	startswith(r.msg, "the status report is as of 2026-11-06 and the IMS status date is 2026-11-13")
}

test_not_assessable_without_ims if {
	b := bundle([report("2026-11-13", [item("51", "Design Target State Processes", "2026-12-08", null)])])
	count(xdoc_005.fail) == 0 with input as b
	count(xdoc_005.checked) == 0 with input as b
	xdoc_005.not_assessable == {{"msg": "the submission holds no IMS with tasks to trace the status report's activities and milestones to", "missing": ["schedule.tasks"], "path": "Status.docx"}} with input as b
}

test_not_assessable_without_activity_tables if {
	r := json.patch(report("2026-11-13", []), [{"op": "replace", "path": "/fields_found", "value": []}])
	b := bundle([r, harbor_ims])
	count(xdoc_005.fail) == 0 with input as b
	some na in xdoc_005.not_assessable with input as b
	na.missing == ["status_report.activities", "status_report.milestones"]
}
