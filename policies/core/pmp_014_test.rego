package tollgate.rules.core.pmp_014_test

import data.tollgate.rules.core.pmp_014
import rego.v1

full := {"kind": "pmp", "fields_found": ["pmp.subsidiary_plans"], "pmp": {
	"subsidiary_plans": [],
	"processes": {"status_meetings": true, "quality_assurance": true, "deliverable_acceptance": true, "lessons_learned": true},
	"roles": ["Sponsor", "Program Manager", "Quality Manager", "Contract Manager"],
}}

test_pass if {
	count(pmp_014.fail) == 0 with input as full
}

test_fail_missing_process_and_role if {
	doc := json.patch(full, [
		{"op": "replace", "path": "/pmp/processes/lessons_learned", "value": false},
		{"op": "replace", "path": "/pmp/roles", "value": ["Sponsor", "Program Manager", "Quality Manager"]},
	])
	fs := pmp_014.fail with input as doc
	fs == {
		{"msg": "the plan does not describe lessons learned", "loc": {}},
		{"msg": "the plan does not name the contract manager role", "loc": {}},
	}
}

test_not_assessable if {
	count(pmp_014.not_assessable) == 1 with input as {"kind": "pmp", "fields_found": []}
}
