package tollgate.rules.core.charter_011_test

import data.tollgate.rules.core.charter_011
import rego.v1

test_pass if {
	count(charter_011.fail) == 0 with input as {"charter": {"risks": ["Data quality"]}}
}

test_fail if {
	count(charter_011.fail) == 1 with input as {"charter": {}}
}
