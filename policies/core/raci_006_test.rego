package tollgate.rules.core.raci_006_test

import data.tollgate.rules.core.raci_006
import rego.v1

test_pass if {
	count(raci_006.fail) == 0 with input as {"raci": {"activities": [{"name": "x"}], "unknown_codes": []}, "fields_found": ["raci.activities"]}
}

test_fail_each_unknown_code if {
	fs := raci_006.fail with input as {"raci": {"activities": [{"name": "Plan"}], "unknown_codes": [{"activity": "Plan", "role": "PM", "value": "Yes", "loc": {"cell": "C2"}}]}, "fields_found": ["raci.activities"]}
	fs == {{"msg": "\"Yes\" is not a RACI code (activity \"Plan\", role \"PM\")", "loc": {"cell": "C2"}}}
}

# A roles-only table (no activity rows) cannot be checked.
test_not_assessable_without_activities if {
	rs := raci_006.not_assessable with input as {"raci": {"roles": ["PM"]}, "fields_found": ["raci.roles"]}
	rs == {{"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked)", "missing": ["raci.activities"]}}
	count(raci_006.fail) == 0 with input as {"raci": {"roles": ["PM"]}, "fields_found": ["raci.roles"]}
}

test_assessable_with_activities if {
	count(raci_006.not_assessable) == 0 with input as {"raci": {"activities": [{"name": "Plan"}]}, "fields_found": ["raci.activities"]}
}
