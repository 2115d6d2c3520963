# METADATA
# title: The IV&V plan lists the deliverables it reviews
# description: >-
#   The IV&V plan identifies the program deliverables and events IV&V will
#   assess (a "Deliverables Under Review" list).
# scope: package
# custom:
#   id: IVV-004
#   severity: warning
#   kinds: [ivv_plan]
#   source: M3 Guidance IV&V Plan (identify deliverables for IV&V review)
#   remediation: List the deliverables and events IV&V will assess.
package tollgate.rules.core.ivv_004

import data.tollgate.lib
import rego.v1

deliverables := object.get(input, ["ivv_plan", "deliverables_under_review"], null)

fail contains f if {
	not lib.absent(input, "ivv_plan.deliverables_under_review", deliverables)
	count([d | some d in object.get(input, ["ivv_plan", "deliverables_under_review"], []); not lib.blank(object.get(d, "name", null))]) == 0
	f := {"msg": "the plan does not list the deliverables IV&V will review (no \"Deliverables Under Review\" section or list)", "loc": {}}
}

not_assessable contains r if {
	lib.absent(input, "ivv_plan.deliverables_under_review", deliverables)
	r := {"msg": "the deliverables under review could not be read from the plan", "missing": ["ivv_plan.deliverables_under_review"]}
}
