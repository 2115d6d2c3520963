# METADATA
# title: Exactly one Accountable per activity
# description: >-
#   Every activity of the RACI matrix has exactly one Accountable role
#   ("A/R" counts as A).
# scope: package
# custom:
#   id: RACI-001
#   severity: error
#   kinds: [raci]
#   source: >-
#     PMBOK6 Ch. 9 (RACI chart: one person accountable per task); general RACI
#     convention
#   remediation: Choose a single accountable role per activity; move the others to R/C.
package tollgate.rules.core.raci_001

import data.tollgate.lib
import rego.v1

activities := object.get(input, ["raci", "activities"], null)

fail contains f if {
	some a in activities
	is_object(a)

	# An activity with no assignment at all is RACI-003's finding.
	count(lib.codes([v | some vs in object.get(a, "assignments", {}); is_array(vs); some v in vs])) > 0
	roles := lib.roles_with(a, "A")
	count(roles) == 0
	f := {"msg": sprintf("activity %q has no Accountable role", [lib.activity_name(a)]), "loc": lib.loc_or_doc(object.get(a, "loc", {}))}
}

fail contains f if {
	some a in activities
	is_object(a)
	roles := lib.roles_with(a, "A")
	count(roles) > 1
	f := {
		"msg": sprintf("activity %q has %d Accountable roles: %s", [lib.activity_name(a), count(roles), concat(", ", roles)]),
		"loc": lib.loc_or_doc(object.get(a, "loc", {})),
	}
}

not_assessable contains r if {
	lib.absent(input, "raci.activities", activities)
	r := {"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked for accountability)", "missing": ["raci.activities"]}
}
