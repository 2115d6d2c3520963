package tollgate.rules.core.pmp_013_test

import data.tollgate.rules.core.pmp_013
import rego.v1

doc(plans) := {"kind": "pmp", "pmp": {"subsidiary_plans": plans}, "fields_found": ["pmp.subsidiary_plans"]}

test_pass_with_both if {
	count(pmp_013.fail) == 0 with input as doc([{"key": "schedule", "present": true, "mode": "inline"}, {"key": "scope", "present": true, "mode": "inline"}])
}

test_fail_each_missing if {
	fs := pmp_013.fail with input as doc([{"key": "schedule", "present": false}, {"key": "scope", "present": true, "mode": "inline"}])
	count(fs) == 1
	some f in fs
	contains(f.msg, "schedule")
}

test_not_assessable if {
	count(pmp_013.not_assessable) == 1 with input as {"kind": "pmp", "fields_found": []}
}
