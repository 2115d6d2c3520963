package tollgate.rules.core.raci_004_test

import data.tollgate.rules.core.raci_004
import rego.v1

matrix(assign) := {"raci": {"roles": [{"name": "PM", "loc": {"cell": "C1"}}, {"name": "QA", "loc": {"cell": "D1"}}], "activities": [{"name": "Plan", "assignments": assign}]}, "fields_found": ["raci.activities"]}

test_pass_every_role_used if {
	count(raci_004.fail) == 0 with input as matrix({"PM": ["A", "R"], "QA": ["C"]})
}

test_fail_unused_role_at_its_header if {
	fs := raci_004.fail with input as matrix({"PM": ["A", "R"]})
	fs == {{"msg": "role \"QA\" holds no assignment", "loc": {"cell": "D1"}}}
}

test_not_assessable_without_activities if {
	count(raci_004.not_assessable) == 1 with input as {"raci": {"roles": [{"name": "PM"}], "activities": []}, "fields_found": ["raci.roles"]}
}
