package tollgate.rules.core.risk_003_test

import data.tollgate.rules.core.risk_003
import rego.v1

doc(risks) := {"kind": "risk_register", "fields_found": ["risk_register.risks", "risk_register.columns.owner"], "risk_register": {"risks": risks, "issues": []}}

test_pass if {
	count(risk_003.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "owner": "M. Chen", "status": "open"}])
}

test_fail_open_without_owner if {
	fs := risk_003.fail with input as doc([{"id": "R-1", "title": "Data", "owner": "", "status": "open", "loc": {"sheet": "Risk Log", "row": 3}}])
	fs == {{"msg": "open item \"R-1 Data\" has no owner", "loc": {"sheet": "Risk Log", "row": 3}}}
}

test_closed_items_need_no_owner if {
	count(risk_003.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "owner": "", "status": "closed"}])
}

test_not_assessable_without_owner_column if {
	count(risk_003.not_assessable) == 1 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}
