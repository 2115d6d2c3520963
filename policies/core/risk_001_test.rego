package tollgate.rules.core.risk_001_test

import data.tollgate.rules.core.risk_001
import rego.v1

doc(cols) := {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": [], "columns": {k: k | some k in cols}}}

full := ["id", "title", "probability", "impact", "owner", "response_plan", "status", "created_on"]

test_pass if {
	count(risk_001.fail) == 0 with input as doc(full)
}

test_fail_missing_owner_and_status if {
	fs := risk_001.fail with input as doc([c | some c in full; not c in {"owner", "status"}])
	fs == {{"msg": "the risk log has no owner, no status column", "loc": {}}}
}

test_warning_without_created_date if {
	fs := risk_001.fail with input as doc([c | some c in full; c != "created_on"])
	fs == {{"msg": "the risk log has no created-date column (Created On, Date Raised …)", "loc": {}, "severity": "warning"}}
}

test_not_assessable if {
	count(risk_001.not_assessable) == 1 with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"risks": []}}
}
