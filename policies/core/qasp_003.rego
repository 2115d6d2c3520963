# METADATA
# title: Every performance requirement has an acceptable quality level
# description: >-
#   Each performance requirement states its acceptable quality level (the allowed deviation from the standard).
# scope: package
# custom:
#   id: QASP-003
#   severity: error
#   kinds: [qasp]
#   source: >-
#     QASP practice (DAU Acquipedia "QASP"; agency QASP templates: acceptable quality level per standard)
#   remediation: >-
#     Set the acceptable deviation/level (e.g. "95 % on time per quarter").
package tollgate.rules.core.qasp_003

import data.tollgate.lib.qasp
import rego.v1

fail contains f if some f in qasp.field_fails(input, "qasp", qasp.rows(input), "aql", "acceptable quality level")

not_assessable contains r if some r in qasp.not_assessable(input)
