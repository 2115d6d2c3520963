package tollgate.rules.m3.gate_01_test

import data.tollgate.rules.m3.gate_01
import rego.v1

project := {"as_of": "2026-11-16", "phase_windows": [{"phase": 3, "start": "2026-06-01", "end": "2026-08-28"}]}

approved(date, parties) := [{"name": p, "role": "program_manager", "party": p, "date": date, "decision": "approved", "signed": true} | some p in parties]

doc(kind, extra) := object.union({"kind": kind, "title": "", "source": {"path": sprintf("%s.docx", [kind])}, "metadata": {"approvals": [], "revision_history": []}}, extra)

# The phase 3 → 4 evidence of RULES.md §14, all in place by 2026-08-31.
ims := doc("schedule", {
	"title": "Integrated Master Schedule",
	"source": {"path": "IMS.xlsx"},
	"metadata": {"approvals": approved("2026-08-20", ["customer", "provider"]), "revision_history": []},
	"schedule": {"status_date": "2026-11-13", "tasks": [{"id": "1", "name": "Configure", "type": "task", "phase": 4, "start": "2026-08-31", "actual_start": "2026-08-31"}]},
})

go_criteria(date) := doc("go_no_go_criteria", {"metadata": {"document_date": "2026-08-01", "approvals": approved(date, ["customer"]), "revision_history": []}})

phase3_docs := [
	ims,
	go_criteria("2026-08-20"),
	doc("generic", {"artifact_key": "migration-approach", "metadata": {"approvals": approved("2026-08-01", ["customer"]), "revision_history": []}}),
	doc("governance_plan", {"metadata": {"approvals": [], "revision_history": [{"version": "2.0", "date": "2026-07-01"}]}}),
	doc("raci", {"metadata": {"approvals": [], "revision_history": [{"version": "2.0", "date": "2026-07-01"}]}}),
	doc("generic", {"artifact_key": "requirements-fit-gap-analysis", "metadata": {"document_date": "2026-08-10"}}),
	doc("rtm", {"metadata": {"document_date": "2026-08-10"}}),
	doc("sla", {"metadata": {"document_date": "2026-08-10"}}),
]

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

phase3_scopes := {sprintf("phase 3 exit: %s", [c]) | some c in data.tollgate.m3.phases[3].exit_criteria}

phase3_fails(docs) := {f | some f in gate_01.fail with input as bundle(docs) with data.tollgate.project as project; startswith(f.scope, "phase 3 exit")}

test_pass_phase3_exit_evidenced if {
	count(phase3_fails(phase3_docs)) == 0
	checked := {c.scope | some c in gate_01.checked with input as bundle(phase3_docs) with data.tollgate.project as project}
	every s in phase3_scopes { s in checked }
}

test_fail_go_no_go_criteria_approved_late if {
	docs := [d | some d in phase3_docs; d.kind != "go_no_go_criteria"]
	fs := phase3_fails(array.concat(docs, [go_criteria("2026-09-15")]))
	fs == {{
		"msg": "phase 3 exit criterion \"Go/No-Go Criteria Approved\" is not evidenced when phase 4 began (2026-08-31): Go/No-Go Criteria for Go-Live (go-no-go-criteria) not approved by 2026-08-31",
		"loc": {},
		"scope": "phase 3 exit: Go/No-Go Criteria Approved",
	}}
}

test_fail_ims_without_provider_approval if {
	one_party := object.union(ims, {"metadata": {"approvals": approved("2026-08-20", ["customer"]), "revision_history": []}})
	docs := array.concat([one_party], [d | some d in phase3_docs; d.kind != "schedule"])
	[f] := [f | some f in phase3_fails(docs)]
	f.scope == "phase 3 exit: Integrated Master Schedule Drafted"
	contains(f.msg, "lacks an approval by the provider party")
}

test_not_assessable_without_phase_facts if {
	b := bundle([doc("charter", {})])
	count(gate_01.fail) == 0 with input as b with data.tollgate.project as {"as_of": "2026-11-16"}
	nas := gate_01.not_assessable with input as b with data.tollgate.project as {"as_of": "2026-11-16"}
	[r] := [r | some r in nas]
	"project.phase_windows" in r.missing
}

test_manual_criterion_is_not_assessable if {
	p := {"as_of": "2026-11-16", "phase_windows": [{"phase": 2, "start": "2026-04-06", "end": "2026-05-29"}]}
	nas := gate_01.not_assessable with input as bundle([]) with data.tollgate.project as p
	some r in nas
	r.scope == "phase 1 exit: Initial QSMO Marketplace Research Conducted"
	r.missing == ["manual attestation"]
}

phase_fails(n, docs, p) := {f |
	some f in gate_01.fail with input as bundle(docs) with data.tollgate.project as p
	startswith(f.scope, sprintf("phase %d exit", [n]))
}

# --- phase 0 → 1: the steering committee reviews the business case ----------------

project_phase1 := {"as_of": "2026-11-16", "phase_windows": [{"phase": 1, "start": "2026-01-05", "end": "2026-03-27"}]}

