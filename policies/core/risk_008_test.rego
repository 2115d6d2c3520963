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

# No risk rows read and none reported as found: the rule cannot judge.
test_not_assessable_without_risk_rows if {
	rs := risk_008.not_assessable with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
	rs == {{"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}}
	count(risk_008.fail) == 0 with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
}

# A risk table the normalizer read but found empty is content, not absence.
test_empty_risk_table_is_assessable if {
	count(risk_008.not_assessable) == 0 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}

# A row without an ID is named by its title; an open issue needs no closed
# date, and a closed risk needs no closure criteria.
test_fail_labels_rows_without_id if {
	fs := risk_008.fail with input as doc(
		[
			{"title": "Vendor", "status": "open", "closure_criteria": null, "loc": {"row": 3}},
			{"id": "R-2", "title": "w", "status": "closed", "closure_criteria": ""},
		],
		[{"id": "I-3", "title": "v", "status": "open", "closed_date": null}],
	)
	fs == {{"msg": "open risk \"Vendor\" states no closure criteria", "loc": {"row": 3}}}
}
