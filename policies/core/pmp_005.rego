# METADATA
# title: PMP includes or references a risk management plan
# description: >-
#   The project management plan contains a risk management plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "risk").
# scope: package
# custom:
#   id: PMP-005
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.5; M3 KT 3.1 act. 6
#   remediation: >-
#     Add/link the risk management plan (process, roles, escalation, tools).
package tollgate.rules.core.pmp_005

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "risk")

not_assessable contains r if some r in lib.plan_not_assessable(input)
