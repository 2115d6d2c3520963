package tollgate.rules.core.charter_010_test

import data.tollgate.rules.core.charter_010
import rego.v1

test_pass_with_either if {
	count(charter_010.fail) == 0 with input as {"charter": {"assumptions": ["Capacity reserved"], "constraints": []}}
	count(charter_010.fail) == 0 with input as {"charter": {"assumptions": [], "constraints": ["Contract ends 2027"]}}
}

test_fail_with_neither if {
	count(charter_010.fail) == 1 with input as {"charter": {"assumptions": [], "constraints": []}}
}
