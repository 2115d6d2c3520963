package tollgate.rules.core.raci_002_test

import data.tollgate.rules.core.raci_002
import rego.v1

raci(activities) := {"kind": "raci", "fields_found": ["raci.activities"], "raci": {"activities": activities}}

test_pass_with_responsible if {
	acts := [{"name": "Charter", "assignments": {"Sponsor": ["A"], "PM": ["R"]}}]
	count(raci_002.fail) == 0 with input as raci(acts)
}

test_a_slash_r_counts_as_r if {
	acts := [{"name": "Charter", "assignments": {"Sponsor": ["A/R"]}}]
	count(raci_002.fail) == 0 with input as raci(acts)
}

test_fail_no_responsible if {
	acts := [{"id": "3", "name": "Budget", "assignments": {"PM": ["A"], "CFO": ["C", "I"]}, "loc": {"row": 5}}]
	fs := raci_002.fail with input as raci(acts)
	fs == {{"msg": "activity \"3 Budget\" has no Responsible role", "loc": {"row": 5}}}
}

test_not_assessable_for_roles_only_table if {
	d := {"kind": "raci", "fields_found": ["raci.roles"], "raci": {"activities": null}}
	count(raci_002.not_assessable) == 1 with input as d
}
