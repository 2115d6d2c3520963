# METADATA
# title: IV&V plan defines the findings process
# description: >-
#   The plan describes how findings and anomalies are logged, answered, escalated and closed.
# scope: package
# custom:
#   id: IVV-005
#   severity: warning
#   kinds: [ivv_plan]
#   source: >-
#     M3 Guidance IV&V Plan (procedures to incorporate findings; integrate with governance); IEEE 1012 administrative requirements (anomaly resolution and reporting)
#   remediation: >-
#     Describe findings tracking, response due dates, escalation to governance, and closure.
package tollgate.rules.core.ivv_005

import data.tollgate.lib
import rego.v1

plan := object.get(input, "ivv_plan", {})

fail contains f if {
	lib.found(input, "ivv_plan.findings_process")
	object.get(plan, ["findings_process", "defined"], false) != true
	f := {"msg": "the plan does not describe how findings are tracked to closure", "loc": {}}
}

not_assessable contains r if {
	not lib.found(input, "ivv_plan.findings_process")
	r := {"msg": "the plan's text could not be read for its findings process", "missing": ["ivv_plan.findings_process"]}
}
