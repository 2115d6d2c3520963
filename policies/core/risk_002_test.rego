package tollgate.rules.core.risk_002_test

import data.tollgate.rules.core.risk_002
import rego.v1

doc(risks, issues) := {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {
	"risks": risks, "issues": issues,
	"columns": {"id": "Risk #"}, "issue_columns": {"id": "Issue #"},
	"allowed_values": {"status": ["New", "In Progress"], "response": ["Avoid", "Mitigate", "Accept"]},
}}

risk(id, row) := {"id": id, "title": "t", "status": "open", "status_raw": "New", "response": "mitigate", "loc": {"row": row}}

test_pass if {
	count(risk_002.fail) == 0 with input as doc([risk("R-1", 3), risk("R-2", 4)], [{"id": "I-1", "title": "i", "related_ids": ["R-1"], "loc": {"row": 3}}])
}

test_fail_duplicate_id_at_second_row if {
	fs := risk_002.fail with input as doc([risk("R-1", 3), risk("R-1", 4)], [])
	fs == {{"msg": "risk ID \"R-1\" is used 2 times", "loc": {"row": 4}}}
}

test_fail_blank_id_and_dangling_reference if {
	fs := risk_002.fail with input as doc([risk("", 3)], [{"id": "I-1", "title": "i", "related_ids": ["R-9"], "loc": {"row": 5}}])
	fs == {
		{"msg": "risk \"t\" has no ID", "loc": {"row": 3}},
		{"msg": "issue I-1 refers to risk \"R-9\", which is not in the register", "loc": {"row": 5}},
	}
}

test_warning_value_outside_list if {
	fs := risk_002.fail with input as doc([object.union(risk("R-1", 3), {"status_raw": "Open"})], [])
	fs == {{"msg": "risk R-1 has status \"Open\", which is not in the register's list (New, In Progress)", "loc": {"row": 3}, "severity": "warning"}}
}

test_not_assessable if {
	count(risk_002.not_assessable) == 1 with input as {"kind": "risk_register", "fields_found": []}
}
