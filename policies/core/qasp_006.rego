# METADATA
# title: Requirements trace to the PWS and unacceptable performance has remedies
# description: >-
#   Each performance requirement cites its PWS paragraph, and the plan has a remedy (incentive/disincentive) column or describes its corrective action process.
# scope: package
# custom:
#   id: QASP-006
#   severity: warning
#   kinds: [qasp]
#   source: >-
#     DAU Acquipedia QASP (each PWS objective linked to an inspection method); FAR 37.601(b)(3) (incentives tied to standards); FAR 46.407 (nonconforming services)
#   remediation: >-
#     Trace each row to its PWS paragraph; describe corrective action/remedies for unacceptable performance.
package tollgate.rules.core.qasp_006

import data.tollgate.lib
import data.tollgate.lib.qasp
import rego.v1

fail contains f if some f in qasp.field_fails(input, "qasp", qasp.rows(input), "pws_ref", "PWS reference")

fail contains f if {
	lib.found(input, "qasp.documentation")
	count(qasp.rows(input)) > 0
	not lib.found(input, "qasp.columns.remedy")
	object.get(input, ["qasp", "documentation", "corrective_action_process"], false) != true
	f := {"msg": "the plan has neither a remedy (incentive/disincentive) column nor a corrective action process for unacceptable performance", "loc": {}}
}

not_assessable contains r if some r in qasp.not_assessable(input)
