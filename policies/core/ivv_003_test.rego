package tollgate.rules.core.ivv_003_test

import data.tollgate.rules.core.ivv_003
import rego.v1

test_pass if {
	count(ivv_003.fail) == 0 with input as {"ivv_plan": {"reports_to": "Executive Sponsor", "findings_review_cadence": "monthly"}}
}

test_fail_each if {
	fs := ivv_003.fail with input as {"ivv_plan": {"reports_to": "", "findings_review_cadence": ""}}
	fs == {{"msg": "the plan does not say to whom IV&V reports", "loc": {}}, {"msg": "the plan does not say how often findings are reviewed", "loc": {}}}
}
