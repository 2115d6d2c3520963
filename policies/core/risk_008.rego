# METADATA
# title: Risks state closure criteria; closed issues their date
# description: >-
#   An open risk states its closure criteria; a closed issue records its closed date, not before it was created.
# scope: package
# custom:
#   id: RISK-008
#   severity: warning
#   kinds: [risk_register]
#   source: >-
#     M3 Guidance RAID (closure criteria for all risks/issues; expected closure dates); M3 Issue Log (Closed Date)
#   remediation: >-
#     State when the item can be closed; record closure dates.
package tollgate.rules.core.risk_008

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

fail contains f if {
	some x in open_risks
	lib.blank(object.get(x, "closure_criteria", null))
	f := {"msg": sprintf("open risk %q states no closure criteria", [label(x)]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

fail contains f if {
	some x in object.get(rr, "issues", [])
	is_object(x)
	x.status == "closed"
	not lib.day(object.get(x, "closed_date", null))
	f := {"msg": sprintf("closed issue %q has no closed date", [label(x)]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

fail contains f if {
	some key in ["risks", "issues"]
	some x in object.get(rr, key, [])
	is_object(x)
	closed := lib.day(object.get(x, "closed_date", null))
	created := lib.day(object.get(x, "created_on", null))
	closed < created
	f := {"msg": sprintf("%q was closed on %s, before it was created on %s", [label(x), closed, created]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}
