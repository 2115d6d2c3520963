# METADATA
# title: PMP includes or references a staff (resource) management plan
# description: >-
#   The project management plan contains a staff (resource) management plan section
#   (at least thresholds.pmp.plan_min_words words) or references a separate
#   plan document found in the submission (subsidiary plan "staff").
# scope: package
# custom:
#   id: PMP-003
#   severity: error
#   kinds: [pmp]
#   source: >-
#     seed 002 §2.1.3, §3.3 (project staffing plan) and activity 2 (assemble the team); M3 KT 1.2 (Resource Management Plan)
#   remediation: >-
#     Add/link the staff (resource) management plan: roles, onboarding, attrition.
package tollgate.rules.core.pmp_003

import data.tollgate.lib
import rego.v1

fail contains f if some f in lib.plan_fail(input, "staff")

not_assessable contains r if some r in lib.plan_not_assessable(input)
