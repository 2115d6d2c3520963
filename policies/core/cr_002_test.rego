package tollgate.rules.core.cr_002_test

import data.tollgate.rules.core.cr_002
import rego.v1

all_fields := ["change_request.description", "change_request.reason", "change_request.type", "change_request.priority"]

ok := {
	"description": "Configure the shift differential.", "reason": "Crew would be underpaid.",
	"type": "change-to-existing-requirement", "type_raw": "Change to Existing Requirement",
	"priority": "high", "priority_raw": "High",
	"locs": {"priority": {"table": 3, "row": 4, "column": 2}, "reason": {"table": 3, "row": 6, "column": 2}},
}

doc(cr) := {"kind": "change_request", "fields_found": all_fields, "change_request": cr}

test_pass if {
	count(cr_002.fail) == 0 with input as doc(ok)
	count(cr_002.not_assessable) == 0 with input as doc(ok)
}

test_fail_priority_not_allowed if {
	fs := cr_002.fail with input as doc(object.union(ok, {"priority": "", "priority_raw": "Urgent"}))
	fs == {{"msg": "priority \"Urgent\" is not one of the form's values (Low, Med or High)", "loc": {"table": 3, "row": 4, "column": 2}}}
}

test_fail_no_reason if {
	fs := cr_002.fail with input as doc(object.union(ok, {"reason": ""}))
	fs == {{"msg": "the change request gives no reason for the change", "loc": {"table": 3, "row": 6, "column": 2}}}
}

test_fail_no_type if {
	fs := cr_002.fail with input as doc(object.union(ok, {"type": "", "type_raw": ""}))
	fs == {{"msg": "the change request gives no type of change (New Requirement, Change to Existing Requirement or Defect)", "loc": {}}}
}

test_not_assessable if {
	rs := cr_002.not_assessable with input as {"kind": "change_request", "fields_found": ["change_request.description"], "change_request": {}}
	rs == {{"msg": "the form lacks fields this rule reads", "missing": ["change_request.priority", "change_request.reason", "change_request.type"]}}
}
