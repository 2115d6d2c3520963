# METADATA
# title: IMS resources are the program's roles
# description: >-
#   Every resource the IMS assigns is a role (or a person) of the RACI/RMP or
#   stakeholder register, and every RMP role with committed resources (at
#   least one FTE or half time) is assigned to some IMS task.
# scope: package
# custom:
#   id: XDOC-007
#   severity: warning
#   kinds: [project]
#   source: >-
#     M3 KT 1.2 best practice (align IMS resources to the RMP and acquisition
#     strategy); M3 Guidance IMS (align resources to the HR/Staffing and
#     Procurement plans); seed 004 best practice (align activities to specific
#     resources in the IMS)
#   remediation: Use the RMP role names in the IMS resource column; resolve orphans.
package tollgate.rules.xdoc.xdoc_007

import data.tollgate.lib
import data.tollgate.lib.people
import rego.v1

schedules := [s | some s in object.get(input, ["by_kind", "schedule"], []); lib.found(s, "schedule.columns.resources")]

assignments(s) := [{"resource": trim_space(r), "task": t} |
	some t in object.get(s, ["schedule", "tasks"], [])
	is_object(t)
	some r in object.get(t, "resources", [])
	is_string(r)
	trim_space(r) != ""
]

checked contains s.source.path if {
	people.has_roles
	some s in schedules
}

fail contains f if {
	people.has_roles
	some s in schedules
	links := assignments(s)
	some name in {a.resource | some a in links}
	not people.known(name)
	tasks := [a.task | some a in links; a.resource == name]
	f := {
		"msg": sprintf("IMS resource %q (on %d tasks) is not a role or person of the RACI/RMP or stakeholder register", [name, count(tasks)]),
		"loc": lib.loc_or_doc(object.get(tasks[0], "loc", {})), "path": s.source.path,
	}
}

assigned(r) if {
	some s in schedules
	some a in assignments(s)
	people.bare(a.resource) == people.bare(r.name)
}

assigned(r) if {
	not lib.blank(object.get(r, "person_name", null))
	some s in schedules
	some a in assignments(s)
	people.same_person(a.resource, r.person_name)
}

fail contains f if {
	count(schedules) > 0
	some d in people.raci_docs
	some r in object.get(d, ["raci", "roles"], [])
	people.committed(r)
	not assigned(r)
	f := {
		"msg": sprintf("RMP role %q has committed resources (%s) but no IMS task is assigned to it", [r.name, r.commitment]),
		"loc": lib.loc_or_doc(object.get(r, "loc", {})), "path": d.source.path,
	}
}

not_assessable contains r if {
	not people.has_roles
	some s in schedules
	r := {"msg": "the submission holds no RACI, RMP or stakeholder register to check the IMS resources against", "missing": ["raci.roles"], "path": s.source.path}
}
