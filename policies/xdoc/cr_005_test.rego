package tollgate.rules.xdoc.cr_005_test

import data.tollgate.rules.xdoc.cr_005
import rego.v1

cr(id, type, refs, decision) := {
	"kind": "change_request", "source": {"path": "CR.docx"},
	"fields_found": ["change_request.id", "change_request.rtm_refs"],
	"change_request": {
		"id": id, "type": type, "type_raw": "Change to Existing Requirement", "rtm_refs": refs,
		"board": {"decision": decision}, "locs": {"rtm_refs": {"table": 3, "row": 3, "column": 2}, "id": {"table": 3, "row": 1, "column": 2}},
	},
}

rtm(ids) := {"kind": "rtm", "source": {"path": "RTM.xlsx"}, "rtm": {"requirements": [{"id": i} | some i in ids]}}

log(ids) := {"kind": "change_log", "source": {"path": "CR-Log.xlsx"}, "change_log": {"entries": [{"id": i} | some i in ids]}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass if {
	b := bundle([cr("CR-14", "change-to-existing-requirement", ["PAY-014-002"], "approved"), rtm(["PAY-014-002"]), log(["CR-14"])])
	count(cr_005.fail) == 0 with input as b
	count(cr_005.not_assessable) == 0 with input as b
	cr_005.checked == {"CR.docx"} with input as b
}

test_fail_requirement_change_without_refs if {
	fs := cr_005.fail with input as bundle([cr("CR-14", "change-to-existing-requirement", [], "approved"), log(["CR-14"])])
	fs == {{"msg": "change request CR-14 is a requirement change (Change to Existing Requirement) but names no Associated RTM #", "loc": {"table": 3, "row": 3, "column": 2}, "path": "CR.docx"}}
}

test_pass_defect_without_refs if {
	count(cr_005.fail) == 0 with input as bundle([cr("CR-14", "defect", [], ""), log([])])
}

test_fail_ref_not_in_rtm if {
	fs := cr_005.fail with input as bundle([cr("CR-14", "new-requirement", ["PAY-099"], ""), rtm(["PAY-014-002"])])
	fs == {{"msg": "change request CR-14 references PAY-099, which is not a requirement in the RTM", "loc": {"table": 3, "row": 3, "column": 2}, "path": "CR.docx"}}
}

test_fail_approved_not_logged if {
	fs := cr_005.fail with input as bundle([cr("CR-14", "defect", [], "approved"), log(["CR-13"])])
	fs == {{"msg": "approved change request CR-14 is not in the change log", "loc": {"table": 3, "row": 1, "column": 2}, "path": "CR.docx"}}
}

test_not_assessable_without_rtm_or_log if {
	rs := cr_005.not_assessable with input as bundle([cr("CR-14", "change-to-existing-requirement", ["PAY-014-002"], "approved")])
	rs == {
		{"msg": "change request CR-14 references PAY-014-002 but the submission holds no RTM to check them against", "missing": ["rtm.requirements"], "path": "CR.docx"},
		{"msg": "approved change request CR-14: the submission holds no change log or RTM CR sheet to find it in", "missing": ["change_log.entries"], "path": "CR.docx"},
	}
	count(cr_005.fail) == 0 with input as bundle([cr("CR-14", "change-to-existing-requirement", ["PAY-014-002"], "approved")])
}

test_not_assessable_rtm_without_payload if {
	rs := cr_005.not_assessable with input as bundle([cr("CR-14", "new-requirement", ["PAY-1"], ""), {"kind": "rtm", "source": {"path": "RTM.xlsx"}}])
	rs == {{"msg": "change request CR-14 references PAY-1 but the RTM's requirement ids could not be read", "missing": ["rtm.requirements"], "path": "CR.docx"}}
}

# A requirement change on a form without the Associated RTM # field cannot be
# checked; a form without an ID is named by its file.
test_not_assessable_without_rtm_field if {
	d := object.union(cr("", "new-requirement", null, ""), {"fields_found": ["change_request.id"]})
	rs := cr_005.not_assessable with input as bundle([d, rtm(["PAY-1"])])
	rs == {{"msg": "change request CR.docx: the form has no Associated RTM # field", "missing": ["change_request.rtm_refs"], "path": "CR.docx"}}
	count(cr_005.fail) == 0 with input as bundle([d, rtm(["PAY-1"])])
}

# An RTM's CR sheet is a change log: an approved request listed there passes,
# one missing from it fails.
cr_sheet(ids) := {"kind": "rtm", "source": {"path": "RTM.xlsx"}, "rtm": {"requirements": [], "change_requests": [{"id": i} | some i in ids]}}

test_rtm_cr_sheet_is_a_log if {
	d := cr("CR-14", "defect", [], "approved")
	count(cr_005.fail) == 0 with input as bundle([d, cr_sheet([" CR-14 "])])
	count(cr_005.not_assessable) == 0 with input as bundle([d, cr_sheet([" CR-14 "])])
	cr_005.fail == {{"msg": "approved change request CR-14 is not in the change log", "loc": {"table": 3, "row": 1, "column": 2}, "path": "CR.docx"}} with input as bundle([d, cr_sheet([])])
}
