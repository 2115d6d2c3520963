package tollgate.rules.core.charter_006_test

import data.tollgate.rules.core.charter_006
import rego.v1

test_pass if {
	count(charter_006.fail) == 0 with input as {"charter": {"deliverables": ["PMP"]}}
}

test_fail if {
	count(charter_006.fail) == 1 with input as {"charter": {"deliverables": [""]}}
}
