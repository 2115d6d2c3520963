package tollgate.rules.core.risk_010_test

import data.tollgate.rules.core.risk_010
import rego.v1

doc(risks, issues) := {"kind": "risk_register", "fields_found": ["risk_register.risks", "risk_register.columns.due_date"], "risk_register": {"risks": risks, "issues": issues}}

test_pass_future_trigger_escalated_or_realized if {
	count(risk_010.fail) == 0 with input as doc(
		[
			{"id": "R-1", "title": "a", "status": "open", "status_raw": "New", "due_date": "2024-07-01"},
			{"id": "R-2", "title": "b", "status": "open", "status_raw": "Escalated", "due_date": "2024-05-01"},
			{"id": "R-3", "title": "c", "status": "open", "status_raw": "In Progress", "due_date": "2024-05-01"},
		],
		[{"id": "I-1", "related_ids": ["R-3"], "status": "open"}],
	)
}

test_fail_passed_trigger if {
	fs := risk_010.fail with input as doc([{"id": "R-1", "title": "a", "status": "open", "status_raw": "In Progress", "due_date": "2024-06-01", "loc": {"row": 5}}], [])
	fs == {{"msg": "open risk \"R-1 a\" passed its trigger date 2024-06-01 (as of 2024-06-10) without being escalated or logged as an issue", "loc": {"row": 5}}}
}

test_not_assessable if {
	count(risk_010.not_assessable) == 1 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}
