package tollgate.rules.core.gen_005_test

import data.tollgate.rules.core.gen_005
import rego.v1

approval(role, party) := {"name": "X", "role": role, "party": party, "date": "2026-08-14", "signed": true, "decision": "approved"}

doc(kind, approvals) := {"kind": kind, "fields_found": ["metadata.approvals"], "metadata": {"approvals": approvals}}

test_pass_rmp_both_program_managers if {
	count(gen_005.fail) == 0 with input as doc("raci", [approval("program_manager", ""), approval("program_manager", "provider")]) with data.tollgate.project.framework as "m3"
}

test_fail_rmp_without_provider_pm if {
	fs := gen_005.fail with input as doc("raci", [approval("program_manager", "customer"), approval("sponsor", "")]) with data.tollgate.project.framework as "m3"
	fs == {{"msg": "no signed or dated approval by the provider program manager (required by M3-Playbook-Resource-Management-Plan-Template.docx)", "loc": {}}}
}

test_fail_unsigned_undated_entry_is_missing if {
	fs := gen_005.fail with input as doc("risk_register", [
		approval("program_manager", "customer"),
		{"name": "Y", "role": "program_manager", "party": "provider", "date": null, "signed": false, "decision": "pending"},
	])
		with data.tollgate.project.framework as "m3"
	count(fs) == 1
}

test_configured_approvers_override_defaults if {
	count(gen_005.fail) == 0 with input as doc("raci", [approval("sponsor", "")])
		with data.tollgate.project.approvers as {"raci": ["sponsor"]}
	fs := gen_005.fail with input as doc("pmp", [approval("sponsor", "")])
		with data.tollgate.project.approvers as {"pmp": ["sponsor", "program_manager"]}
	fs == {{"msg": "no signed or dated approval by the program manager (required by approvers.pmp in the configuration)", "loc": {}}}
}

test_charter_sponsor_left_to_charter_013 if {
	count(gen_005.fail) == 0 with input as doc("charter", [])
}

test_no_requirement_for_kind if {
	count(gen_005.fail) == 0 with input as doc("ivv_plan", [])
}

# A document omitting its approvals fails: it is not unassessable.
test_missing_approvals_fail if {
	count(gen_005.not_assessable) == 0 with input as {"kind": "raci", "fields_found": []} with data.tollgate.project.framework as "m3"
	count(gen_005.fail) == 2 with input as {"kind": "raci", "fields_found": []} with data.tollgate.project.framework as "m3"
}

test_not_assessable_without_config_or_m3_data if {
	rs := gen_005.not_assessable with input as doc("raci", []) with data.tollgate.m3 as {} with data.tollgate.project.framework as "m3"
	some r in rs
	r.missing == ["approvers.raci", "data.tollgate.m3"]
}

# Outside M3, a register of an M3 template's kind is not that template: its
# sign-offs are asked only of a document recognised as the M3 artifact.
test_m3_template_signers_only_in_m3 if {
	count(gen_005.fail) == 0 with input as doc("raci", [])
	count(gen_005.fail) == 0 with input as doc("risk_register", [])
	fs := gen_005.fail with input as object.union(doc("risk_register", []), {"artifact_key": "raid-log"})
	count(fs) == 2
}
