package tollgate.rules.core.charter_005_test

import data.tollgate.rules.core.charter_005
import rego.v1

test_pass if {
	count(charter_005.fail) == 0 with input as {"charter": {"scope": {"description": "", "in_scope": ["Payroll"], "out_of_scope": ["Core HR"]}}}
}

test_fail_without_scope_is_an_error if {
	fs := charter_005.fail with input as {"charter": {"scope": {"description": " ", "in_scope": [], "out_of_scope": ["Core HR"]}}}
	fs == {{"msg": "the charter does not state the program scope", "loc": {}}}
}

test_missing_exclusions_is_a_warning if {
	fs := charter_005.fail with input as {"charter": {"scope": {"description": "Move payroll to FPSSC.", "in_scope": [], "out_of_scope": []}}}
	fs == {{"msg": "the charter does not say what is out of scope", "loc": {}, "severity": "warning"}}
}
