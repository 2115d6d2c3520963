# METADATA
# title: Every open risk and issue has an owner
# description: >-
#   An open risk or issue names its owner.
# scope: package
# custom:
#   id: RISK-003
#   severity: error
#   kinds: [risk_register]
#   source: >-
#     M3 Guidance RAID ("assign all risks/issues to a risk owner")
#   remediation: >-
#     Assign a named owner (person, not just an organization).
package tollgate.rules.core.risk_003

import data.tollgate.lib
import rego.v1

rr := object.get(input, "risk_register", {})

open_items := [x | some key in ["risks", "issues"]; some x in object.get(rr, key, []); is_object(x); x.status in {"open", "deferred", "unknown"}]

label(x) := sprintf("%s %s", [x.id, x.title]) if {
	not lib.blank(object.get(x, "id", null))
} else := object.get(x, "title", "(untitled)")

not_assessable contains r if {
	lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	r := {"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}
}

fail contains f if {
	lib.found(input, "risk_register.columns.owner")
	some x in open_items
	lib.blank(object.get(x, "owner", null))
	f := {"msg": sprintf("open item %q has no owner", [label(x)]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

not_assessable contains r if {
	not lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	not lib.found(input, "risk_register.columns.owner")
	r := {"msg": "the register has no owner column", "missing": ["risk_register.columns.owner"]}
}
