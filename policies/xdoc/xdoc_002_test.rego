package tollgate.rules.xdoc.xdoc_002_test

import data.tollgate.rules.xdoc.xdoc_002
import rego.v1

approved(kind, path, date) := {"kind": kind, "source": {"path": path}, "metadata": {"approvals": [{"name": "A", "role": "sponsor", "date": date, "decision": "approved", "signed": true}]}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass_charter_first if {
	b := bundle([approved("charter", "C.docx", "2026-02-17"), approved("pmp", "P.docx", "2026-08-24")])
	count(xdoc_002.fail) == 0 with input as b with data.tollgate.project as {"as_of": "2026-11-16"}
	xdoc_002.checked == {"P.docx"} with input as b with data.tollgate.project as {"as_of": "2026-11-16"}
}

test_fail_pmp_first if {
	fs := xdoc_002.fail with input as bundle([approved("charter", "C.docx", "2026-09-01"), approved("pmp", "P.docx", "2026-08-24")])
		with data.tollgate.project as {"as_of": "2026-11-16"}
	fs == {{"msg": "the PMP was approved on 2026-08-24, before the charter (2026-09-01)", "loc": {}, "path": "P.docx"}}
}

test_fail_without_approved_charter if {
	fs := xdoc_002.fail with input as bundle([approved("pmp", "P.docx", "2026-08-24")]) with data.tollgate.project as {"as_of": "2026-11-16"}
	count(fs) == 1
}
