package tollgate.rules.core.ivv_002_test

import data.tollgate.rules.core.ivv_002
import rego.v1

test_pass if {
	count(ivv_002.fail) == 0 with input as {"fields_found": ["ivv_plan.independence"], "ivv_plan": {"independence": {"technical": true, "managerial": true, "financial": true}}}
}

test_fail if {
	ivv_002.fail == {{"msg": "the plan does not affirm financial independence", "loc": {}}} with input as {"fields_found": ["ivv_plan.independence"], "ivv_plan": {"independence": {"technical": true, "managerial": true, "financial": false}}}
}

test_not_assessable if {
	count(ivv_002.not_assessable) == 1 with input as {"fields_found": []}
}
