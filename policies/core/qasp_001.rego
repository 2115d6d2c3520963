# METADATA
# title: The QASP has a performance requirements summary
# description: >-
#   The plan lists the performance requirements it surveils (standard, acceptable quality level and method per requirement).
# scope: package
# custom:
#   id: QASP-001
#   severity: error
#   kinds: [qasp]
#   source: >-
#     FAR 46.401(a) (plan specifies all work requiring surveillance); FAR 37.604 (QASP requirements per Subpart 46.4); M3 KT 3.1 activity 7
#   remediation: >-
#     Add a performance requirements summary covering every PWS objective.
package tollgate.rules.core.qasp_001

import data.tollgate.lib
import data.tollgate.lib.qasp
import rego.v1

fail contains f if {
	lib.found(input, "qasp.performance_requirements")
	count(qasp.rows(input)) == 0
	f := {"msg": "the plan has no performance requirements summary (no table of standards, acceptable quality levels and surveillance methods)", "loc": {}}
}

not_assessable contains r if some r in qasp.not_assessable(input)
