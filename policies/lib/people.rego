# The program's organization as the submission records it: the roles and
# personnel of RACI matrices and Resource Management Plans (kind raci) and
# the people of stakeholder registers (kind stakeholder_register, when the
# submission holds one). Project rules only. Not a rule: no METADATA.
package tollgate.lib.people

import data.tollgate.lib
import rego.v1

raci_docs := object.get(input, ["by_kind", "raci"], [])

stakeholders := [s |
	some d in object.get(input, ["by_kind", "stakeholder_register"], [])
	some s in object.get(d, ["stakeholder_register", "stakeholders"], [])
	is_object(s)
]

roles := [r |
	some d in raci_docs
	some r in object.get(d, ["raci", "roles"], [])
	is_object(r)
	not lib.blank(object.get(r, "name", null))
]

# norm(s): lower case, punctuation to spaces, one space between words.
norm(s) := trim_space(regex.replace(regex.replace(lower(s), `[^a-z0-9&]+`, " "), `\s+`, " ")) if is_string(s)

# bare(s): s without its parenthesised party mark ("Program Manager
# (Customer)" → "program manager").
bare(s) := norm(regex.replace(s, `\([^)]*\)`, " "))

role_names := {bare(n) | some r in roles; n := r.name} | {bare(s.role) | some s in stakeholders; is_string(s.role); trim_space(s.role) != ""}

person_names := {n |
	some r in roles
	n := object.get(r, "person_name", "")
	is_string(n)
	trim_space(n) != ""
} | {n | some s in stakeholders; n := object.get(s, "name", ""); is_string(n); trim_space(n) != ""}

# has_personnel: the submission names people (an RMP's personnel column or a
# stakeholder register), so a person's name can be looked up.
has_personnel if count(person_names) > 0

has_roles if count(role_names) > 0

is_role(s) if bare(s) in role_names

# same_person(a, b): equal names, or the same surname and first initial
# ("A. Ruiz", "Angela Ruiz").
same_person(a, b) if norm(a) == norm(b)

same_person(a, b) if {
	ta := split(norm(a), " ")
	tb := split(norm(b), " ")
	count(ta) >= 2
	count(tb) >= 2
	ta[count(ta) - 1] == tb[count(tb) - 1]
	substring(ta[0], 0, 1) == substring(tb[0], 0, 1)
}

is_person(s) if {
	some n in person_names
	same_person(s, n)
}

# known(s): s names a role or a person of the program organization.
known(s) if is_role(s)

known(s) if is_person(s)

# people_of(canonicals): the personnel named for roles with one of the
# canonical keys.
people_of(canonicals) := [r.person_name |
	some r in roles
	r.canonical in canonicals
	not lib.blank(object.get(r, "person_name", null))
]

# committed(r): an RMP role that needs at least one full-time resource or
# half of someone's time ("1 FTE (100%)", "2 FTEs", "1 (50% time)") — a
# working role the IMS should assign, unlike a sponsor's 10 % oversight.
committed(r) if {
	some m in regex.find_all_string_submatch_n(`(?i)(\d+(?:\.\d+)?)\s*FTE`, object.get(r, "commitment", ""), -1)
	to_number(m[1]) >= 1
}

committed(r) if {
	some m in regex.find_all_string_submatch_n(`(\d+(?:\.\d+)?)\s*%`, object.get(r, "commitment", ""), -1)
	to_number(m[1]) >= 50
}
