package tollgate.rules.core.risk_007_test

import data.tollgate.rules.core.risk_007
import rego.v1

doc(risks) := {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": risks}}

test_pass if {
	count(risk_007.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "status": "open", "severity": "high", "contingency_plan": "Extend parallel runs", "trigger": "", "due_date": "2027-01-15"}])
}

test_fail_missing_both if {
	fs := risk_007.fail with input as doc([{"id": "R-1", "title": "x", "status": "open", "severity": "high", "contingency_plan": "", "trigger": "", "due_date": null, "loc": {"row": 3}}])
	fs == {{"msg": "open high risk \"R-1 x\" has no contingency plan and no trigger or trigger date", "loc": {"row": 3}}}
}

test_medium_not_judged if {
	count(risk_007.fail) == 0 with input as doc([{"id": "R-2", "title": "y", "status": "open", "severity": "medium"}])
}
