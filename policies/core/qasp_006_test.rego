package tollgate.rules.core.qasp_006_test

import data.tollgate.rules.core.qasp_006
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
	count(qasp_006.fail) == 0 with input as doc([good])
	count(qasp_006.not_assessable) == 0 with input as doc([good])
}

test_not_assessable if {
	count(qasp_006.not_assessable) == 1 with input as {"kind": "qasp", "fields_found": []}
	count(qasp_006.fail) == 0 with input as {"kind": "qasp", "fields_found": []}
}

test_fail_missing_pws_ref if {
	fs := qasp_006.fail with input as doc([row({"pws_ref": ""})])
	fs == {{"msg": "requirement \"Monthly status report\" has no PWS reference", "loc": {"table": 2, "row": 7}}}
}

test_fail_no_remedy_nor_corrective_action if {
	found := [c | some c in cols; c != "qasp.columns.remedy"]
	d := json.patch(docf([good], found), [{"op": "replace", "path": "/qasp/documentation/corrective_action_process", "value": false}])
	fs := qasp_006.fail with input as d
	count(fs) == 1
}

test_corrective_action_process_stands_for_remedy_column if {
	found := [c | some c in cols; c != "qasp.columns.remedy"]
	count(qasp_006.fail) == 0 with input as docf([good], found)
}
