# METADATA
# title: Charter lists key deliverables
# description: The charter lists the major deliverables the program will produce.
# scope: package
# custom:
#   id: CHARTER-006
#   severity: warning
#   kinds: [charter]
#   source: >-
#     PMBOK6 §4.1.3.1 (key deliverables)
#   remediation: >-
#     List the major deliverables/outputs the program will produce.
package tollgate.rules.core.charter_006

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

list(key) := [x | some x in object.get(charter, key, []); not lib.blank(_text(x))]

_text(x) := x if is_string(x)

_text(x) := object.get(x, "text", object.get(x, "name", "")) if is_object(x)

fail contains f if {
	count(list("deliverables")) == 0
	f := {"msg": "the charter lists no deliverables", "loc": {}}
}
