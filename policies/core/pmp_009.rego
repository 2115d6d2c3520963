# METADATA
# title: PMP includes or references a configuration management plan
# description: >-
#   The project management plan contains a configuration management plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "configuration").
# scope: package
# custom:
#   id: PMP-009
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.9; M3 KT 3.12 output (Configuration Management Plan)
#   remediation: >-
#     Add/link the configuration management plan (controlled items, repositories, baselines).
package tollgate.rules.core.pmp_009

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "configuration")

not_assessable contains r if some r in lib.plan_not_assessable(input)
