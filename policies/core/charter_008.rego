# METADATA
# title: Charter states the budget
# description: The charter states the approved or estimated budget or its funding source.
# scope: package
# custom:
#   id: CHARTER-008
#   severity: warning
#   kinds: [charter]
#   source: >-
#     PMBOK6 (pre-approved financial resources); PMBOK3 (summary budget); seed 002 activity 1 (funding approved before execution)
#   remediation: >-
#     State the approved/estimated budget and funding source, or reference the LCCE/business case.
package tollgate.rules.core.charter_008

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

fail contains f if {
	b := object.get(charter, "budget", null)
	not _stated(b)
	f := {"msg": "the charter states no budget or funding", "loc": {}}
}

_stated(b) if {
	is_object(b)
	is_number(object.get(b, "amount", null))
}

_stated(b) if {
	is_object(b)
	not lib.blank(object.get(b, "text", null))
}
