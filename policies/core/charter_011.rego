# METADATA
# title: Charter lists the major risks
# description: The charter lists the major known risks or references the initial RAID log.
# scope: package
# custom:
#   id: CHARTER-011
#   severity: warning
#   kinds: [charter]
#   source: >-
#     PMBOK6 §4.1.3.1 (overall project risk)
#   remediation: >-
#     List the major known risks or reference the initial RAID log.
package tollgate.rules.core.charter_011

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

list(key) := [x | some x in object.get(charter, key, []); not lib.blank(_text(x))]

_text(x) := x if is_string(x)

_text(x) := object.get(x, "text", object.get(x, "name", "")) if is_object(x)

fail contains f if {
	count(list("risks")) == 0
	f := {"msg": "the charter lists no risks", "loc": {}}
}
