# METADATA
# title: PMP defines issue escalation
# description: >-
#   The plan's governance defines issue escalation: levels or tiers, criteria,
#   time limits and the resolution path.
# scope: package
# custom:
#   id: PMP-011
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.8 ("Governance Plan with Issue Escalation and Resolution
#     Process"); M3 Guidance §1.2 Governance Charter (decision rights, escalation criteria)
#   remediation: >-
#     Define escalation tiers, criteria and time limits, and how decisions are
#     recorded.
package tollgate.rules.core.pmp_011

import data.tollgate.lib
import rego.v1

governance := object.get(input, ["pmp", "governance"], null)

fail contains f if {
	not lib.absent(input, "pmp.governance", governance)
	object.get(governance, "escalation_defined", false) != true
	f := {"msg": msg, "loc": lib.loc_or_doc(object.get(governance, "loc", {}))}
}

msg := "the governance section does not define how issues are escalated and resolved" if governance.present == true

else := "the plan has no governance section, so issue escalation is not defined"

not_assessable contains r if {
	lib.absent(input, "pmp.governance", governance)
	r := {"msg": "the plan's governance content could not be read", "missing": ["pmp.governance"]}
}
