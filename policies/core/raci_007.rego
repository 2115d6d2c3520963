# METADATA
# title: RACI assignments follow the M3 customer/provider split
# description: >-
#   An activity that stands for an M3 key task or activity honours its M3
#   responsible party: a shared one has a customer role and a provider role
#   among its R/A; a customer one is not Accountable to a provider role; a
#   provider one is not Accountable to a customer role.
# scope: package
# custom:
#   id: RACI-007
#   severity: warning
#   kinds: [raci]
#   source: >-
#     m3.json → tasks[].activities[].responsible_party; M3 KT 3.1 activities
#     3–4 (agree and document customer vs. provider responsibilities); seed 000
#     best practice (written agreements on roles)
#   remediation: >-
#     Realign assignments with the M3 responsible party or record the agreed
#     deviation.
package tollgate.rules.core.raci_007

import data.tollgate.lib
import data.tollgate.lib.m3tasks as m3
import rego.v1

activities := [a | some a in object.get(input, ["raci", "activities"], []); is_object(a)]

party_of := {r.name: r.party | some r in object.get(input, ["raci", "roles"], []); is_object(r); r.party in {"customer", "provider"}}

matched := [{"activity": a, "ref": r} |
	some a in activities
	r := m3.activity_ref(a)
]

label(r) := sprintf("M3 %s activity %d", [r.task, r.seq]) if r.seq

else := sprintf("M3 key task %s", [r.task])

holders(a, codes) := {role | some c in codes; some role in lib.roles_with(a, c)}

parties(roles) := {party_of[role] | some role in roles; party_of[role]}

fail contains f if {
	some x in matched
	m3.party(x.ref) == "shared"
	have := parties(holders(x.activity, {"R", "A"}))
	missing := [p | some p in ["customer", "provider"]; not p in have]
	count(missing) > 0
	f := {
		"msg": sprintf("activity %q is shared in M3 (%s) but no %s role is Responsible or Accountable", [lib.activity_name(x.activity), label(x.ref), concat(" or ", missing)]),
		"loc": lib.loc_or_doc(object.get(x.activity, "loc", {})),
	}
}

fail contains f if {
	some x in matched
	want := m3.party(x.ref)
	want in {"customer", "provider"}
	some role in holders(x.activity, {"A"})
	other := party_of[role]
	other != want
	f := {
		"msg": sprintf("activity %q is a %s responsibility in M3 (%s) but %s role %q is Accountable", [lib.activity_name(x.activity), want, label(x.ref), other, role]),
		"loc": lib.loc_or_doc(object.get(x.activity, "loc", {})),
	}
}

not_assessable contains r if {
	not m3.loaded
	r := {"msg": "the M3 playbook data is not loaded (data.tollgate.m3), so the customer/provider split cannot be checked", "missing": ["data.tollgate.m3"]}
}

not_assessable contains r if {
	lib.absent(input, "raci.activities", object.get(input, ["raci", "activities"], null))
	r := {"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked)", "missing": ["raci.activities"]}
}

not_assessable contains r if {
	m3.loaded
	count(activities) > 0
	count(matched) == 0
	r := {"msg": "no activity could be matched to an M3 key task: give activities an ID such as 3.1 (key task) or 3.1-4 (its 4th activity), named like the M3 text", "missing": ["raci.activities.m3_key_task"]}
}

not_assessable contains r if {
	count(matched) > 0
	count(party_of) == 0
	r := {"msg": "no role says whether it is a customer or a provider role: mark role names with (Customer) or (Provider)", "missing": ["raci.roles.party"]}
}
