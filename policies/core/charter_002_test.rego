package tollgate.rules.core.charter_002_test

import data.tollgate.rules.core.charter_002
import rego.v1

test_pass_with_objectives if {
	count(charter_002.fail) == 0 with input as {"kind": "charter", "charter": {"objectives": [{"text": "Close books in 5 days", "measurable": true, "loc": {}}]}}
}

test_fail_without_objectives if {
	count(charter_002.fail) == 1 with input as {"kind": "charter", "charter": {"objectives": []}}
	count(charter_002.fail) == 1 with input as {"kind": "charter", "charter": {}}
}

test_fail_when_objectives_are_blank if {
	count(charter_002.fail) == 1 with input as {"kind": "charter", "charter": {"objectives": [{"text": "  "}]}}
}
