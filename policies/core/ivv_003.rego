# METADATA
# title: IV&V plan defines reporting line and findings review cadence
# description: >-
#   The plan says to whom IV&V reports and how often findings are reviewed.
# scope: package
# custom:
#   id: IVV-003
#   severity: warning
#   kinds: [ivv_plan]
#   source: >-
#     M3 Guidance IV&V Plan (reporting structure; cadence and method for reviewing findings)
#   remediation: >-
#     Define to whom IV&V reports and how often findings are reviewed.
package tollgate.rules.core.ivv_003

import data.tollgate.lib
import rego.v1

plan := object.get(input, "ivv_plan", {})

fail contains f if {
	some field, what in {"reports_to": "to whom IV&V reports", "findings_review_cadence": "how often findings are reviewed"}
	lib.blank(object.get(plan, field, null))
	f := {"msg": sprintf("the plan does not say %s", [what]), "loc": {}}
}
