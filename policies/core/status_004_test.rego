package tollgate.rules.core.status_004_test

import data.tollgate.rules.core.status_004
import rego.v1

found := ["status_report.milestones", "status_report.milestones_columns.name", "status_report.milestones_columns.status", "status_report.milestones_columns.actual_finish", "status_report.milestones_columns.planned_finish"]

good := {"name": "Go/No-Go decision", "planned_finish": "2026-12-04", "actual_finish": null, "status": "upcoming", "status_raw": "P", "loc": {"table": 4, "row": 3}}

doc(rows) := {"kind": "status_report", "fields_found": found, "status_report": {"as_of_date": "2026-11-13", "activities": [], "milestones": rows}}

test_pass if {
	count(status_004.fail) == 0 with input as doc([good, object.union(good, {"actual_finish": "2026-11-02", "planned_finish": "2026-10-30", "status": "complete", "status_raw": "B"})])
}

test_fail_complete_without_actual_finish if {
	fs := status_004.fail with input as doc([object.union(good, {"status": "complete", "status_raw": "B"})])
	fs == {{"msg": "milestone \"Go/No-Go decision\" is marked complete (B) but has no actual finish", "loc": {"table": 4, "row": 3}}}
}

test_fail_finished_but_not_complete if {
	fs := status_004.fail with input as doc([object.union(good, {"actual_finish": "2026-11-10", "status": "green", "status_raw": "G"})])
	count(fs) == 1
}

test_fail_late_but_green if {
	fs := status_004.fail with input as doc([object.union(good, {"planned_finish": "2026-11-06", "status": "green", "status_raw": "G"})])
	some f in fs
	contains(f.msg, "due 2026-11-06, before the as-of date 2026-11-13")
	f.loc == {"table": 4, "row": 3}
}

test_late_and_yellow_passes if {
	count(status_004.fail) == 0 with input as doc([object.union(good, {"planned_finish": "2026-11-06", "status": "yellow", "status_raw": "Y"})])
}

test_complete_below_100_percent if {
	fs := status_004.fail with input as doc([object.union(good, {"status": "complete", "status_raw": "B", "actual_finish": "2026-11-10", "percent_complete": 75})])
	count(fs) == 1
}

test_not_assessable if {
	count(status_004.not_assessable) == 1 with input as {"kind": "status_report", "fields_found": []}
	count(status_004.not_assessable) == 1 with input as {"kind": "status_report", "fields_found": ["status_report.milestones"]}
}
