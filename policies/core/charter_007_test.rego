package tollgate.rules.core.charter_007_test

import data.tollgate.rules.core.charter_007
import rego.v1

test_pass_all_milestones_dated if {
	ms := [{"name": "Kickoff", "date": "2024-01-15", "loc": {"table": 3, "row": 2}}]
	count(charter_007.fail) == 0 with input as {"kind": "charter", "charter": {"milestones": ms}}
}

test_fail_no_milestones if {
	fs := charter_007.fail with input as {"kind": "charter", "charter": {"milestones": []}}
	fs == {{"msg": "the charter has no summary milestone schedule", "loc": {}}}
}

test_fail_each_undated_milestone_at_its_location if {
	ms := [
		{"name": "Kickoff", "date": "2024-01-15", "loc": {"table": 3, "row": 2}},
		{"name": "Go-live", "date": null, "date_raw": "Q3 FY25", "loc": {"table": 3, "row": 3}},
		{"name": "Closeout", "date": null, "date_raw": "", "loc": {"table": 3, "row": 4}},
	]
	fs := charter_007.fail with input as {"kind": "charter", "charter": {"milestones": ms}}
	fs == {
		{"msg": "milestone \"Go-live\" has no target date (\"Q3 FY25\" is not a date)", "loc": {"table": 3, "row": 3}},
		{"msg": "milestone \"Closeout\" has no target date", "loc": {"table": 3, "row": 4}},
	}
}
