package tollgate.rules.core.risk_004_test

import data.tollgate.rules.core.risk_004
import rego.v1

doc(risks) := {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": risks}}

test_pass if {
	count(risk_004.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "status": "open", "probability": {"score": 4}, "impact": {"score": 3}}])
}

test_fail_unrated if {
	fs := risk_004.fail with input as doc([{"id": "R-1", "title": "x", "status": "open", "probability": {"raw": "TBD", "score": null}, "impact": {"score": 3}, "loc": {"row": 3}}])
	fs == {{"msg": "open risk \"R-1 x\" has no probability rating on the 1–5 scale", "loc": {"row": 3}}}
}

test_not_assessable if {
	count(risk_004.not_assessable) == 1 with input as {"kind": "risk_register", "fields_found": []}
}
