# METADATA
# title: Charters over $1M state their budget
# description: Every charter states a budget, and the sponsor signs budgets over $1M.
# related_resources:
#   - ref: https://example.org/pmo/procedure-7
#     description: PMO procedure 7
# custom:
#   id: ORG-CHARTER-001
#   severity: warning
#   kinds: [charter]
#   remediation: State the budget amount in the charter's budget section.
package org.charter_budget

deny contains msg if {
	not input.charter.budget.amount
	msg := "the charter states no budget"
}
