# METADATA
# title: Risks are written as IF … THEN
# description: >-
#   Each risk description states a cause and its effect as "If …, then …".
# scope: package
# custom:
#   id: RISK-005
#   severity: warning
#   kinds: [risk_register]
#   source: >-
#     M3 Guidance RAID ("write all risks as IF, THEN"); RAID instructions ("if/then" description)
#   remediation: >-
#     Rewrite as "If <cause/event>, then <effect on cost/schedule/scope>".
package tollgate.rules.core.risk_005

import data.tollgate.lib
import rego.v1

rr := object.get(input, "risk_register", {})

label(x) := sprintf("%s %s", [x.id, x.title]) if {
	not lib.blank(object.get(x, "id", null))
} else := object.get(x, "title", "(untitled)")

not_assessable contains r if {
	lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	r := {"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}
}

fail contains f if {
	some x in object.get(rr, "risks", [])
	is_object(x)
	x.if_then == false
	f := {"msg": sprintf("risk %q is not written as \"If …, then …\"", [label(x)]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}
