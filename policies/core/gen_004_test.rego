package tollgate.rules.core.gen_004_test

import data.tollgate.rules.core.gen_004
import rego.v1

signed := {"name": "Pat Lee", "role": "sponsor", "date": "2024-04-30", "decision": "approved", "signed": true, "loc": {"table": 2, "row": 2}}

doc(kind, status, approvals) := {"kind": kind, "metadata": {"status": status, "approvals": approvals}}

test_pass_charter_signed_and_dated if {
	count(gen_004.fail) == 0 with input as doc("charter", "approved", [signed])
}

test_pass_generic_draft_needs_no_approval if {
	count(gen_004.fail) == 0 with input as doc("status_report", "draft", [])
}

test_fail_charter_without_approval if {
	fs := gen_004.fail with input as doc("charter", "draft", [])
	fs == {{"msg": "a charter needs approval but records no signed or dated approval", "loc": {}}}
}

test_fail_final_status_without_approval if {
	fs := gen_004.fail with input as doc("status_report", "final", [{"name": "Pat Lee", "role": "sponsor", "date": null, "decision": null, "signed": false}])
	count(fs) == 1
}

test_fail_approval_after_as_of if {
	late := object.union(signed, {"date": "2024-07-01"})
	fs := gen_004.fail with input as doc("pmp", "approved", [late])
		with data.tollgate.project as {"as_of": "2024-06-10"}
	fs == {{"msg": "approval by Pat Lee is dated 2024-07-01, after the as-of date 2024-06-10", "loc": {"table": 2, "row": 2}}}
}

test_fail_status_approved_but_not_accepted if {
	na := object.union(signed, {"decision": "accepted_with_changes"})
	fs := gen_004.fail with input as doc("pmp", "approved", [na])
	fs == {{"msg": "the status says approved but the only decisions recorded are accepted_with_changes", "loc": {}}}
}

# An approver without a name is named by role, else as "an unnamed approver".
test_fail_approval_after_as_of_unnamed if {
	by_role := object.union(signed, {"name": " ", "date": "2024-07-01"})
	anon := object.union(signed, {"name": null, "role": "", "date": "2024-07-02", "loc": {"table": 2, "row": 3}})
	fs := gen_004.fail with input as doc("pmp", "approved", [by_role, anon])
		with data.tollgate.project as {"as_of": "2024-06-10"}
	fs == {
		{"msg": "approval by sponsor is dated 2024-07-01, after the as-of date 2024-06-10", "loc": {"table": 2, "row": 2}},
		{"msg": "approval by an unnamed approver is dated 2024-07-02, after the as-of date 2024-06-10", "loc": {"table": 2, "row": 3}},
	}
}
