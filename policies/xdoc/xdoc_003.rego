# METADATA
# title: The charter's sponsor and PM are in the program organization
# description: >-
#   The charter's sponsor is named (fuzzy match) in the stakeholder register
#   or among the RACI/RMP personnel; the charter's project manager is the
#   Program Manager the RMP/RACI names (a warning when not).
# scope: package
# custom:
#   id: XDOC-003
#   severity: error
#   kinds: [project]
#   source: >-
#     seed 001 (sponsor identified first); M3 KT 3.1 stakeholders (Executive
#     Sponsor, Program Manager); PMBOK6 §4.1.3.1 (key stakeholders)
#   remediation: >-
#     Add the sponsor (and the charter's PM) to the register and RACI, or
#     correct the names.
package tollgate.rules.xdoc.xdoc_003

import data.tollgate.lib
import data.tollgate.lib.people
import rego.v1

charters := object.get(input, ["by_kind", "charter"], [])

name_of(c, who) := n if {
	n := object.get(c, ["charter", who, "name"], "")
	not lib.blank(n)
}

loc_of(c, who) := lib.loc_or_doc(object.get(c, ["charter", who, "loc"], {}))

program_managers := people.people_of({"program_manager", "project_manager"})

checked contains c.source.path if {
	people.has_personnel
	some c in charters
	name_of(c, "sponsor")
}

fail contains f if {
	people.has_personnel
	some c in charters
	n := name_of(c, "sponsor")
	not people.is_person(n)
	f := {"msg": sprintf("the charter's sponsor %q is not in the stakeholder register or the RACI/RMP personnel", [n]), "loc": loc_of(c, "sponsor"), "path": c.source.path}
}

fail contains f if {
	count(program_managers) > 0
	some c in charters
	n := name_of(c, "project_manager")
	not pm_matches(n)
	f := {
		"msg": sprintf("the charter's program manager %q is not the Program Manager the RMP/RACI names (%s)", [n, concat(", ", sort({p | some p in program_managers}))]),
		"loc": loc_of(c, "project_manager"), "path": c.source.path, "severity": "warning",
	}
}

pm_matches(n) if {
	some p in program_managers
	people.same_person(n, p)
}

not_assessable contains r if {
	not people.has_personnel
	some c in charters
	name_of(c, "sponsor")
	r := {"msg": "the submission names no personnel (no RMP personnel column, no stakeholder register), so the charter's sponsor cannot be looked up", "missing": ["raci.roles.person_name", "stakeholder_register.stakeholders"], "path": c.source.path}
}
