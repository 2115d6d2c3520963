# METADATA
# title: PMP includes or references a cost management plan
# description: >-
#   The project management plan contains a cost management plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "cost").
# scope: package
# custom:
#   id: PMP-001
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.1; M3 KT 3.1 act. 6 (cost)
#   remediation: >-
#     Add a cost management section (budget baseline, cost tracking, variance thresholds) or link the cost plan.
package tollgate.rules.core.pmp_001

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "cost")

not_assessable contains r if some r in lib.plan_not_assessable(input)
