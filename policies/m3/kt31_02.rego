# METADATA
# title: The PMP covers the key task 3.1 content list
# description: >-
#   From M3 phase 3 on, the PMP (inline or through linked plans) covers every
#   area key task 3.1's "Establish Program Management Plan (…)" activity lists
#   in m3.json: schedule, scope, risk, acquisition (procurement), cost,
#   communications and QA (quality).
# scope: package
# custom:
#   id: M3-3.1-02
#   severity: warning
#   kinds: [pmp]
#   source: M3 KT 3.1 activity 6 (PMP content list)
#   remediation: Extend the PMP (or its linked plans) to cover the missing areas.
package tollgate.rules.m3.kt31_02

import data.tollgate.lib
import data.tollgate.lib.m3
import rego.v1

# The playbook's words for the areas, mapped to the PMP subsidiary plan keys
# of the normalized model (a vocabulary, not the list: the list is read from
# the activity text).
plan_key := {
	"schedule": "schedule", "scope": "scope", "risk": "risk", "acquisition": "procurement",
	"procurement": "procurement", "cost": "cost", "communications": "communication",
	"communication": "communication", "qa": "quality", "quality": "quality",
}

activity := a if {
	some a in m3.key_task("3.1").activities
	regex.match(`(?i)^establish program management plan\s*\(`, a.text)
}

# areas: the words in the activity's parentheses.
areas := {lower(trim_space(w)) |
	inner := regex.find_all_string_submatch_n(`\(([^)]*)\)`, activity.text, 1)[0][1]
	some w in split(inner, ",")
	trim_space(w) != ""
}

present(key) if {
	some p in object.get(input, ["pmp", "subsidiary_plans"], [])
	p.key == key
	p.present == true
	object.get(p, "resolved", true) != false
}

phase := m3.current_phase

fail contains f if {
	phase >= 3
	missing := sort({a | some a in areas; not present(object.get(plan_key, a, a))})
	count(missing) > 0
	f := {"msg": sprintf("in M3 phase %d the PMP should cover %s (key task 3.1 activity %d) but lacks: %s", [phase, concat(", ", sort(areas)), activity.seq, concat(", ", missing)]), "loc": {}}
}

not_assessable contains r if {
	not phase
	r := {"msg": "the current M3 phase is unknown", "missing": ["project.phase"]}
}

not_assessable contains r if {
	phase >= 3
	lib.absent(input, "pmp.subsidiary_plans", object.get(input, ["pmp", "subsidiary_plans"], null))
	r := {"msg": "the subsidiary plans of this PMP could not be read", "missing": ["pmp.subsidiary_plans"]}
}
