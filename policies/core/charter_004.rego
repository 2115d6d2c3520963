# METADATA
# title: Charter summarizes high-level requirements
# description: The charter summarizes the high-level business and stakeholder requirements.
# scope: package
# custom:
#   id: CHARTER-004
#   severity: warning
#   kinds: [charter]
#   source: >-
#     PMBOK6 and PMBOK3 §4.1.3.1
#   remediation: >-
#     Summarize the high-level business/stakeholder requirements (detail belongs in the requirements plan/RTM).
package tollgate.rules.core.charter_004

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

list(key) := [x | some x in object.get(charter, key, []); not lib.blank(_text(x))]

_text(x) := x if is_string(x)

_text(x) := object.get(x, "text", object.get(x, "name", "")) if is_object(x)

fail contains f if {
	count(list("high_level_requirements")) == 0
	f := {"msg": "the charter summarizes no high-level requirements", "loc": {}}
}
