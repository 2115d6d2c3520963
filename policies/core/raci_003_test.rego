package tollgate.rules.core.raci_003_test

import data.tollgate.rules.core.raci_003
import rego.v1

test_pass if {
	count(raci_003.fail) == 0 with input as {"raci": {"activities": [{"name": "Plan", "assignments": {"PM": ["A", "R"]}}]}, "fields_found": ["raci.activities"]}
}

test_fail_empty_row_at_its_loc if {
	fs := raci_003.fail with input as {"raci": {"activities": [{"id": "4", "name": "Test", "assignments": {}, "loc": {"sheet": "RACI", "row": 5}}]}, "fields_found": ["raci.activities"]}
	fs == {{"msg": "activity \"4 Test\" assigns no role", "loc": {"sheet": "RACI", "row": 5}}}
}

test_not_assessable_for_roles_only_table if {
	count(raci_003.not_assessable) == 1 with input as {"raci": {"roles": [{"name": "PM"}], "activities": []}, "fields_found": ["raci.roles"]}
}

test_row_of_other_codes_is_not_empty if {
	doc := {"kind": "raci", "fields_found": ["raci.activities"], "raci": {
		"activities": [{"name": "Vision", "assignments": {}}],
		"unknown_codes": [{"activity": "Vision", "role": "PO", "value": "Owns"}],
	}}
	count(raci_003.fail) == 0 with input as doc
}
