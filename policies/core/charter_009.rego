# METADATA
# title: Charter lists key stakeholders
# description: The charter lists the key stakeholders with role and organization.
# scope: package
# custom:
#   id: CHARTER-009
#   severity: warning
#   kinds: [charter]
#   source: >-
#     PMBOK6 §4.1.3.1 (key stakeholder list); M3 KT 1.2/3.1 stakeholder lists
#   remediation: >-
#     List key stakeholders with role and organization (customer/provider).
package tollgate.rules.core.charter_009

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

list(key) := [x | some x in object.get(charter, key, []); not lib.blank(_text(x))]

_text(x) := x if is_string(x)

_text(x) := object.get(x, "text", object.get(x, "name", "")) if is_object(x)

fail contains f if {
	count(list("stakeholders")) == 0
	f := {"msg": "the charter lists no stakeholders", "loc": {}}
}
