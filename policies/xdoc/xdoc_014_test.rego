package tollgate.rules.xdoc.xdoc_014_test

import data.tollgate.rules.xdoc.xdoc_014
import rego.v1

doc(kind, path) := {"kind": kind, "source": {"path": path}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass_with_ivv_plan if {
	b := bundle([doc("pmp", "PMP.docx"), doc("ivv_plan", "IVV.docx")])
	count(xdoc_014.fail) == 0 with input as b
	xdoc_014.checked == {"PMP.docx"} with input as b
}

test_fail_schedule_without_ivv_plan if {
	fs := xdoc_014.fail with input as bundle([doc("schedule", "IMS.xlsx"), doc("charter", "Charter.docx")])
	fs == {{"msg": "the submission holds IMS.xlsx but no IV&V plan", "loc": {"path": "IMS.xlsx"}, "path": "IMS.xlsx"}}
}

test_not_applicable_before_planning if {
	b := bundle([doc("charter", "Charter.docx")])
	count(xdoc_014.checked) == 0 with input as b
	count(xdoc_014.fail) == 0 with input as b
}
