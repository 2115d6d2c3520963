package tollgate.rules.m3.kt31_03_test

import data.tollgate.rules.m3.kt31_03
import rego.v1

approval(name, title) := {"name": name, "title": title, "role": "other", "date": "2026-08-14", "decision": "approved", "signed": true}

raci(roles, approvals) := {"kind": "raci", "source": {"path": "RACI.xlsx"}, "metadata": {"approvals": approvals}, "raci": {"roles": roles}}

ims(approvals) := {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "metadata": {"approvals": approvals}, "schedule": {"tasks": []}}

roles := [{"name": "Program Manager (Customer)", "party": "customer"}, {"name": "PMO Lead (Provider)", "party": "provider"}]

# Parties come from the RACI role the approver's title names.
both := [approval("M. Chen", "Program Manager, DMA"), approval("T. Wallace", "PMO Lead, FPSSC")]

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

project := {"as_of": "2026-11-16", "phase": 4}

test_pass_both_parties if {
	b := bundle([raci(roles, both), ims(both)])
	count(kt31_03.fail) == 0 with input as b with data.tollgate.project as project
	kt31_03.checked == {"RACI.xlsx", "IMS.xlsx"} with input as b with data.tollgate.project as project
}

test_fail_ims_without_provider if {
	b := bundle([raci(roles, both), ims([approval("M. Chen", "Program Manager, DMA")])])
	fs := kt31_03.fail with input as b with data.tollgate.project as project
	fs == {{"msg": "the IMS has no approval by the provider party: both parties agree it in key task 3.1", "loc": {}, "path": "IMS.xlsx"}}
}

test_fail_raci_without_provider_role if {
	b := bundle([raci([{"name": "Program Manager", "party": "customer"}], [approval("A", "Customer PM"), approval("B", "Provider PM")])])
	fs := kt31_03.fail with input as b with data.tollgate.project as project
	fs == {{"msg": "the RACI / resource management plan names no provider-party role: the provider PMO is not integrated", "loc": {}, "path": "RACI.xlsx"}}
}

test_not_checked_before_phase3 if {
	count(kt31_03.fail) == 0 with input as bundle([ims([])]) with data.tollgate.project as {"as_of": "2026-11-16", "phase": 2}
}

test_not_assessable_without_phase if {
	nas := kt31_03.not_assessable with input as bundle([ims([])]) with data.tollgate.project as {"as_of": "2026-11-16"}
	count(nas) == 1
}
