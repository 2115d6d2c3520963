# METADATA
# title: IV&V plan names the independent party
# description: >-
#   The plan names the organization that performs IV&V.
# scope: package
# custom:
#   id: IVV-001
#   severity: error
#   kinds: [ivv_plan]
#   source: >-
#     M3 Guidance IV&V Plan (identify the independent party); M3 KT 1.2 best practice
#   remediation: >-
#     Name the IV&V organization and its contract/agreement.
package tollgate.rules.core.ivv_001

import data.tollgate.lib
import rego.v1

plan := object.get(input, "ivv_plan", {})

fail contains f if {
	lib.found(input, "ivv_plan.provider")
	lib.blank(object.get(plan, ["provider", "organization"], null))
	lib.blank(object.get(plan, ["provider", "name"], null))
	f := lib.missing({"msg": "the plan does not name the organization that performs IV&V", "loc": {}}, "ivv_plan.provider")
}

not_assessable contains r if {
	not lib.found(input, "ivv_plan.provider")
	r := {"msg": "the plan's text could not be read for its IV&V provider", "missing": ["ivv_plan.provider"]}
}
