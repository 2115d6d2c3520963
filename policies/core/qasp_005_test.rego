package tollgate.rules.core.qasp_005_test

import data.tollgate.rules.core.qasp_005
import rego.v1

cols := ["qasp.performance_requirements", "qasp.roles", "qasp.documentation", "qasp.columns.objective", "qasp.columns.pws_ref", "qasp.columns.standard", "qasp.columns.aql", "qasp.columns.method", "qasp.columns.frequency", "qasp.columns.responsible", "qasp.columns.remedy"]

good := {
	"objective": "Monthly status report", "pws_ref": "C.5.2", "standard": "Report delivered by the 5th business day",
	"aql": "95% on time per quarter", "method": "100% inspection", "method_canonical": "100-percent-inspection",
	"frequency": "Monthly", "responsible": "COR", "remedy": "Corrective action request",
	"loc": {"table": 2}, "fields": {"standard": {"table": 2, "row": 2}, "aql": {"table": 2, "row": 3}, "method": {"table": 2, "row": 4}, "frequency": {"table": 2, "row": 5}, "responsible": {"table": 2, "row": 6}, "pws_ref": {"table": 2, "row": 7}},
}

doc(rows) := docf(rows, cols)

docf(rows, found) := {"kind": "qasp", "fields_found": found, "qasp": {
	"performance_requirements": rows,
	"roles": {"contracting_officer": "Dana Whitfield", "cor": "Luis Ortega"},
	"documentation": {"corrective_action_process": true, "surveillance_records": true},
}}

row(over) := object.union(good, over)

test_pass if {
	count(qasp_005.fail) == 0 with input as doc([good])
	count(qasp_005.not_assessable) == 0 with input as doc([good])
}

test_not_assessable if {
	count(qasp_005.not_assessable) == 2 with input as {"kind": "qasp", "fields_found": []}
	count(qasp_005.fail) == 0 with input as {"kind": "qasp", "fields_found": []}
}

test_fail_missing_frequency_and_evaluator if {
	fs := qasp_005.fail with input as doc([row({"frequency": "", "responsible": ""})])
	{f.loc | some f in fs} == {{"table": 2, "row": 5}, {"table": 2, "row": 6}}
}

test_fail_no_cor if {
	d := json.patch(doc([good]), [{"op": "replace", "path": "/qasp/roles/cor", "value": ""}])
	fs := qasp_005.fail with input as d
	fs == {{"msg": "the plan does not name the contracting officer's representative (COR)", "loc": {}}}
}

test_no_frequency_column_is_one_finding if {
	found := [c | some c in cols; c != "qasp.columns.frequency"]
	fs := qasp_005.fail with input as docf([row({"frequency": ""}), row({"frequency": ""})], found)
	count(fs) == 1
}
