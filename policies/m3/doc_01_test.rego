package tollgate.rules.m3.doc_01_test

import data.tollgate.rules.m3.doc_01
import rego.v1

project := {"as_of": "2026-11-16", "phase_windows": [
	{"phase": 2, "start": "2026-04-06", "end": "2026-05-29"},
	{"phase": 3, "start": "2026-06-01", "end": "2026-08-28"},
	{"phase": 4, "start": "2026-08-31", "end": "2027-06-28"},
]}

# The tracker: PMP version 1 in phase 1, updated in phases 2, 3 and 4.
pmp(revs) := {"kind": "pmp", "source": {"path": "PMP.docx"}, "metadata": {"revision_history": [{"version": "x", "date": d} | some d in revs]}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass_updated_in_each_ended_phase if {
	b := bundle([pmp(["2026-03-01", "2026-05-01", "2026-07-01"])])
	count(doc_01.fail) == 0 with input as b with data.tollgate.project as project
	doc_01.checked == {"PMP.docx"} with input as b with data.tollgate.project as project
}

test_fail_missing_phase3_update if {
	fs := doc_01.fail with input as bundle([pmp(["2026-03-01", "2026-05-01"])]) with data.tollgate.project as project
	fs == {{"msg": "the M3 tracker has this artifact updated in phase 3, but no revision or approval is dated in that phase (2026-06-01 to 2026-08-28)", "loc": {}, "path": "PMP.docx"}}
}

test_phases_before_the_document_existed_are_not_owed if {
	count(doc_01.fail) == 0 with input as bundle([pmp(["2026-07-01"])]) with data.tollgate.project as project
}

test_not_assessable_without_phase_facts if {
	nas := doc_01.not_assessable with input as bundle([pmp(["2026-07-01"])]) with data.tollgate.project as {"as_of": "2026-11-16"}
	[r] := [r | some r in nas]
	r.path == "PMP.docx"
	"project.phase_windows" in r.missing
}
