package tollgate.rules.core.pmp_012_test

import data.tollgate.rules.core.pmp_012
import rego.v1

pmp(approvals) := {"kind": "pmp", "metadata": {"approvals": approvals}}

approved := {"name": "Pat Lee", "role": "sponsor", "date": "2024-03-01", "decision": "approved", "signed": true}

test_pass_signed_and_dated if {
	count(pmp_012.fail) == 0 with input as pmp([approved])
}

test_pass_dated_signature_row_without_decision if {
	row := {"name": "Pat Lee", "role": "sponsor", "date": "2024-03-01", "decision": null, "signed": true}
	count(pmp_012.fail) == 0 with input as pmp([row])
}

test_fail_no_approval if {
	fs := pmp_012.fail with input as pmp([])
	fs == {{"msg": "the plan records no signed, dated approval", "loc": {}}}
}

test_fail_undated_or_pending if {
	count(pmp_012.fail) == 1 with input as pmp([object.union(approved, {"date": null})])
	count(pmp_012.fail) == 1 with input as pmp([object.union(approved, {"decision": "pending"})])
}

test_fail_when_a_required_approver_is_missing if {
	fs := pmp_012.fail with input as pmp([approved])
		with data.tollgate.project as {"as_of": "2024-06-10", "approvers": {"pmp": ["sponsor", "cio"]}}
	fs == {{"msg": "the plan records no signed, dated approval by all required approvers (cio, sponsor)", "loc": {}}}
}
