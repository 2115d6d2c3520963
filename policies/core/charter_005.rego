# METADATA
# title: Charter states the scope and its boundaries
# description: The charter describes what is in scope (error when missing) and explicitly what is out of scope (warning when missing).
# scope: package
# custom:
#   id: CHARTER-005
#   severity: error
#   kinds: [charter]
#   source: >-
#     PMBOK6 §4.1.3.1 (description and boundaries); M3 KT 1.2 best practice (charter with defined scope up front); M3 KT 3.1 activity 2 (update charter for scope/timeline changes)
#   remediation: >-
#     State what is in scope and, explicitly, what is out of scope (service areas, functions, systems, organizations).
package tollgate.rules.core.charter_005

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

scope := object.get(charter, "scope", {})

fail contains f if {
	count([x | some x in object.get(scope, "in_scope", []); not lib.blank(x)]) == 0
	lib.blank(object.get(scope, "description", null))
	f := {"msg": "the charter does not state the program scope", "loc": {}}
}

fail contains f if {
	count([x | some x in object.get(scope, "out_of_scope", []); not lib.blank(x)]) == 0
	f := {"msg": "the charter does not say what is out of scope", "loc": {}, "severity": "warning"}
}
