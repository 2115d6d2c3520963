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

# No risk rows read and none reported as found: the rule cannot judge.
test_not_assessable_without_risk_rows if {
	rs := risk_005.not_assessable with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
	rs == {{"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}}
	count(risk_005.fail) == 0 with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
}

# A risk table the normalizer read but found empty is content, not absence.
test_empty_risk_table_is_assessable if {
	count(risk_005.not_assessable) == 0 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}

# A risk whose IF/THEN form could not be judged (null) is not reported; a
# row without an ID is named by its title, or "(untitled)".
test_fail_only_when_known_not_if_then if {
	fs := risk_005.fail with input as {
		"risk_register": {"risks": [
			{"id": "R-1", "title": "x", "if_then": null},
			{"id": " ", "title": "Data", "if_then": false},
			{"if_then": false, "loc": {"row": 7}},
		]},
		"fields_found": ["risk_register.risks"],
	}
	fs == {
		{"msg": "risk \"Data\" is not written as \"If …, then …\"", "loc": {}},
		{"msg": "risk \"(untitled)\" is not written as \"If …, then …\"", "loc": {"row": 7}},
	}
}
