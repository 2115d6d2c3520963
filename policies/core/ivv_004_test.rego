package tollgate.rules.core.ivv_004_test

import data.tollgate.rules.core.ivv_004
import rego.v1

doc(ds) := {"kind": "ivv_plan", "fields_found": ["ivv_plan.deliverables_under_review"], "ivv_plan": {"deliverables_under_review": ds}}

test_pass if {
	count(ivv_004.fail) == 0 with input as doc([{"name": "Program Management Plan"}])
}

test_fail_empty if {
	fs := ivv_004.fail with input as doc([])
	fs == {{"msg": "the plan does not list the deliverables IV&V will review (no \"Deliverables Under Review\" section or list)", "loc": {}}}
}

test_not_assessable if {
	count(ivv_004.not_assessable) == 1 with input as {"kind": "ivv_plan", "fields_found": [], "ivv_plan": {}}
}
