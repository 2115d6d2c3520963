package tollgate.rules.core.gen_001_test

import data.tollgate.rules.core.gen_001
import rego.v1

doc(status, placeholders) := {
	"kind": "charter",
	"fields_found": ["metadata.placeholders"],
	"metadata": {"status": status, "placeholders": placeholders},
}

angle := {"text": "<<Program Name>>", "pattern": "angle", "loc": {"paragraph": 3}}

test_pass_without_placeholders if {
	count(gen_001.fail) == 0 with input as doc("final", [])
	count(gen_001.not_assessable) == 0 with input as doc("final", [])
}

test_residue_is_error_at_its_location if {
	fs := gen_001.fail with input as doc("final", [angle])
	fs == {{"msg": "template placeholder left in the document: \"<<Program Name>>\"", "loc": {"paragraph": 3}, "severity": "error"}}
}

test_residue_is_warning_while_draft if {
	fs := gen_001.fail with input as doc("draft", [angle])
	[f.severity | some f in fs] == ["warning"]
}

test_one_finding_per_placeholder if {
	ps := [
		angle,
		{"text": "[Program Name]", "pattern": "bracket", "loc": {"paragraph": 5}},
		{"text": "Month, Day, Year", "pattern": "date_prompt", "loc": {"table": 1, "row": 2}},
	]
	fs := gen_001.fail with input as doc("final", ps)
	count(fs) == 3
	{f.loc | some f in fs} == {{"paragraph": 3}, {"paragraph": 5}, {"table": 1, "row": 2}}
}

test_tbd_alone_is_warning if {
	ps := [
		{"text": "TBD", "pattern": "tbd", "loc": {"paragraph": 9}},
		{"text": "[TBD]", "pattern": "bracket", "loc": {"paragraph": 10}},
	]
	fs := gen_001.fail with input as doc("final", ps)
	count(fs) == 2
	{f.severity | some f in fs} == {"warning"}
}

test_signature_line_is_info if {
	fs := gen_001.fail with input as doc("final", [{"text": "________", "pattern": "signature_line", "loc": {"paragraph": 40}}])
	[f.severity | some f in fs] == ["info"]
}

test_not_assessable_when_text_not_scanned if {
	d := {"kind": "schedule", "fields_found": [], "metadata": {"status": "unknown", "placeholders": null}}
	count(gen_001.not_assessable) == 1 with input as d
	count(gen_001.fail) == 0 with input as d
}
