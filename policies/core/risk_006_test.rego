package tollgate.rules.core.risk_006_test

import data.tollgate.rules.core.risk_006
import rego.v1

doc(risks) := {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": risks}}

test_pass if {
	count(risk_006.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "status": "open", "severity": "high", "response": "mitigate", "response_plan": "Add analysts"}])
}

test_fail_high_is_error if {
	fs := risk_006.fail with input as doc([{"id": "R-1", "title": "x", "status": "open", "severity": "high", "response": "mitigate", "response_plan": "", "loc": {"row": 3}}])
	fs == {{"msg": "open high risk \"R-1 x\" has no response plan", "loc": {"row": 3}}}
}

test_medium_is_warning if {
	fs := risk_006.fail with input as doc([{"id": "R-2", "title": "y", "status": "open", "severity": "medium", "response": "", "response_plan": ""}])
	some f in fs
	f.severity == "warning"
}

test_low_risks_are_not_judged if {
	count(risk_006.fail) == 0 with input as doc([{"id": "R-3", "title": "z", "status": "open", "severity": "low"}])
}

# No risk rows read and none reported as found: the rule cannot judge.
test_not_assessable_without_risk_rows if {
	rs := risk_006.not_assessable with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
	rs == {{"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}}
	count(risk_006.fail) == 0 with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
}

# A risk table the normalizer read but found empty is content, not absence.
test_empty_risk_table_is_assessable if {
	count(risk_006.not_assessable) == 0 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}

# A medium risk missing both response and plan names both; a row without an
# ID is named by its title.
test_fail_medium_missing_both_is_warning if {
	fs := risk_006.fail with input as doc([{"title": "y", "status": "unknown", "severity": "medium", "response": " ", "response_plan": null, "loc": {"row": 6}}])
	fs == {{"msg": "open medium risk \"y\" has no response or response plan", "loc": {"row": 6}, "severity": "warning"}}
}

test_closed_risks_not_judged if {
	count(risk_006.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "status": "closed", "severity": "high"}])
}
