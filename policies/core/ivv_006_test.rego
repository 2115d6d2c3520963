package tollgate.rules.core.ivv_006_test

import data.tollgate.rules.core.ivv_006
import rego.v1

all_true := {k: true | some k, _ in ivv_006.names}

test_pass if {
	count(ivv_006.fail) == 0 with input as {"fields_found": ["ivv_plan.outline"], "ivv_plan": {"outline": all_true}}
}

test_fail_missing_sections if {
	fs := ivv_006.fail with input as {"fields_found": ["ivv_plan.outline"], "ivv_plan": {"outline": object.union(all_true, {"test_documentation": false, "definitions": false})}}
	fs == {{"msg": "the plan lacks the IEEE 1012 section(s): definitions, test documentation requirements", "loc": {}}}
}

test_integrity_levels_alone_is_info if {
	fs := ivv_006.fail with input as {"fields_found": ["ivv_plan.outline"], "ivv_plan": {"outline": object.union(all_true, {"integrity_levels": false})}}
	some f in fs
	f.severity == "info"
}

test_not_assessable if {
	count(ivv_006.not_assessable) == 1 with input as {"fields_found": []}
}
