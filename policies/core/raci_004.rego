# METADATA
# title: Every role column is used
# description: Each role of the RACI matrix holds at least one assignment.
# scope: package
# custom:
#   id: RACI-004
#   severity: warning
#   kinds: [raci]
#   source: >-
#     RACI convention (unused role ⇒ stale matrix or missing assignments)
#   remediation: Assign the role or remove it.
package tollgate.rules.core.raci_004

import data.tollgate.lib
import rego.v1

activities := object.get(input, ["raci", "activities"], null)

used := {role |
	some a in activities
	is_object(a)
	some role, values in object.get(a, "assignments", {})
	count(lib.codes(values)) > 0
}

fail contains f if {
	is_array(activities)
	count(activities) > 0
	some r in object.get(input, ["raci", "roles"], [])
	is_object(r)
	not r.name in used
	f := {"msg": sprintf("role %q holds no assignment", [r.name]), "loc": lib.loc_or_doc(object.get(r, "loc", {}))}
}

not_assessable contains r if {
	lib.absent(input, "raci.activities", activities)
	r := {"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked)", "missing": ["raci.activities"]}
}
