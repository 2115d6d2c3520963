package tollgate.rules.core.ivv_005_test

import data.tollgate.rules.core.ivv_005
import rego.v1

test_pass if {
	count(ivv_005.fail) == 0 with input as {"fields_found": ["ivv_plan.findings_process"], "ivv_plan": {"findings_process": {"defined": true}}}
}

test_fail if {
	count(ivv_005.fail) == 1 with input as {"fields_found": ["ivv_plan.findings_process"], "ivv_plan": {"findings_process": {"defined": false}}}
}

test_not_assessable if {
	count(ivv_005.not_assessable) == 1 with input as {"fields_found": []}
}
