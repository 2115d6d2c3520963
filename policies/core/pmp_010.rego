# METADATA
# title: PMP includes or references a change management plan
# description: >-
#   The project management plan contains a change management plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "change").
# scope: package
# custom:
#   id: PMP-010
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.10; M3 KT 1.7 (OCM Change Management Plan); M3 CR form (change control)
#   remediation: >-
#     Add/link the change management plan: change request, impact analysis, CCB decision rights.
package tollgate.rules.core.pmp_010

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "change")

not_assessable contains r if some r in lib.plan_not_assessable(input)
