# METADATA
# title: Every activity has at least one assignment
# description: An activity row of the RACI matrix assigns at least one role.
# scope: package
# custom:
#   id: RACI-003
#   severity: error
#   kinds: [raci]
#   source: >-
#     RACI convention; M3 KT 3.1 activity 4 (document roles and responsibilities)
#   remediation: Assign roles or delete the activity.
package tollgate.rules.core.raci_003

import data.tollgate.lib
import rego.v1

activities := object.get(input, ["raci", "activities"], null)

fail contains f if {
	some a in activities
	is_object(a)
	count(lib.codes([v | some vs in object.get(a, "assignments", {}); is_array(vs); some v in vs])) == 0
	not has_other_codes(a)
	f := {"msg": sprintf("activity %q assigns no role", [lib.activity_name(a)]), "loc": lib.loc_or_doc(object.get(a, "loc", {}))}
}

not_assessable contains r if {
	lib.absent(input, "raci.activities", activities)
	r := {"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked)", "missing": ["raci.activities"]}
}

# A row whose cells hold codes other than RACI's ("Owns", "Helps") assigns
# roles: RACI-006 reports the codes, this rule does not call the row empty.
has_other_codes(a) if {
	some u in object.get(input, ["raci", "unknown_codes"], [])
	u.activity == a.name
}
