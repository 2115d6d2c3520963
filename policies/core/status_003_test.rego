package tollgate.rules.core.status_003_test

import data.tollgate.rules.core.status_003
import rego.v1

cols := [sprintf("status_report.activities_columns.%s", [k]) | some k in ["name", "owner", "percent_complete", "planned_finish", "actual_finish", "status"]]

found := array.concat(["status_report.activities"], cols)

good := {"name": "Parallel payroll run 3", "owner": "M. Chen", "percent_complete": 50, "percent_complete_raw": "50%", "planned_finish": "2026-11-27", "actual_finish": null, "status": "green", "status_raw": "G", "loc": {"table": 3, "row": 2}}

doc(rows, ff) := {"kind": "status_report", "fields_found": ff, "status_report": {"activities": rows, "milestones": []}}

th := {"status": {"percent_steps": [0, 25, 50, 75, 100]}}

test_pass if {
	count(status_003.fail) == 0 with input as doc([good], found) with data.tollgate.thresholds as th
}

test_fail_missing_owner if {
	fs := status_003.fail with input as doc([object.union(good, {"owner": ""})], found) with data.tollgate.thresholds as th
	fs == {{"msg": "activity \"Parallel payroll run 3\" has no owner", "loc": {"table": 3, "row": 2}}}
}

test_fail_percent_off_key if {
	fs := status_003.fail with input as doc([object.union(good, {"percent_complete": 40, "percent_complete_raw": "40%"})], found) with data.tollgate.thresholds as th
	fs == {{"msg": "activity \"Parallel payroll run 3\" has % complete \"40%\", not one of [0, 25, 50, 75, 100]", "loc": {"table": 3, "row": 2}}}
}

test_fail_status_off_legend if {
	fs := status_003.fail with input as doc([object.union(good, {"status": "unknown", "status_raw": "Fine"})], found) with data.tollgate.thresholds as th
	count(fs) == 1
}

test_fail_once_for_a_missing_column if {
	ff := [c | some c in found; c != "status_report.activities_columns.owner"]
	fs := status_003.fail with input as doc([object.union(good, {"owner": ""}), object.union(good, {"owner": ""})], ff) with data.tollgate.thresholds as th
	fs == {{"msg": "the activities table has no owner column", "loc": {"table": 3}}}
}

test_not_assessable if {
	count(status_003.not_assessable) == 1 with input as doc([], [])
	count(status_003.fail) == 0 with input as doc([], []) with data.tollgate.thresholds as th
}
