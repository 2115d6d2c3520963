# METADATA
# title: Risks past their trigger date are escalated or realized
# description: >-
#   An open risk whose trigger (due) date has passed is escalated, or an
#   issue in the register refers to it (the risk was realized).
# scope: package
# custom:
#   id: RISK-010
#   severity: warning
#   kinds: [risk_register]
#   source: M3 RAID instructions (trigger date = date the risk is realized if not addressed)
#   remediation: Escalate, convert to an issue, or update the trigger date with rationale.
package tollgate.rules.core.risk_010

import data.tollgate.lib
import rego.v1

rr := object.get(input, "risk_register", {})

open_risks := [x | some x in object.get(rr, "risks", []); is_object(x); x.status in {"open", "deferred", "unknown"}]

label(x) := sprintf("%s %s", [x.id, x.title]) if not lib.blank(object.get(x, "id", null))

else := object.get(x, "title", "(untitled)")

trigger(x) := d if {
	d := lib.day(x.trigger_date)
} else := lib.day(x.due_date)

escalated(x) if regex.match(`(?i)escalat`, object.get(x, "status_raw", ""))

realized(x) if {
	some i in object.get(rr, "issues", [])
	some ref in object.get(i, "related_ids", [])
	trim_space(ref) == trim_space(x.id)
}

fail contains f if {
	lib.as_of
	some x in open_risks
	d := trigger(x)
	d < lib.as_of
	not escalated(x)
	not realized(x)
	f := {"msg": sprintf("open risk %q passed its trigger date %s (as of %s) without being escalated or logged as an issue", [label(x), d, lib.as_of]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

not_assessable contains r if {
	not lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	not lib.found(input, "risk_register.columns.due_date")
	not lib.found(input, "risk_register.columns.trigger_date")
	r := {"msg": "the register has no trigger or due date column", "missing": ["risk_register.columns.due_date"]}
}

not_assessable contains r if {
	lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	r := {"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}
}
