package tollgate.rules.core.risk_009_test

import data.tollgate.rules.core.risk_009
import rego.v1

doc(risks) := {"kind": "risk_register", "fields_found": ["risk_register.risks", "risk_register.columns.created_on"], "risk_register": {"risks": risks}}

test_pass_recent if {
	count(risk_009.fail) == 0 with input as doc([{"id": "R-1", "title": "t", "status": "open", "created_on": "2024-04-01", "modified_on": "2024-06-01"}])
}

test_fail_stale_uses_created_when_never_modified if {
	fs := risk_009.fail with input as doc([{"id": "R-1", "title": "t", "status": "open", "created_on": "2024-04-01", "modified_on": null, "loc": {"row": 3}}])
	fs == {{"msg": "open risk \"R-1 t\" was last reviewed on 2024-04-01, 70 days before 2024-06-10 (limit 30 days)", "loc": {"row": 3}, "metrics": {"value": 70, "threshold": 30}}}
}

test_m3_mode_is_weekly if {
	fs := risk_009.fail with input as doc([{"id": "R-1", "title": "t", "status": "open", "modified_on": "2024-05-20"}])
		with data.tollgate.project as {"as_of": "2024-06-10", "framework": "m3"}
	count(fs) == 1
}

test_closed_risk_ignored if {
	count(risk_009.fail) == 0 with input as doc([{"id": "R-1", "title": "t", "status": "closed", "created_on": "2020-01-01"}])
}

test_not_assessable_without_date_columns if {
	count(risk_009.not_assessable) == 1 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": [{"id": "R-1", "status": "open"}]}}
}
