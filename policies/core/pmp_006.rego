# METADATA
# title: PMP includes or references a procurement plan
# description: >-
#   The project management plan contains a procurement plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "procurement").
# scope: package
# custom:
#   id: PMP-006
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.6; M3 KT 3.1 act. 6 (acquisition); seed 004 (procurement plans updated in Phase 3)
#   remediation: >-
#     Add/link the procurement/acquisition plan, or waive when the program buys nothing.
package tollgate.rules.core.pmp_006

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "procurement")

not_assessable contains r if some r in lib.plan_not_assessable(input)
