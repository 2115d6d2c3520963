package tollgate.rules.core.cr_004_test

import data.tollgate.rules.core.cr_004
import rego.v1

fields := ["change_request.board.decision", "change_request.flm_approval.name", "change_request.flm_approval.date"]

ok := {
	"date_submitted": "2026-10-05",
	"flm_approval": {"name": "Helen Park", "date": "2026-10-07"},
	"board": {"decision": "approved", "decision_raw": "Approved", "approver": "Angela Ruiz", "date": "2026-10-14", "date_raw": "October 14, 2026"},
	"locs": {"board.date": {"table": 5, "row": 3, "column": 2}, "board.approver": {"table": 5, "row": 2, "column": 2}, "flm_approval.name": {"table": 2, "row": 4, "column": 2}},
}

doc(cr) := {"kind": "change_request", "fields_found": fields, "change_request": cr}

test_pass if {
	count(cr_004.fail) == 0 with input as doc(ok)
	count(cr_004.not_assessable) == 0 with input as doc(ok)
}

test_pass_undecided if {
	count(cr_004.fail) == 0 with input as doc(object.union(ok, {"board": {"decision": "", "approver": "", "date": null}, "flm_approval": {"name": "", "date": null}}))
}

test_fail_approved_without_approver if {
	fs := cr_004.fail with input as doc(object.union(ok, {"board": {"approver": ""}}))
	fs == {{"msg": "the change request is approved but names no board approver", "loc": {"table": 5, "row": 2, "column": 2}}}
}

test_fail_decided_before_submitted if {
	fs := cr_004.fail with input as doc(object.union(ok, {"board": {"date": "2026-10-01"}}))
	fs == {{"msg": "the board decided on 2026-10-01, before the request was submitted (2026-10-05)", "loc": {"table": 5, "row": 3, "column": 2}}}
}

test_fail_bad_date if {
	fs := cr_004.fail with input as doc(object.union(ok, {"board": {"date": null, "date_raw": "next week"}}))
	fs == {{"msg": "the change request is approved but its decision date \"next week\" is not a date", "loc": {"table": 5, "row": 3, "column": 2}}}
}

test_warn_without_flm if {
	fs := cr_004.fail with input as doc(object.union(ok, {"flm_approval": {"name": "", "date": null}}))
	fs == {{"msg": "the board decided (Approved) without the functional lead's approval (no FLM approval name or date)", "loc": {"table": 2, "row": 4, "column": 2}, "severity": "warning"}}
}

test_not_assessable if {
	count(cr_004.not_assessable) == 1 with input as {"kind": "change_request", "fields_found": [], "change_request": {}}
	count(cr_004.fail) == 0 with input as {"kind": "change_request", "fields_found": [], "change_request": {}}
}

# A decided form without FLM approval fields: the FLM sign-off cannot be
# checked (not a pass), and only the missing fields are named.
test_not_assessable_without_flm_fields if {
	d := {"kind": "change_request", "fields_found": ["change_request.board.decision", "change_request.flm_approval.date"], "change_request": object.union(ok, {"flm_approval": {"name": ""}})}
	cr_004.not_assessable == {{"msg": "the form has no FLM approval fields: whether the functional lead approved cannot be checked", "missing": ["change_request.flm_approval.name"]}} with input as d
	count(cr_004.fail) == 0 with input as d
}

# An undecided form needs no FLM approval fields.
test_undecided_needs_no_flm_fields if {
	d := {"kind": "change_request", "fields_found": ["change_request.board.decision"], "change_request": object.union(ok, {"board": {"decision": ""}})}
	count(cr_004.not_assessable) == 0 with input as d
}

test_fail_approved_without_any_date if {
	fs := cr_004.fail with input as doc(object.union(ok, {"board": {"date": null, "date_raw": ""}}))
	fs == {{"msg": "the change request is approved but has no decision date", "loc": {"table": 5, "row": 3, "column": 2}}}
}
