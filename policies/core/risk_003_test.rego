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
	risk_003.not_assessable == {{"msg": "the register has no owner column", "missing": ["risk_register.columns.owner"]}} with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}

# No risk rows read and none reported as found: the rule cannot judge.
test_not_assessable_without_risk_rows if {
	rs := risk_003.not_assessable with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
	rs == {{"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}}
	count(risk_003.fail) == 0 with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
}

# A risk table the normalizer read but found empty is content, not absence.
test_empty_risk_table_is_assessable if {
	count(risk_003.not_assessable) == 0 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks", "risk_register.columns.owner"], "risk_register": {"risks": []}}
}

# Open issues need an owner too; a row without an ID is named by its title,
# one without either as "(untitled)".
test_fail_labels_issue_rows_without_id if {
	fs := risk_003.fail with input as {"kind": "risk_register", "fields_found": ["risk_register.risks", "risk_register.columns.owner"], "risk_register": {"risks": [{"id": "", "title": "Data", "owner": null, "status": "deferred", "loc": {"row": 4}}], "issues": [{"status": "unknown", "loc": {"row": 9}}]}}
	fs == {
		{"msg": "open item \"Data\" has no owner", "loc": {"row": 4}},
		{"msg": "open item \"(untitled)\" has no owner", "loc": {"row": 9}},
	}
}
