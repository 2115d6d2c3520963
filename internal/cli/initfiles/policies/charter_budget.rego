# METADATA
# title: Charters state a budget, and name a sponsor when it is over $1M
# description: >-
#   PMO procedure 4.2 (an example: replace it with your own): every project
#   charter states its budget, and a charter whose budget is over $1,000,000
#   names its executive sponsor.
# related_resources:
#   - ref: https://example.org/pmo/procedures#4.2
#     description: PMO procedure 4.2
# custom:
#   id: ORG-CHARTER-001
#   severity: error
#   kinds: [charter]
#   remediation: >-
#     State the budget amount in the charter's Budget section; when it is over
#     $1M, name the sponsor in a Sponsor section.
package org.charter_budget

import data.tollgate.lib

deny contains "the charter states no budget amount" if {
	not input.charter.budget.amount
}

deny contains msg if {
	input.charter.budget.amount > 1000000
	lib.blank(object.get(input.charter, ["sponsor", "name"], null))
	msg := sprintf("the budget is $%v but the charter names no sponsor", [input.charter.budget.amount])
}
