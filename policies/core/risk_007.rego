# METADATA
# title: High risks have a contingency plan and a trigger
# description: >-
#   An open high risk has a contingency plan and a trigger or trigger date.
# scope: package
# custom:
#   id: RISK-007
#   severity: warning
#   kinds: [risk_register]
#   source: >-
#     M3 Guidance RAID (contingency approach; trigger dates when risks become issues); M3 RAID columns (Risk Trigger, Due Date (Trigger Date), Risk Contingency Plan)
#   remediation: >-
#     Add the fallback plan and the trigger/date that activates it.
package tollgate.rules.core.risk_007

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
	x.severity == "high"
	missing := array.concat(_no_contingency(x), _no_trigger(x))
	count(missing) > 0
	f := {"msg": sprintf("open high risk %q has no %s", [label(x), concat(" and no ", missing)]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

_no_contingency(x) := ["contingency plan"] if lib.blank(object.get(x, "contingency_plan", null))

else := []

_no_trigger(x) := [] if _has_trigger(x)

else := ["trigger or trigger date"]

_has_trigger(x) if not lib.blank(object.get(x, "trigger", null))

_has_trigger(x) if lib.day(object.get(x, "due_date", null))
