package tollgate.rules.core.risk_008_test

import data.tollgate.rules.core.risk_008
import rego.v1

doc(risks, issues) := {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": risks, "issues": issues}}

test_pass if {
	count(risk_008.fail) == 0 with input as doc(
		[{"id": "R-1", "title": "x", "status": "open", "closure_criteria": "Mock 3 reconciles", "created_on": "2026-09-01"}],
		[{"id": "I-1", "title": "y", "status": "closed", "closed_date": "2026-10-01", "created_on": "2026-09-01"}],
	)
}

test_fail_each_case if {
	fs := risk_008.fail with input as doc(
		[{"id": "R-1", "title": "x", "status": "open", "closure_criteria": ""}],
		[
			{"id": "I-1", "title": "y", "status": "closed", "closed_date": null},
			{"id": "I-2", "title": "z", "status": "closed", "closed_date": "2026-08-01", "created_on": "2026-09-01"},
		],
	)
	msgs := {f.msg | some f in fs}
	msgs == {
		"open risk \"R-1 x\" states no closure criteria",
		"closed issue \"I-1 y\" has no closed date",
		"\"I-2 z\" was closed on 2026-08-01, before it was created on 2026-09-01",
	}
}
