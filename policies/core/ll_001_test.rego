package tollgate.rules.core.ll_001_test

import data.tollgate.rules.core.ll_001
import rego.v1

fields := [sprintf("lessons_learned.%s", [k]) | some k in ["date", "project_name", "customer_contact", "provider_contact", "submitted_by", "description"]]

ok := {
	"date": "2026-11-06", "date_raw": "11/06/26", "project_name": "Harbor", "customer_contact": "DMA: Marcus Chen",
	"provider_contact": "FPSSC: Teresa Wallace", "submitted_by": "Marcus Chen", "description": "Payroll migration.",
	"locs": {"submitted_by": {"table": 2, "row": 6, "column": 2}},
}

doc(ll) := {"kind": "lessons_learned", "fields_found": fields, "lessons_learned": ll}

test_pass if {
	count(ll_001.fail) == 0 with input as doc(ok)
	count(ll_001.not_assessable) == 0 with input as doc(ok)
}

test_fail_no_submitter if {
	fs := ll_001.fail with input as doc(object.union(ok, {"submitted_by": ""}))
	fs == {{"msg": "the project overview gives no submitter", "loc": {"table": 2, "row": 6, "column": 2}}}
}

test_not_assessable if {
	rs := ll_001.not_assessable with input as {"kind": "lessons_learned", "fields_found": ["lessons_learned.date"], "lessons_learned": {}}
	count(rs) == 1
	count(ll_001.fail) == 0 with input as {"kind": "lessons_learned", "fields_found": [], "lessons_learned": {}}
}
