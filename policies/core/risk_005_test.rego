package tollgate.rules.core.risk_005_test

import data.tollgate.rules.core.risk_005
import rego.v1

test_pass if {
	count(risk_005.fail) == 0 with input as {"risk_register": {"risks": [{"id": "R-1", "title": "x", "if_then": true}]}, "fields_found": ["risk_register.risks"]}
}

test_fail if {
	fs := risk_005.fail with input as {"risk_register": {"risks": [{"id": "R-1", "title": "Data", "if_then": false, "loc": {"row": 3}}]}, "fields_found": ["risk_register.risks"]}
	fs == {{"msg": "risk \"R-1 Data\" is not written as \"If …, then …\"", "loc": {"row": 3}}}
}
