# METADATA
# title: PMP defines execution processes and their roles
# description: >-
#   The plan describes status meetings, quality assurance, deliverable
#   acceptance and lessons learned, and names the sponsor, the project (or
#   program) manager, the quality manager and the contract manager.
# scope: package
# custom:
#   id: PMP-014
#   severity: warning
#   kinds: [pmp]
#   source: >-
#     seed 002 §3.1–3.5 (roles) and §4 activities 8 (progress meetings), 10
#     (QA), 11 (deliverable acceptance by contract manager), 12 (lessons learned)
#   remediation: Add the execution processes and name who performs each.
package tollgate.rules.core.pmp_014

import data.tollgate.lib
import rego.v1

processes := object.get(input, ["pmp", "processes"], {})

process_names := {
	"status_meetings": "status meetings",
	"quality_assurance": "quality assurance",
	"deliverable_acceptance": "deliverable acceptance",
	"lessons_learned": "lessons learned",
}

roles := {lower(r) | some r in object.get(input, ["pmp", "roles"], []); is_string(r)}

# Each required role and the names that count for it.
required_roles := {
	"sponsor": {"sponsor"},
	"project manager": {"project manager", "program manager"},
	"quality manager": {"quality manager"},
	"contract manager": {"contract manager"},
}

fail contains f if {
	some key, name in process_names
	object.get(processes, key, false) != true
	f := {"msg": sprintf("the plan does not describe %s", [name]), "loc": {}}
}

fail contains f if {
	some role, names in required_roles
	count(roles & names) == 0
	f := {"msg": sprintf("the plan does not name the %s role", [role]), "loc": {}}
}

not_assessable contains r if {
	lib.absent(input, "pmp.subsidiary_plans", object.get(input, ["pmp", "subsidiary_plans"], null))
	r := {"msg": "the plan's sections could not be read", "missing": ["pmp.processes", "pmp.roles"]}
}
