package tollgate.rules.xdoc.xdoc_012_test

import data.tollgate.rules.xdoc.xdoc_012
import rego.v1

cr(id, decision, date, schedule) := {
	"kind": "change_request", "source": {"path": "CR.docx"},
	"change_request": {
		"id": id, "impact": {"schedule": schedule},
		"board": {"decision": decision, "date": date},
		"locs": {"board.date": {"table": 5, "row": 3, "column": 2}},
	},
}

ims(modified) := {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "metadata": {"modified": modified}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

impact := "System test extends by 5 working days."

test_pass_ims_changed_after_the_decision if {
	b := bundle([cr("CR-14", "approved", "2026-10-14", impact), ims("2026-11-13T16:00:00Z")])
	count(xdoc_012.fail) == 0 with input as b
	count(xdoc_012.not_assessable) == 0 with input as b
	xdoc_012.checked == {"CR.docx"} with input as b
}

test_pass_no_schedule_impact_or_not_approved if {
	b := bundle([cr("CR-14", "approved", "2026-10-14", "None"), cr("CR-15", "rejected", "2026-10-20", impact), ims("2026-10-01T00:00:00Z")])
	count(xdoc_012.fail) == 0 with input as b
	count(xdoc_012.not_assessable) == 0 with input as b
}

test_fail_ims_older_than_the_decision if {
	fs := xdoc_012.fail with input as bundle([cr("CR-14", "approved", "2026-10-14", impact), ims("2026-10-01T09:00:00Z")])
	fs == {{
		"msg": "change request CR-14 was approved on 2026-10-14 with a schedule impact (\"System test extends by 5 working days.\"), after the IMS IMS.xlsx was last changed on 2026-10-01",
		"loc": {"table": 5, "row": 3, "column": 2}, "related": [{"path": "IMS.xlsx"}], "path": "CR.docx",
	}}
}

# The last commit is the IMS's last change when it is known, whatever the
# workbook's own last-saved date says.
test_fail_git_commit_before_decision if {
	s := object.union(ims("2026-11-13T00:00:00Z"), {"source": {"path": "IMS.xlsx", "git": {"last_commit": "2026-10-02T10:00:00Z"}}})
	fs := xdoc_012.fail with input as bundle([cr("CR-14", "approved", "2026-10-14", impact), s])
	count(fs) == 1
}

test_not_assessable_ims_without_dates if {
	b := bundle([cr("CR-14", "approved", "2026-10-14", impact), {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "metadata": {}}])
	rs := xdoc_012.not_assessable with input as b
	rs == {{
		"msg": "change request CR-14 changes the schedule but no IMS says when it was last changed (no commit, no last-saved date)",
		"missing": ["source.git.last_commit", "metadata.modified"], "path": "CR.docx",
	}}
	count(xdoc_012.fail) == 0 with input as b
	count(xdoc_012.checked) == 0 with input as b
}

test_not_assessable_without_ims if {
	rs := xdoc_012.not_assessable with input as bundle([cr("CR-14", "approved", "2026-10-14", impact)])
	rs == {{"msg": "change request CR-14 changes the schedule but the submission holds no IMS to look for it in", "missing": ["schedule"], "path": "CR.docx"}}
}

test_not_assessable_undated_decision if {
	rs := xdoc_012.not_assessable with input as bundle([cr("CR-14", "approved", null, impact), ims("2026-11-13T00:00:00Z")])
	rs == {{"msg": "change request CR-14 is approved with a schedule impact but its decision date cannot be read", "missing": ["change_request.board.date"], "path": "CR.docx"}}
}

# No CR form: approved changes the log lists cannot be checked; with no CR
# anywhere there is nothing to check.
test_not_assessable_logged_cr_without_form if {
	log := {"kind": "change_log", "source": {"path": "Log.xlsx"}, "change_log": {"entries": [{"id": "CR-9", "status": "approved"}, {"id": "CR-11", "status": "rejected"}]}}
	rs := xdoc_012.not_assessable with input as bundle([log, ims("2026-11-13T00:00:00Z")])
	rs == {{"msg": "approved change requests CR-9 are logged but their forms (schedule impact, decision date) are not in the submission", "missing": ["change_request"], "path": "IMS.xlsx"}}
	b := bundle([ims("2026-11-13T00:00:00Z")])
	count(xdoc_012.not_assessable) == 0 with input as b
	count(xdoc_012.fail) == 0 with input as b
	count(xdoc_012.checked) == 0 with input as b
}
