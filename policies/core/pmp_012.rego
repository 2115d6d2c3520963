# METADATA
# title: PMP is approved
# description: The project management plan records a signed or dated approval.
# scope: package
# custom:
#   id: PMP-012
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 activity 1 (PMP approval precedes execution); M3 KT 1.2 ("begin
#     executing against PMP")
#   remediation: Obtain and record sponsor/governance approval of the PMP.
package tollgate.rules.core.pmp_012

import data.tollgate.lib
import rego.v1

fail contains f if {
	not lib.approved_on(input)
	f := {"msg": sprintf("the plan records no signed, dated approval%s", [note]), "loc": {}}
}

required := lib.required_roles(input)

note := sprintf(" by all required approvers (%s)", [concat(", ", sort(required))]) if count(required) > 0

else := ""
