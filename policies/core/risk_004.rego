# METADATA
# title: Every open risk is rated for probability and impact
# description: >-
#   An open risk carries a probability and an impact score on the 1–5 scale.
# scope: package
# custom:
#   id: RISK-004
#   severity: error
#   kinds: [risk_register]
#   source: >-
#     M3 Guidance RAID (probability and impact for all risks); M3 RAID 1–5 scales
#   remediation: >-
#     Rate probability and impact on the register's scale.
package tollgate.rules.core.risk_004

import data.tollgate.lib
import rego.v1

rr := object.get(input, "risk_register", {})

open_risks := [x | some x in object.get(rr, "risks", []); is_object(x); x.status in {"open", "deferred", "unknown"}]

label(x) := sprintf("%s %s", [x.id, x.title]) if {
	not lib.blank(object.get(x, "id", null))
} else := object.get(x, "title", "(untitled)")

not_assessable contains r if {
	lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	r := {"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}
}

rated(s) if {
	is_number(s)
	s >= 1
	s <= 5
}

fail contains f if {
	some x in open_risks
	missing := [what | some what in ["probability", "impact"]; not rated(object.get(x, [what, "score"], null))]
	count(missing) > 0
	f := {"msg": sprintf("open risk %q has no %s rating on the 1–5 scale", [label(x), concat(" or ", missing)]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}
