package tollgate.rules.core.qasp_007_test

import data.tollgate.rules.core.qasp_007
import rego.v1

cols := ["sla.service_levels", "sla.columns.objective", "sla.columns.standard", "sla.columns.aql", "sla.columns.frequency", "sla.columns.responsible", "sla.columns.remedy"]

good := {
	"objective": "Help desk", "standard": "Priority 1 tickets resolved within 4 hours", "aql": "95% per month",
	"frequency": "Monthly", "responsible": "Service Desk Manager", "remedy": "5% service credit",
	"loc": {"table": 1, "row": 2}, "fields": {"standard": {"table": 1, "row": 2, "column": 2}, "remedy": {"table": 1, "row": 2, "column": 6}},
}

doc(rows, found) := {"kind": "sla", "fields_found": found, "sla": {"service_levels": rows}}

test_pass if {
	count(qasp_007.fail) == 0 with input as doc([good], cols)
}

test_fail_missing_consequence if {
	fs := qasp_007.fail with input as doc([object.union(good, {"remedy": ""})], cols)
	fs == {{"msg": "requirement \"Help desk\" has no consequence", "loc": {"table": 1, "row": 2, "column": 6}}}
}

test_fail_missing_target if {
	fs := qasp_007.fail with input as doc([object.union(good, {"standard": "", "aql": ""})], cols)
	fs == {{"msg": "requirement \"Help desk\" has no metric or target", "loc": {"table": 1, "row": 2, "column": 2}}}
}

test_fail_no_service_levels if {
	count(qasp_007.fail) == 1 with input as doc([], ["sla.service_levels"])
}

test_fail_no_owner_column if {
	found := [c | some c in cols; c != "sla.columns.responsible"]
	fs := qasp_007.fail with input as doc([good, good], found)
	count(fs) == 1
}

test_not_assessable if {
	count(qasp_007.not_assessable) == 1 with input as {"kind": "sla", "fields_found": []}
}
