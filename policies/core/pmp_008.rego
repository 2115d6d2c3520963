# METADATA
# title: PMP includes or references a governance plan
# description: >-
#   The project management plan contains a governance plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "governance").
# scope: package
# custom:
#   id: PMP-008
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.8; M3 KT 1.3/3.2 (governance plan)
#   remediation: >-
#     Add/link the governance plan (bodies, membership, decision rights).
package tollgate.rules.core.pmp_008

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "governance")

not_assessable contains r if some r in lib.plan_not_assessable(input)
