package tollgate.rules.core.pmp_011_test

import data.tollgate.rules.core.pmp_011
import rego.v1

pmp(gov) := {"kind": "pmp", "fields_found": ["pmp.governance"], "pmp": {"governance": gov}}

test_pass_escalation_defined if {
	count(pmp_011.fail) == 0 with input as pmp({"present": true, "escalation_defined": true, "decision_rights_defined": true})
}

test_fail_escalation_not_defined if {
	fs := pmp_011.fail with input as pmp({"present": true, "escalation_defined": false, "loc": {"section": "5 Governance"}})
	fs == {{"msg": "the governance section does not define how issues are escalated and resolved", "loc": {"section": "5 Governance"}}}
}

test_fail_no_governance_section if {
	fs := pmp_011.fail with input as pmp({"present": false, "escalation_defined": false})
	fs == {{"msg": "the plan has no governance section, so issue escalation is not defined", "loc": {}}}
}

test_not_assessable_when_unread if {
	d := {"kind": "pmp", "fields_found": [], "pmp": {}}
	count(pmp_011.not_assessable) == 1 with input as d
	count(pmp_011.fail) == 0 with input as d
}
