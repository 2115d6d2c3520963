package tollgate.rules.core.charter_013_test

import data.tollgate.rules.core.charter_013
import rego.v1

sponsor_approval := {"name": "Pat Lee", "role": "sponsor", "date": "2024-04-30", "decision": "approved", "signed": true}

complete := {
	"kind": "charter",
	"metadata": {"approvals": [sponsor_approval]},
	"charter": {
		"sponsor": {"name": "Pat Lee", "title": "CFO", "loc": {"paragraph": 30}},
		"approval_requirements": "The sponsor accepts the final deliverables.",
		"exit_criteria": "All systems migrated and legacy decommissioned.",
	},
}

test_pass_complete if {
	count(charter_013.fail) == 0 with input as complete
}

test_fail_unnamed_sponsor if {
	d := json.patch(complete, [{"op": "replace", "path": "/charter/sponsor/name", "value": ""}])
	fs := charter_013.fail with input as d
	fs == {{"msg": "the charter does not name its sponsor", "loc": {"paragraph": 30}, "absent": "charter.sponsor", "mentions": []}}
}

test_fail_sponsor_approval_unsigned if {
	d := json.patch(complete, [{"op": "replace", "path": "/metadata/approvals/0/signed", "value": false}])
	fs := charter_013.fail with input as d
	fs == {{"msg": "no signed and dated approval by the sponsor is recorded (the sponsor's approval is listed but is not signed)", "loc": {}}}
}

test_fail_no_sponsor_approval if {
	d := json.patch(complete, [{"op": "replace", "path": "/metadata/approvals", "value": []}])
	fs := charter_013.fail with input as d
	fs == {{"msg": "no signed and dated approval by the sponsor is recorded", "loc": {}}}
}

test_info_sub_findings_for_approval_requirements_and_exit_criteria if {
	d := json.patch(complete, [
		{"op": "remove", "path": "/charter/approval_requirements"},
		{"op": "replace", "path": "/charter/exit_criteria", "value": ""},
	])
	fs := charter_013.fail with input as d
	count(fs) == 2
	{f.severity | some f in fs} == {"info"}
}

# Each way a listed sponsor approval falls short is named, once.
test_fail_sponsor_approval_states if {
	d := json.patch(complete, [{"op": "replace", "path": "/metadata/approvals", "value": [
		object.union(sponsor_approval, {"date": "TBD"}),
		object.union(sponsor_approval, {"decision": "pending"}),
		object.union(sponsor_approval, {"decision": "pending", "name": "Deputy"}),
		{"name": "Kim Ode", "role": "cio", "signed": false},
	]}])
	fs := charter_013.fail with input as d
	fs == {{"msg": "no signed and dated approval by the sponsor is recorded (the sponsor's approval is listed but is not dated; is recorded as pending)", "loc": {}}}
}
