# METADATA
# title: PMP includes or references a communication plan
# description: >-
#   The project management plan contains a communication plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "communication").
# scope: package
# custom:
#   id: PMP-004
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.4; M3 KT 3.1 act. 6
#   remediation: >-
#     Add/link the communication plan (audiences, vehicles, frequency, owners).
package tollgate.rules.core.pmp_004

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "communication")

not_assessable contains r if some r in lib.plan_not_assessable(input)
