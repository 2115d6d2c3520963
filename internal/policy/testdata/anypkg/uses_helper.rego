# METADATA
# title: Big budgets name a sponsor
# custom:
#   id: ORG-CHARTER-002
#   kinds: [charter]
package org.big_budget

import data.org.util

warn_sponsor contains "a budget over $1M needs a named sponsor" if {
	util.is_big(input.charter.budget.amount)
	not input.charter.sponsor.name
}
