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
