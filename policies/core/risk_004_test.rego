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

# No risk rows read and none reported as found: the rule cannot judge.
test_not_assessable_without_risk_rows if {
	rs := risk_004.not_assessable with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
	rs == {{"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}}
	count(risk_004.fail) == 0 with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
}

# A risk table the normalizer read but found empty is content, not absence.
test_empty_risk_table_is_assessable if {
	count(risk_004.not_assessable) == 0 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}

# Both ratings out of the 1–5 scale are named; a row without an ID is named
# by its title.
test_fail_both_ratings_out_of_scale if {
	fs := risk_004.fail with input as doc([{"title": "Vendor", "status": "open", "probability": {"score": 0}, "impact": {"score": 6}, "loc": {"row": 5}}])
	fs == {{"msg": "open risk \"Vendor\" has no probability or impact rating on the 1–5 scale", "loc": {"row": 5}}}
}

test_closed_risks_need_no_rating if {
	count(risk_004.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "status": "closed"}])
}
