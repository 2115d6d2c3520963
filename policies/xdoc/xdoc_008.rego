# METADATA
# title: High risks are owned by members of the program organization
# description: >-
#   The owner of every open high risk is a person or role of the RACI/RMP or
#   stakeholder register.
# scope: package
# custom:
#   id: XDOC-008
#   severity: warning
#   kinds: [project]
#   source: M3 Guidance RAID (risk owner); PMBOK6 §11.5 (risk owners carry out responses)
#   remediation: Assign risks to named members of the program organization.
package tollgate.rules.xdoc.xdoc_008

import data.tollgate.lib
import data.tollgate.lib.people
import rego.v1

registers := object.get(input, ["by_kind", "risk_register"], [])

high_score := object.get(data.tollgate.thresholds, ["risk", "high_score"], 15)

high(x) if x.severity == "high"

high(x) if x.score >= high_score

# Open high risks with an owner (a missing owner is RISK-003's finding).
owned(reg) := [x |
	some x in object.get(reg, ["risk_register", "risks"], [])
	is_object(x)
	x.status in {"open", "deferred", "unknown"}
	high(x)
	not lib.blank(object.get(x, "owner", null))
]

label(x) := sprintf("%s %s", [x.id, x.title]) if not lib.blank(object.get(x, "id", null))

else := object.get(x, "title", "(untitled)")

checked contains reg.source.path if {
	people.has_roles
	some reg in registers
	count(owned(reg)) > 0
}

# A role name the organization lacks, or a person's name that is not in the
# personnel it lists.
fail contains f if {
	people.has_roles
	some reg in registers
	some x in owned(reg)
	not people.known(x.owner)
	judgeable(x.owner)
	f := {"msg": sprintf("open high risk %q is owned by %q, who is not a person or role of the RACI/RMP or stakeholder register", [label(x), x.owner]), "loc": lib.loc_or_doc(object.get(x, "loc", {})), "path": reg.source.path}
}

# Without personnel (a RACI matrix names roles only) an owner that is not a
# role may still be a member: that cannot be told.
judgeable(_) if people.has_personnel

not_assessable contains r if {
	some reg in registers
	some x in owned(reg)
	not people.known(x.owner)
	not people.has_personnel
	r := {"msg": sprintf("open high risk %q is owned by %q, which is not a role; the submission names no personnel (RMP personnel, stakeholder register) to look the name up", [label(x), x.owner]), "missing": ["raci.roles.person_name", "stakeholder_register.stakeholders"], "path": reg.source.path}
}
