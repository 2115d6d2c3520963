package tollgate.rules.core.pmp_001_test

import data.tollgate.rules.core.pmp_001
import rego.v1

# All twelve subsidiary plans present, as the normalizer lists them.
plans(missing) := [p |
	some k in ["cost", "quality", "staff", "communication", "risk", "procurement", "contract", "governance", "configuration", "change", "schedule", "scope"]
	p := {"key": k, "present": k != missing, "mode": mode(k, missing), "heading": heading(k, missing), "word_count": 12, "loc": {"section": "4 Plans"}}
]

mode(k, missing) := "inline" if k != missing

else := null

heading(k, missing) := "" if k != missing

else := "Cost Management Plan"

pmp(ps) := {"kind": "pmp", "fields_found": ["pmp.subsidiary_plans"], "pmp": {"subsidiary_plans": ps}}

test_pass_when_present if {
	count(pmp_001.fail) == 0 with input as pmp(plans("none"))
	count(pmp_001.not_assessable) == 0 with input as pmp(plans("none"))
}

test_fail_when_absent if {
	fs := pmp_001.fail with input as pmp(plans("cost"))
	fs == {{"msg": "the plan neither contains nor references a cost management plan (section \"Cost Management Plan\" has only 12 words)", "loc": {"section": "4 Plans"}, "absent": "pmp.subsidiary_plans.cost", "mentions": []}}
}

test_fail_when_not_listed if {
	fs := pmp_001.fail with input as pmp([p | some p in plans("none"); p.key != "cost"])
	fs == {{"msg": "the plan neither contains nor references a cost management plan", "loc": {}}}
}

test_fail_when_reference_not_in_submission if {
	ps := [q | some p in plans("none"); q := ref(p)]
	fs := pmp_001.fail with input as pmp(ps)
	count(fs) == 1
}

ref(p) := object.union(p, {"mode": "reference", "reference": "See the plan", "resolved": false}) if p.key == "cost"

else := p

test_not_assessable_when_plans_unread if {
	d := {"kind": "pmp", "fields_found": [], "pmp": {"subsidiary_plans": null}}
	count(pmp_001.not_assessable) == 1 with input as d
	count(pmp_001.fail) == 0 with input as d
}