signed_by(title, role, date) := [{"name": "Dana Ruiz", "title": title, "role": role, "date": date, "decision": "approved", "signed": true}]

business_case(approvals) := doc("generic", {"artifact_key": "project-business-case", "metadata": {"approvals": approvals, "revision_history": []}})

phase0_others := [doc("generic", {"artifact_key": k, "metadata": {"document_date": "2025-12-01"}}) |
	some k in ["in-scope-service-area-and-function", "vision-statement", "expected-benefits", "high-level-timelines"]
]

test_pass_phase0_business_case_reviewed_by_steering_committee if {
	docs := array.concat(phase0_others, [business_case(signed_by("Executive  Steering Committee Chair", "governance_board", "2025-12-15"))])
	count(phase_fails(0, docs, project_phase1)) == 0
	checked := {c.scope | some c in gate_01.checked with input as bundle(docs) with data.tollgate.project as project_phase1}
	checked == {sprintf("phase 0 exit: %s", [c]) | some c in data.tollgate.m3.phases[0].exit_criteria}
}

# The committee is named only in the role column ("Executive Steering
# Committee", mapped to governance_board); the signer's title is the chair's
# own post. The role as worded (role_raw) is what names the body.
test_pass_phase0_steering_committee_named_in_role_column if {
	a := [object.union(signed_by("Chief Financial Officer, DMA", "governance_board", "2025-12-15")[0], {"role_raw": "Executive Steering Committee"})]
	docs := array.concat(phase0_others, [business_case(a)])
	count(phase_fails(0, docs, project_phase1)) == 0
}

steering_gap := {{
	"msg": "phase 0 exit criterion \"Steering Committee Review of Project Business Case\" is not evidenced when phase 1 began (2026-01-05): Project Business Case (project-business-case) has no approval by the steering committee",
	"loc": {},
	"scope": "phase 0 exit: Steering Committee Review of Project Business Case",
}}

test_fail_phase0_business_case_approved_by_sponsor_only if {
	docs := array.concat(phase0_others, [business_case(signed_by("Executive Sponsor", "sponsor", "2025-12-15"))])
	phase_fails(0, docs, project_phase1) == steering_gap
}

test_fail_phase0_steering_committee_approved_after_phase1_began if {
	# The case is dated before phase 1 began (it exists in time); the
	# committee's review only comes after.
	late := object.union(business_case(signed_by("Steering Committee Chair", "governance_board", "2026-01-20")), {"metadata": {"document_date": "2025-12-10"}})
	docs := array.concat(phase0_others, [late])
	phase_fails(0, docs, project_phase1) == steering_gap
}

# --- phase 1 → 2: any one of the data quality artifacts -----------------------------

project_phase2 := {"as_of": "2026-11-16", "phase_windows": [{"phase": 2, "start": "2026-04-06", "end": "2026-05-29"}]}

data_quality_fails(docs) := {f | some f in phase_fails(1, docs, project_phase2); f.scope == "phase 1 exit: Data Quality Assessed"}

test_pass_phase1_data_quality_any_one_artifact if {
	docs := [doc("generic", {"artifact_key": "data-cleansing-plan", "metadata": {"document_date": "2026-03-02"}})]
	count(data_quality_fails(docs)) == 0
}

test_fail_phase1_data_quality_none_in_time if {
	docs := [doc("generic", {"artifact_key": "data-cleansing-plan", "metadata": {"document_date": "2026-04-20"}})]
	data_quality_fails(docs) == {{
		"msg": "phase 1 exit criterion \"Data Quality Assessed\" is not evidenced when phase 2 began (2026-04-06): none of Data Quality Assessment Results (data-quality-assessment-results), Data Cleansing Plan (data-cleansing-plan) by 2026-04-06",
		"loc": {},
		"scope": "phase 1 exit: Data Quality Assessed",
	}}
}

# --- phase 3 → 4: plans updated during phase 3 ---------------------------------------

test_fail_phase3_governance_plan_not_revised_in_phase3 if {
	stale := doc("governance_plan", {"metadata": {"approvals": [], "revision_history": [{"version": "1.0", "date": "2026-05-04"}]}})
	docs := array.concat([d | some d in phase3_docs; d.kind != "governance_plan"], [stale])
	phase3_fails(docs) == {{
		"msg": "phase 3 exit criterion \"PMO and Governance Process Integrated\" is not evidenced when phase 4 began (2026-08-31): Governance Plan (governance-plan) shows no revision or approval dated in phase 3 (2026-06-01 to 2026-08-28)",
		"loc": {},
		"scope": "phase 3 exit: PMO and Governance Process Integrated",
	}}
}

test_not_assessable_phase3_update_without_phase3_window if {
	# Phase 4 has begun (IMS actuals) but neither the configuration nor the
	# IMS dates phase 3: the update cannot be placed in it, nor failed.
	p := {"as_of": "2026-11-16"}
	b := bundle(phase3_docs)
	nas := gate_01.not_assessable with input as b with data.tollgate.project as p
	nas == {{
		"msg": "phase 3 exit criterion \"PMO and Governance Process Integrated\" asks for an update during phase 3, whose window is unknown",
		"missing": ["project.phase_windows"],
		"scope": "phase 3 exit: PMO and Governance Process Integrated",
	}}
	count(gate_01.fail) == 0 with input as b with data.tollgate.project as p
}

