package tollgate.rules.core.ivv_001_test

import data.tollgate.rules.core.ivv_001
import rego.v1

test_pass if {
	count(ivv_001.fail) == 0 with input as {"fields_found": ["ivv_plan.provider"], "ivv_plan": {"provider": {"name": "", "organization": "Meridian Assurance Group"}}}
}

test_fail if {
	ivv_001.fail == {{"msg": "the plan does not name the organization that performs IV&V", "loc": {}, "absent": "ivv_plan.provider", "mentions": []}} with input as {"fields_found": ["ivv_plan.provider"], "ivv_plan": {"provider": {"name": "", "organization": ""}}}
}

test_not_assessable if {
	count(ivv_001.not_assessable) == 1 with input as {"fields_found": [], "ivv_plan": {}}
}
