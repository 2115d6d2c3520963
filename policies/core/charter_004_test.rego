package tollgate.rules.core.charter_004_test

import data.tollgate.rules.core.charter_004
import rego.v1

test_pass if {
	count(charter_004.fail) == 0 with input as {"charter": {"high_level_requirements": ["Pay all employees"]}}
}

test_fail if {
	count(charter_004.fail) == 1 with input as {"charter": {"high_level_requirements": []}}
	count(charter_004.fail) == 1 with input as {"charter": {}}
}
