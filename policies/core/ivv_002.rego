# METADATA
# title: IV&V plan affirms technical, managerial and financial independence
# description: >-
#   The plan states how IV&V is technically, managerially and financially independent of the developer, provider and PMO.
# scope: package
# custom:
#   id: IVV-002
#   severity: warning
#   kinds: [ivv_plan]
#   source: >-
#     IEEE 1012 Annex C (three independence parameters)
#   remediation: >-
#     State how the IV&V team is technically, managerially and financially independent of the developer/provider and PMO.
package tollgate.rules.core.ivv_002

import data.tollgate.lib
import rego.v1

plan := object.get(input, "ivv_plan", {})

fail contains f if {
	lib.found(input, "ivv_plan.independence")
	missing := [kind | some kind in ["technical", "managerial", "financial"]; object.get(plan, ["independence", kind], false) != true]
	count(missing) > 0
	f := {"msg": sprintf("the plan does not affirm %s independence", [concat(" or ", missing)]), "loc": {}}
}

not_assessable contains r if {
	not lib.found(input, "ivv_plan.independence")
	r := {"msg": "the plan's text could not be read for its independence statement", "missing": ["ivv_plan.independence"]}
}
