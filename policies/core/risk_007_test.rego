package tollgate.rules.core.risk_007_test

import data.tollgate.rules.core.risk_007
import rego.v1

doc(risks) := {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": risks}}

test_pass if {
	count(risk_007.fail) == 0 with input as doc([{"id": "R-1", "title": "x", "status": "open", "severity": "high", "contingency_plan": "Extend parallel runs", "trigger": "", "due_date": "2027-01-15"}])
}

test_fail_missing_both if {
	fs := risk_007.fail with input as doc([{"id": "R-1", "title": "x", "status": "open", "severity": "high", "contingency_plan": "", "trigger": "", "due_date": null, "loc": {"row": 3}}])
	fs == {{"msg": "open high risk \"R-1 x\" has no contingency plan and no trigger or trigger date", "loc": {"row": 3}}}
}

test_medium_not_judged if {
	count(risk_007.fail) == 0 with input as doc([{"id": "R-2", "title": "y", "status": "open", "severity": "medium"}])
}

# No risk rows read and none reported as found: the rule cannot judge.
test_not_assessable_without_risk_rows if {
	rs := risk_007.not_assessable with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
	rs == {{"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}}
	count(risk_007.fail) == 0 with input as {"kind": "risk_register", "fields_found": [], "risk_register": {"issues": []}}
}

# A risk table the normalizer read but found empty is content, not absence.
test_empty_risk_table_is_assessable if {
	count(risk_007.not_assessable) == 0 with input as {"kind": "risk_register", "fields_found": ["risk_register.risks"], "risk_register": {"risks": []}}
}

# A free-text trigger is enough without a date; a missing contingency plan
# alone is reported as such.
test_fail_missing_contingency_only if {
	fs := risk_007.fail with input as doc([{"title": "Cutover", "status": "open", "severity": "high", "contingency_plan": null, "trigger": "Mock 2 fails", "due_date": null, "loc": {"row": 4}}])
	fs == {{"msg": "open high risk \"Cutover\" has no contingency plan", "loc": {"row": 4}}}
}

# A due date that is not a date is no trigger date.
test_fail_missing_trigger_only if {
	fs := risk_007.fail with input as doc([{"id": "R-3", "title": "z", "status": "deferred", "severity": "high", "contingency_plan": "Fallback", "trigger": "", "due_date": "Q3"}])
	fs == {{"msg": "open high risk \"R-3 z\" has no trigger or trigger date", "loc": {}}}
}
