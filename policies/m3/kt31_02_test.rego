package tollgate.rules.m3.kt31_02_test

import data.tollgate.rules.m3.kt31_02
import rego.v1

plans(keys) := [{"key": k, "present": true} | some k in keys]

pmp(keys) := {"kind": "pmp", "source": {"path": "PMP.docx"}, "fields_found": ["pmp.subsidiary_plans"], "pmp": {"subsidiary_plans": plans(keys)}}

all := ["schedule", "scope", "risk", "procurement", "cost", "communication", "quality"]

test_areas_come_from_the_playbook if {
	kt31_02.areas == {"schedule", "scope", "risk", "acquisition", "cost", "communications", "qa"}
}

test_pass_all_areas if {
	count(kt31_02.fail) == 0 with input as pmp(all) with data.tollgate.project as {"phase": 3}
}

test_fail_missing_areas if {
	fs := kt31_02.fail with input as pmp(["schedule", "scope", "risk", "cost", "communication"]) with data.tollgate.project as {"phase": 4}
	fs == {{"msg": "in M3 phase 4 the PMP should cover acquisition, communications, cost, qa, risk, schedule, scope (key task 3.1 activity 6) but lacks: acquisition, qa", "loc": {}}}
}

test_not_checked_before_phase3 if {
	count(kt31_02.fail) == 0 with input as pmp([]) with data.tollgate.project as {"phase": 2}
}

test_not_assessable_without_phase if {
	nas := kt31_02.not_assessable with input as pmp(all) with data.tollgate.project as {"as_of": "2026-11-16"}
	nas == {{"msg": "the current M3 phase is unknown", "missing": ["project.phase"]}}
}

test_not_assessable_without_plans if {
	nas := kt31_02.not_assessable with input as {"kind": "pmp", "fields_found": [], "pmp": {}} with data.tollgate.project as {"phase": 3}
	nas == {{"msg": "the subsidiary plans of this PMP could not be read", "missing": ["pmp.subsidiary_plans"]}}
}
