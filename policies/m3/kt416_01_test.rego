package tollgate.rules.m3.kt416_01_test

import data.tollgate.rules.m3.kt416_01
import rego.v1

ims(cutover_start) := {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "schedule": {"status_date": "2027-06-01", "tasks": [
	{"id": "1", "name": "Configure Systems", "type": "task", "phase": 4, "start": "2026-08-31", "actual_start": "2026-08-31"},
	{"id": "2", "name": "Assess Readiness for Go-Live", "type": "task", "phase": 4, "start": "2027-05-10", "actual_start": "2027-05-10"},
	{"id": "3", "name": "Cutover to FPSSC", "type": "task", "phase": 4, "start": "2027-05-20", "actual_start": cutover_start, "loc": {"sheet": "Schedule", "row": 9}},
]}}

approved(kind, date, text) := {"kind": kind, "source": {"path": sprintf("%s.docx", [kind])}, "metadata": {"approvals": [{"name": "A", "role": "sponsor", "date": date, "decision": "approved", "signed": true}]}, "sections": [{"heading": "Decision", "text": text}]}

criteria := approved("go_no_go_criteria", "2026-08-20", "Criteria for go-live.")

report(date) := object.union(approved("generic", date, "Decision: Go. All criteria met."), {"artifact_key": "go-no-go-assessment-report"})

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

project := {"as_of": "2027-06-01"}

test_pass_go_before_cutover if {
	count(kt416_01.fail) == 0 with input as bundle([ims("2027-05-21"), criteria, report("2027-05-18")]) with data.tollgate.project as project
}

test_fail_cutover_before_go if {
	fs := kt416_01.fail with input as bundle([ims("2027-05-15"), criteria, report("2027-05-18")]) with data.tollgate.project as project
	fs == {{"msg": "cutover task \"3 Cutover to FPSSC\" started on 2027-05-15 before the \"Go\" decision was approved on 2027-05-18", "loc": {"sheet": "Schedule", "row": 9}, "path": "IMS.xlsx"}}
}

test_fail_no_go_decision if {
	no_go := object.union(report("2027-05-18"), {"sections": [{"heading": "Decision", "text": "Decision: No-Go until defects close."}]})
	fs := kt416_01.fail with input as bundle([ims("2027-05-21"), criteria, no_go]) with data.tollgate.project as project
	[f] := [f | some f in fs]
	contains(f.msg, "no approved Go/No-Go Assessment Report records a \"Go\" decision")
}

test_fail_phase4_without_criteria if {
	fs := kt416_01.fail with input as bundle([ims("2027-05-21"), report("2027-05-18")]) with data.tollgate.project as project
	fs == {{"msg": "M3 phase 4 began on 2026-08-31 without approved Go/No-Go criteria", "loc": {}}}
}
