# METADATA
# title: PMP includes or references a quality management plan
# description: >-
#   The project management plan contains a quality management plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "quality").
# scope: package
# custom:
#   id: PMP-002
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.2; M3 KT 3.1 act. 6 (QA); seed 002 activity 10
#   remediation: >-
#     Add/link a quality management plan (standards, QA reviews, deliverable quality checks).
package tollgate.rules.core.pmp_002

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "quality")

not_assessable contains r if some r in lib.plan_not_assessable(input)
