# METADATA
# title: PMP includes or references a contract management plan
# description: >-
#   The project management plan contains a contract management plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "contract").
# scope: package
# custom:
#   id: PMP-007
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.7 & §3.5 (contract manager: amendments, invoices, deliverables)
#   remediation: >-
#     Add/link a contract management plan (deliverable tracking, invoice review, amendments).
package tollgate.rules.core.pmp_007

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "contract")

not_assessable contains r if some r in lib.plan_not_assessable(input)
