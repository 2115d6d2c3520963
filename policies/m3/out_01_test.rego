package tollgate.rules.m3.out_01_test

import data.tollgate.rules.m3.out_01
import rego.v1

# Phase 1 began 2026-01-05 (configured window): the phase 0 outputs are due then.
project := {"as_of": "2026-11-16", "phase_windows": [{"phase": 1, "start": "2026-01-05", "end": "2026-04-03"}]}

doc(key, date) := {"kind": "generic", "artifact_key": key, "source": {"path": sprintf("%s.docx", [key])}, "metadata": {"document_date": date}}

phase0 := [doc(k, "2025-12-01") | some k in ["in-scope-service-area-and-function", "expected-benefits", "high-level-timelines", "vision-statement", "project-business-case", "investment-readiness-checklist"]]

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass_phase0_outputs_present if {
	count(out_01.fail) == 0 with input as bundle(phase0) with data.tollgate.project as project
	out_01.checked == {""} with input as bundle(phase0) with data.tollgate.project as project
}

test_fail_output_late if {
	docs := array.concat([d | some d in phase0; d.artifact_key != "vision-statement"], [doc("vision-statement", "2026-02-01")])
	fs := out_01.fail with input as bundle(docs) with data.tollgate.project as project
	fs == {{"msg": "no Vision Statement (vision-statement) by 2026-01-05, when phase 1 began (output of key task 0.1)", "loc": {}, "severity": "warning"}}
}

test_core_kind_output_is_an_error if {
	# Phase 2 began: the phase 1 outputs are due, the charter among them.
	p := {"as_of": "2026-11-16", "phase_windows": [{"phase": 2, "start": "2026-04-06", "end": "2026-05-29"}]}
	fs := out_01.fail with input as bundle([]) with data.tollgate.project as p
	some f in fs
	f.msg == "no Program Charter (program-charter) by 2026-04-06, when phase 2 began (output of key task 1.2)"
	f.severity == "error"
}

test_not_assessable_without_phase_facts if {
	nas := out_01.not_assessable with input as bundle([]) with data.tollgate.project as {"as_of": "2026-11-16"}
	count(nas) == 1
	count(out_01.fail) == 0 with input as bundle([]) with data.tollgate.project as {"as_of": "2026-11-16"}
}
