# METADATA
# title: Charter objectives are measurable, with success criteria
# description: Every objective carries a measure (number, percentage, amount or date), and the charter states success criteria.
# scope: package
# custom:
#   id: CHARTER-003
#   severity: warning
#   kinds: [charter]
#   source: >-
#     PMBOK6 §4.1.3.1 (measurable project objectives and related success criteria)
#   remediation: >-
#     Give each objective a metric, target and date (e.g. close cycle ≤ 5 days by FY26 Q2) and state how success is judged and by whom.
package tollgate.rules.core.charter_003

import data.tollgate.lib
import rego.v1

charter := object.get(input, "charter", {})

list(key) := [x | some x in object.get(charter, key, []); not lib.blank(_text(x))]

_text(x) := x if is_string(x)

_text(x) := object.get(x, "text", object.get(x, "name", "")) if is_object(x)

fail contains f if {
	some o in object.get(charter, "objectives", [])
	is_object(o)
	o.measurable == false
	f := {"msg": sprintf("objective %q has no measure (number, percentage, amount or date)", [o.text]), "loc": lib.loc_or_doc(object.get(o, "loc", {}))}
}

fail contains f if {
	count(list("success_criteria")) == 0
	f := {"msg": "the charter states no success criteria", "loc": {}}
}
