# METADATA
# title: Accountability and consultation are spread sensibly
# description: >-
#   No role is Accountable for more than half of the activities, or
#   Responsible or Accountable for more than 60 % of them; an activity with
#   more than five Consulted roles is reported for information.
# scope: package
# custom:
#   id: RACI-005
#   severity: warning
#   kinds: [raci]
#   source: >-
#     Practitioner heuristic (span of control, over-consultation) — thresholds
#     configurable (thresholds.raci)
#   remediation: >-
#     Delegate accountability; trim consulted lists to those whose input
#     changes the outcome.
package tollgate.rules.core.raci_005

import data.tollgate.lib
import rego.v1

activities := [a | some a in object.get(input, ["raci", "activities"], []); is_object(a)]

limits := object.get(data.tollgate.thresholds, "raci", {})

max_a := object.get(limits, "max_accountable_share", 0.5)

max_ra := object.get(limits, "max_responsible_accountable_share", 0.6)

max_c := object.get(limits, "max_consulted", 5)

n := count(activities)

role_loc(name) := lib.loc_or_doc(object.get(r, "loc", {})) if {
	some r in object.get(input, ["raci", "roles"], [])
	r.name == name
} else := {}

roles := {role | some a in activities; some role, _ in object.get(a, "assignments", {})}

holding(role, wanted) := count([a |
	some a in activities
	values := object.get(a, ["assignments", role], [])
	is_array(values)
	count(lib.codes(values) & wanted) > 0
])

pct(x) := round((x * 1000) / n) / 10

fail contains f if {
	n > 0
	some role in roles
	k := holding(role, {"A"})
	k / n > max_a
	f := {
		"msg": sprintf("role %q is Accountable for %d of %d activities (%v %%, limit %v %%)", [role, k, n, pct(k), max_a * 100]),
		"loc": role_loc(role),
		"metrics": {"value": pct(k), "numerator": k, "denominator": n, "threshold": max_a * 100},
	}
}

fail contains f if {
	n > 0
	some role in roles
	k := holding(role, {"A", "R"})
	k / n > max_ra
	f := {
		"msg": sprintf("role %q is Responsible or Accountable for %d of %d activities (%v %%, limit %v %%)", [role, k, n, pct(k), max_ra * 100]),
		"loc": role_loc(role),
		"metrics": {"value": pct(k), "numerator": k, "denominator": n, "threshold": max_ra * 100},
	}
}

fail contains f if {
	some a in activities
	consulted := lib.roles_with(a, "C")
	count(consulted) > max_c
	f := {
		"msg": sprintf("activity %q consults %d roles (more than %d): %s", [lib.activity_name(a), count(consulted), max_c, concat(", ", consulted)]),
		"loc": lib.loc_or_doc(object.get(a, "loc", {})),
		"severity": "info",
	}
}

not_assessable contains r if {
	lib.absent(input, "raci.activities", object.get(input, ["raci", "activities"], null))
	r := {"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked)", "missing": ["raci.activities"]}
}
