# METADATA
# title: Every activity has a Responsible role
# description: >-
#   Every activity of the RACI matrix has at least one Responsible role
#   ("A/R" counts as R).
# scope: package
# custom:
#   id: RACI-002
#   severity: error
#   kinds: [raci]
#   source: RACI convention (someone must do the work)
#   remediation: Assign at least one responsible role.
package tollgate.rules.core.raci_002

import data.tollgate.lib
import rego.v1

activities := object.get(input, ["raci", "activities"], null)

fail contains f if {
	some a in activities
	is_object(a)

	# An activity with no assignment at all is RACI-003's finding.
	count(lib.codes([v | some vs in object.get(a, "assignments", {}); is_array(vs); some v in vs])) > 0
	count(lib.roles_with(a, "R")) == 0
	f := {"msg": sprintf("activity %q has no Responsible role", [lib.activity_name(a)]), "loc": lib.loc_or_doc(object.get(a, "loc", {}))}
}

not_assessable contains r if {
	lib.absent(input, "raci.activities", activities)
	r := {"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked)", "missing": ["raci.activities"]}
}
