package tollgate.rules.core.charter_008_test

import data.tollgate.rules.core.charter_008
import rego.v1

test_pass_with_amount_or_text if {
	count(charter_008.fail) == 0 with input as {"charter": {"budget": {"amount": 14600000, "text": ""}}}
	count(charter_008.fail) == 0 with input as {"charter": {"budget": {"amount": null, "text": "Funded by the Working Capital Fund."}}}
}

test_fail if {
	count(charter_008.fail) == 1 with input as {"charter": {"budget": null}}
	count(charter_008.fail) == 1 with input as {"charter": {"budget": {"amount": null, "text": " "}}}
}
