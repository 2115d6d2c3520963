package tollgate.rules.core.charter_009_test

import data.tollgate.rules.core.charter_009
import rego.v1

test_pass if {
	count(charter_009.fail) == 0 with input as {"charter": {"stakeholders": [{"name": "Angela Ruiz", "role": "Executive Sponsor"}]}}
}

test_fail if {
	count(charter_009.fail) == 1 with input as {"charter": {"stakeholders": []}}
}
