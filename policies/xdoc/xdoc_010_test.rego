package tollgate.rules.xdoc.xdoc_010_test

import data.tollgate.rules.xdoc.xdoc_010
import rego.v1

plan(o, to) := {"kind": "ivv_plan", "source": {"path": "ivv.docx"}, "ivv_plan": {"provider": {"organization": o}, "reports_to": to}}

charter := {"kind": "charter", "source": {"path": "charter.docx"}, "charter": {"stakeholders": [{"name": "T. Wallace", "role": "PMO Lead (Provider)", "organization": "FPSSC"}]}}

bundle(arts) := {"artifacts": arts, "by_kind": {k: [a | some a in arts; a.kind == k] | some k in {a.kind | some a in arts}}}

test_pass_independent if {
	count(xdoc_010.fail) == 0 with input as bundle([plan("Meridian Assurance Group", "Executive Sponsor"), charter])
}

test_fail_provider_is_ivv if {
	fs := xdoc_010.fail with input as bundle([plan("FPSSC", "Executive Sponsor"), charter])
	fs == {{"msg": "the IV&V organization \"FPSSC\" also holds provider roles in the program: IV&V is not independent of the provider", "loc": {}, "path": "ivv.docx"}}
}

test_fail_reports_to_program_manager if {
	fs := xdoc_010.fail with input as bundle([plan("Meridian Assurance Group", "Program Manager"), charter])
	fs == {{"msg": "IV&V reports to \"Program Manager\", whose work it reviews: it should report above the program (sponsor or governance body)", "loc": {}, "path": "ivv.docx"}}
}

test_not_assessable if {
	count(xdoc_010.not_assessable) == 1 with input as bundle([plan("", "")])
}
