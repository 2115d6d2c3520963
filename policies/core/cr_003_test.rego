package tollgate.rules.core.cr_003_test

import data.tollgate.rules.core.cr_003
import rego.v1

fields := ["change_request.impact.hours", "change_request.impact.cost", "change_request.impact.schedule", "change_request.impact.scope"]

doc(impact) := {"kind": "change_request", "fields_found": fields, "change_request": {"impact": impact, "locs": {"impact.schedule": {"table": 4, "row": 3, "column": 2}}}}

test_pass_with_explicit_none if {
	count(cr_003.fail) == 0 with input as doc({"hours_raw": "0", "cost": "None", "schedule": "None to go-live", "scope": "No change"})
}

test_fail_schedule_tbd if {
	fs := cr_003.fail with input as doc({"hours_raw": "320", "cost": "$48,000", "schedule": "TBD", "scope": "None"})
	fs == {{"msg": "the change request records no schedule impact (\"TBD\")", "loc": {"table": 4, "row": 3, "column": 2}}}
}

test_fail_hours_empty if {
	fs := cr_003.fail with input as doc({"hours_raw": "", "cost": "$1", "schedule": "None", "scope": "None"})
	fs == {{"msg": "the change request records no estimated hours to implement", "loc": {}}}
}

test_not_assessable if {
	rs := cr_003.not_assessable with input as {"kind": "change_request", "fields_found": ["change_request.impact.hours"], "change_request": {}}
	rs == {{"msg": "the form lacks impact fields", "missing": ["change_request.impact.cost", "change_request.impact.schedule", "change_request.impact.scope"]}}
}
