package org.charter_budget_test

import data.org.charter_budget

test_no_budget_is_denied if {
	"the charter states no budget amount" in charter_budget.deny with input as {"kind": "charter", "charter": {}}
}

test_large_budget_needs_a_sponsor if {
	msgs := charter_budget.deny with input as {"kind": "charter", "charter": {"budget": {"amount": 2500000}}}
	msgs == {"the budget is $2500000 but the charter names no sponsor"}
}

test_large_budget_with_sponsor_passes if {
	count(charter_budget.deny) == 0 with input as {"kind": "charter", "charter": {"budget": {"amount": 2500000}, "sponsor": {"name": "Jordan Lee"}}}
}

# A real document: tollgate.parse_file reads it as `tollgate check` would.
test_real_charter_passes if {
	doc := tollgate.parse_file("testdata/charter.md")
	doc.kind == "charter"
	count(charter_budget.deny) == 0 with input as doc
}
