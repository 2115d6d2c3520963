package tollgate.rules.m3.kt31_01_test

import data.tollgate.rules.m3.kt31_01
import rego.v1

project := {"as_of": "2026-11-16", "phase_windows": [
	{"phase": 3, "start": "2026-06-01", "end": "2026-08-28"},
	{"phase": 4, "start": "2026-08-31", "end": "2027-06-28"},
]}

doc(kind, title, rev) := {"kind": kind, "title": title, "source": {"path": sprintf("%s.docx", [kind])}, "metadata": {"revision_history": [{"version": "2.0", "date": rev}]}}

outputs := [
	doc("charter", "Program Charter", "2026-07-01"),
	doc("raci", "Resource Management Plan", "2026-07-01"),
	doc("schedule", "Integrated Master Schedule", "2026-07-01"),
	doc("pmp", "Program Management Plan", "2026-07-01"),
	doc("ivv_plan", "IV&V Plan", "2026-07-01"),
	doc("qasp", "QASP", "2026-07-01"),
]

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass_outputs_updated_in_phase3 if {
	count(kt31_01.fail) == 0 with input as bundle(outputs) with data.tollgate.project as project
	kt31_01.checked == {""} with input as bundle(outputs) with data.tollgate.project as project
}

test_fail_missing_qasp if {
	docs := [d | some d in outputs; d.kind != "qasp"]
	fs := kt31_01.fail with input as bundle(docs) with data.tollgate.project as project
	fs == {{"msg": "key task 3.1 output Quality Assurance Surveillance Plan (QASP) (qasp) is not in the submission by 2026-08-31", "loc": {}}}
}

test_fail_charter_not_updated if {
	docs := array.concat([d | some d in outputs; d.kind != "charter"], [doc("charter", "Program Charter", "2026-02-17")])
	fs := kt31_01.fail with input as bundle(docs) with data.tollgate.project as project
	fs == {{"msg": "Program Charter (program-charter) shows no revision or approval dated in phase 3 (2026-06-01 to 2026-08-28): the M3 tracker has it updated during Engagement", "loc": {}, "path": "charter.docx"}}
}

test_not_due_before_phase3_ends if {
	p := {"as_of": "2026-07-01", "phase_windows": [{"phase": 3, "start": "2026-06-01", "end": "2026-08-28"}]}
	count(kt31_01.fail) == 0 with input as bundle([]) with data.tollgate.project as p
	count(kt31_01.checked) == 0 with input as bundle([]) with data.tollgate.project as p
}

test_not_assessable_without_phase_facts if {
	nas := kt31_01.not_assessable with input as bundle(outputs) with data.tollgate.project as {"as_of": "2026-11-16"}
	[r] := [r | some r in nas]
	"project.phase_windows" in r.missing
}
