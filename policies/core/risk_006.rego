# METADATA
# title: High risks have a response and a plan
# description: >-
#   An open high (error) or medium (warning) risk has a response strategy and a response plan.
# scope: package
# custom:
#   id: RISK-006
#   severity: error
#   kinds: [risk_register]
#   source: >-
#     M3 Guidance RAID (approved response strategy for all risks); M3 phase 1 & 2 exit criteria "Mitigation Plans in Place for Major Risks/Issues"; M3 tollgate 3 "Top Risks" slide
#   remediation: >-
#     Choose avoid/mitigate/transfer/accept and write the concrete actions with dates.
package tollgate.rules.core.risk_006

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
	x.severity in {"high", "medium"}
	missing := [what | some what in ["response", "response_plan"]; lib.blank(object.get(x, what, null))]
	count(missing) > 0
	f := object.union(
		{"msg": sprintf("open %s risk %q has no %s", [x.severity, label(x), concat(" or ", [replace(m, "_", " ") | some m in missing])]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))},
		_severity(x),
	)
}

_severity(x) := {"severity": "warning"} if x.severity == "medium"

else := {}
