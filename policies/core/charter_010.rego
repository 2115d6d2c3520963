# METADATA
# title: Charter records assumptions and constraints
# description: The charter records its high-level assumptions or constraints.
# scope: package
# custom:
#   id: CHARTER-010
#   severity: warning
#   kinds: [charter]
#   source: >-
#     PMBOK3 §4.1.3.1 (assumptions; constraints); PMBOK6 keeps the detail in an assumption log
#   remediation: >-
#     Record high-level assumptions and constraints (budget, dates, policy, dependencies).
package tollgate.rules.core.charter_010

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

list(key) := [x | some x in object.get(charter, key, []); not lib.blank(_text(x))]

_text(x) := x if is_string(x)

_text(x) := object.get(x, "text", object.get(x, "name", "")) if is_object(x)

fail contains f if {
	count(list("assumptions")) == 0
	count(list("constraints")) == 0
	f := {"msg": "the charter records no assumptions or constraints", "loc": {}}
}
