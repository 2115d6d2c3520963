package tollgate.rules.core.raci_001_test

import data.tollgate.rules.core.raci_001
import rego.v1

raci(activities) := {"kind": "raci", "fields_found": ["raci.roles", "raci.activities"], "raci": {"activities": activities}}

test_pass_one_accountable if {
	acts := [{"id": "1.1", "name": "Charter", "assignments": {"Sponsor": ["A"], "PM": ["R"]}, "loc": {"row": 3}}]
	count(raci_001.fail) == 0 with input as raci(acts)
}

test_a_slash_r_counts_as_a if {
	acts := [{"id": "1.1", "name": "Charter", "assignments": {"Sponsor": ["A/R"], "PM": ["C"]}, "loc": {"row": 3}}]
	count(raci_001.fail) == 0 with input as raci(acts)
}

test_fail_two_accountable_names_roles if {
	acts := [{"id": "2.3", "name": "Test plan", "assignments": {"PM": ["A"], "QA Lead": ["A/R"], "Dev": ["R"]}, "loc": {"sheet": "RACI", "row": 7}}]
	fs := raci_001.fail with input as raci(acts)
	fs == {{"msg": "activity \"2.3 Test plan\" has 2 Accountable roles: PM, QA Lead", "loc": {"sheet": "RACI", "row": 7}}}
}

test_fail_no_accountable if {
	acts := [{"name": "Budget", "assignments": {"PM": ["R"]}, "loc": {"row": 9}}]
	fs := raci_001.fail with input as raci(acts)
	fs == {{"msg": "activity \"Budget\" has no Accountable role", "loc": {"row": 9}}}
}

test_not_assessable_for_roles_only_table if {
	d := {"kind": "raci", "fields_found": ["raci.roles"], "raci": {"roles": [{"name": "PM"}], "activities": []}}
	count(raci_001.not_assessable) == 1 with input as d
	count(raci_001.fail) == 0 with input as d
}
