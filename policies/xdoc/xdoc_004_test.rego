package tollgate.rules.xdoc.xdoc_004_test

import data.tollgate.rules.xdoc.xdoc_004
import rego.v1

charter(ms) := {"kind": "charter", "source": {"path": "Charter.docx"}, "charter": {"milestones": ms}}

ims(tasks) := {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "schedule": {"tasks": tasks}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

ms(name, date) := {"name": name, "date": date, "loc": {"table": 2, "row": 3}}

task(name, finish) := {"uid": "9", "name": name, "type": "milestone", "finish": finish, "baseline_finish": null, "loc": {"sheet": "S", "row": 9}}

test_pass_when_every_milestone_is_in_the_ims if {
	b := bundle([charter([ms("Go-live on FPSSC payroll", "2027-06-25")]), ims([task("Go-live on FPSSC Payroll", "2027-06-28")])])
	count(xdoc_004.fail) == 0 with input as b
	xdoc_004.checked == {"Charter.docx"} with input as b
}

test_fail_missing_milestone if {
	fs := xdoc_004.fail with input as bundle([charter([ms("Mock Conversion 3 complete", "2027-03-26")]), ims([task("Go-live", "2027-06-25")])])
	fs == {{"msg": "charter milestone \"Mock Conversion 3 complete\" has no matching task in the IMS (IMS.xlsx)", "loc": {"table": 2, "row": 3}, "path": "Charter.docx"}}
}

test_warn_date_drift_beyond_tolerance if {
	fs := xdoc_004.fail with input as bundle([charter([ms("Go-live", "2027-06-25")]), ims([task("Go-live", "2027-08-02")])])
	some f in fs
	f.severity == "warning"
	contains(f.msg, "more than 10 days apart")
}

test_tolerance_is_configurable if {
	b := bundle([charter([ms("Go-live", "2027-06-25")]), ims([task("Go-live", "2027-08-02")])])
	count(xdoc_004.fail) == 0 with input as b with data.tollgate.thresholds.xdoc.milestone_tolerance_days as 60
}

test_no_check_without_schedule if {
	b := bundle([charter([ms("Go-live", "2027-06-25")])])
	count(xdoc_004.checked) == 0 with input as b
	count(xdoc_004.fail) == 0 with input as b
}

test_similarity_ignores_case_punctuation_and_small_words if {
	xdoc_004.similarity("Go-live on FPSSC payroll", "go live: FPSSC Payroll") == 1
	xdoc_004.similarity("Provider selected (Phase 2 exit)", "Provider selected") < 0.8
}

test_not_assessable_when_the_schedule_has_no_readable_task if {
	b := {"by_kind": {
		"charter": [{"source": {"path": "c.md"}, "charter": {"milestones": [{"name": "Go-live", "date": "2026-01-01"}]}}],
		"schedule": [{"source": {"path": "cp.md"}, "schedule": {"tasks": []}}],
	}}
	count(xdoc_004.fail) == 0 with input as b
	count(xdoc_004.not_assessable) == 1 with input as b
}