# --- phase 4 → 5: the go/no-go assessment records a Go ------------------------------

project_phase5 := {"as_of": "2027-08-02", "phase_windows": [{"phase": 5, "start": "2027-07-06", "end": "2027-12-17"}]}

assessment(decision, date) := doc("assessment_report", {
	"artifact_key": "go-no-go-assessment-report",
	"metadata": {"approvals": approved(date, ["customer"]), "revision_history": []},
	"sections": [{"heading": "Decision", "text": decision}],
})

no_go_gap(text) := {{
	"msg": sprintf("phase 4 exit criterion \"Go/No-Go Criteria Met\" is not evidenced when phase 5 began (2027-07-06): %s", [text]),
	"loc": {},
	"scope": "phase 4 exit: Go/No-Go Criteria Met",
}}

test_pass_phase4_go_decision_approved if {
	docs := [assessment("Decision: Go. Cutover proceeds on 6 July.", "2027-06-25")]
	count(phase_fails(4, docs, project_phase5)) == 0
}

test_fail_phase4_no_go_decision if {
	docs := [assessment("Decision: No-Go until payroll parallel run passes.", "2027-06-25")]
	phase_fails(4, docs, project_phase5) == no_go_gap("Go/No-Go Assessment Report (go-no-go-assessment-report) records no approved \"Go\" decision by 2027-07-06")
}

test_fail_phase4_go_approved_after_phase5_began if {
	# Dated before phase 5 (it exists) but approved only after it began.
	late := object.union(assessment("Decision: Go", "2027-07-10"), {"metadata": {"document_date": "2027-06-25"}})
	phase_fails(4, [late], project_phase5) == no_go_gap("Go/No-Go Assessment Report (go-no-go-assessment-report) records no approved \"Go\" decision by 2027-07-06")
}

test_fail_phase4_no_assessment_report if {
	phase_fails(4, [], project_phase5) == no_go_gap("no Go/No-Go Assessment Report (go-no-go-assessment-report) by 2027-07-06")
}

# --- approvals on record by the gate ------------------------------------------------

# The RMP approved in Readiness (2026-03-27) and re-approved by both parties
# in Engagement (2026-08-14): it was approved when phase 2 began, though its
# latest approval is later.
test_pass_phase1_plan_approved_then_reapproved if {
	approvals := array.concat(signed_by("Executive Sponsor", "sponsor", "2026-03-27"), approved("2026-08-14", ["customer", "provider"]))
	docs := [
		doc("raci", {"title": "Resource Management Plan", "metadata": {"document_date": "2026-03-20", "approvals": approvals, "revision_history": []}}),
		doc("governance_plan", {"metadata": {"document_date": "2026-03-20", "approvals": signed_by("Executive Sponsor", "sponsor", "2026-03-30"), "revision_history": []}}),
	]
	fs := {f.scope | some f in phase_fails(1, docs, project_phase2)}
	not "phase 1 exit: PMO and Governance Structure Defined" in fs
}

# Approved only after phase 2 began, though drafted before: not approved by the gate.
test_fail_phase1_plan_approved_after_gate if {
	docs := [
		doc("raci", {"title": "Resource Management Plan", "metadata": {"document_date": "2026-03-20", "approvals": approved("2026-08-14", ["customer", "provider"]), "revision_history": []}}),
		doc("governance_plan", {"metadata": {"document_date": "2026-03-20", "approvals": signed_by("Executive Sponsor", "sponsor", "2026-03-30"), "revision_history": []}}),
	]
	some f in phase_fails(1, docs, project_phase2)
	f.scope == "phase 1 exit: PMO and Governance Structure Defined"
	contains(f.msg, "Resource Management Plan (resource-management-plan) not approved by 2026-04-06")
}

# With the RMP's approvers configured (the sponsor), the sponsor's approval
# on record by the gate is what counts; a program manager's alone is not.
rmp_signed(approvals) := doc("raci", {"title": "Resource Management Plan", "metadata": {"document_date": "2026-03-20", "approvals": approvals, "revision_history": []}})

test_required_approver_on_record_by_gate if {
	p := object.union(project_phase2, {"approvers": {"raci": ["sponsor"]}})
	gov := doc("governance_plan", {"metadata": {"document_date": "2026-03-20", "approvals": signed_by("Executive Sponsor", "sponsor", "2026-03-30"), "revision_history": []}})
	scope := "phase 1 exit: PMO and Governance Structure Defined"
	sponsor_first := array.concat(signed_by("Executive Sponsor", "sponsor", "2026-03-27"), approved("2026-08-14", ["customer", "provider"]))
	not scope in {f.scope | some f in phase_fails(1, [rmp_signed(sponsor_first), gov], p)}
	pm_only := array.concat(approved("2026-03-27", ["customer"]), signed_by("Executive Sponsor", "sponsor", "2026-08-14"))
	scope in {f.scope | some f in phase_fails(1, [rmp_signed(pm_only), gov], p)}
}
