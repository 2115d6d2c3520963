package tollgate.rules.core.raci_008_test

import data.tollgate.rules.core.raci_008
import rego.v1

rmp(roles) := {"kind": "raci", "fields_found": ["raci.roles", "raci.roles.filled", "raci.roles.acquired", "raci.roles.gaps"], "raci": {"roles": roles, "activities": []}}

test_pass_filled_and_dated if {
	count(raci_008.fail) == 0 with input as rmp([
		{"name": "Program Manager", "canonical": "program_manager", "filled": true, "acquired": true, "loc": {"row": 3}},
		{"name": "Data Analyst", "canonical": "data_analyst", "lead": false, "filled": false, "acquired": false, "gaps": [{"text": "hire by 2027-01-15", "target_date": "2027-01-15"}]},
	])
}

test_fail_vacant_lead if {
	fs := raci_008.fail with input as rmp([{"name": "Functional Lead", "canonical": "functional_lead", "lead": true, "filled": false, "acquired": true, "loc": {"table": 2, "row": 11}}])
	fs == {{"msg": "lead role \"Functional Lead\" is vacant", "loc": {"table": 2, "row": 11}}}
}

test_fail_leadership_band_not_acquired if {
	fs := raci_008.fail with input as rmp([{"name": "Deputy PM", "canonical": "deputy_pm", "group": "Overall Program Leadership Team", "filled": true, "acquired": false, "acquired_raw": "No", "loc": {"row": 5}}])
	fs == {{"msg": "the resources for lead role \"Deputy PM\" have not been acquired (\"No\")", "loc": {"row": 5}}}
}

test_fail_undated_gap if {
	fs := raci_008.fail with input as rmp([{"name": "Tech Lead", "canonical": "tech_lead", "lead": true, "filled": true, "acquired": true, "gaps": [{"text": "second analyst", "target_date": null, "loc": {"row": 7, "column": 12}}]}])
	fs == {{"msg": "gap \"second analyst\" of role \"Tech Lead\" has no target date to fill it", "loc": {"row": 7, "column": 12}}}
}

test_not_assessable_matrix if {
	count(raci_008.not_assessable) == 1 with input as {"kind": "raci", "fields_found": ["raci.roles", "raci.activities"], "raci": {"roles": [{"name": "PM"}], "activities": [{"name": "x", "assignments": {"PM": ["A"]}}]}}
}
