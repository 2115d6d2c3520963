# METADATA
# title: PMP covers schedule and scope management
# description: >-
#   The plan includes or references how the schedule is baselined, updated and
#   changed, and how scope is controlled.
# scope: package
# custom:
#   id: PMP-013
#   severity: warning
#   kinds: [pmp]
#   source: >-
#     M3 KT 3.1 activity 6 (schedule, scope); M3 Guidance Initial Master
#     Schedule/IMS (schedule management process, weekly update, change-control
#     decision rights)
#   remediation: >-
#     Describe how the schedule is baselined, updated (weekly in M3) and
#     changed, and how scope is controlled.
package tollgate.rules.core.pmp_013

import data.tollgate.lib
import rego.v1

fail contains f if {
	some key in ["schedule", "scope"]
	some r in lib.plan_fail(input, key)
	f := r
}

not_assessable contains r if {
	lib.absent(input, "pmp.subsidiary_plans", object.get(input, ["pmp", "subsidiary_plans"], null))
	r := {"msg": "the plan's sections could not be read", "missing": ["pmp.subsidiary_plans"]}
}
