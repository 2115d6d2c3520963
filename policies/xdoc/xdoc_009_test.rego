package tollgate.rules.xdoc.xdoc_009_test

import data.tollgate.rules.xdoc.xdoc_009
import rego.v1

ims := {"kind": "schedule", "source": {"path": "IMS.xlsx"}, "schedule": {"tasks": [
	{"id": "1", "name": "Design", "type": "task", "phase": 3, "start": "2026-06-01"},
	{"id": "2", "name": "Configure", "type": "task", "phase": 4, "start": "2026-08-31", "actual_start": "2026-08-31"},
]}}

ivv(date) := {"kind": "ivv_plan", "source": {"path": "IVV.docx"}, "metadata": {"approvals": [{"name": "A", "role": "sponsor", "date": date, "decision": "approved", "signed": true}]}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

project := {"as_of": "2026-11-16"}

test_pass_plan_approved_before_execution if {
	b := bundle([ims, ivv("2026-08-27")])
	count(xdoc_009.fail) == 0 with input as b with data.tollgate.project as project
	xdoc_009.checked == {"IMS.xlsx"} with input as b with data.tollgate.project as project
}

test_fail_plan_approved_after_execution_start if {
	fs := xdoc_009.fail with input as bundle([ims, ivv("2026-09-02")]) with data.tollgate.project as project
	fs == {{"msg": "execution starts on 2026-08-31, before the IV&V plan was approved on 2026-09-02", "loc": {}, "path": "IMS.xlsx"}}
}

test_fail_without_plan if {
	fs := xdoc_009.fail with input as bundle([ims]) with data.tollgate.project as project
	count(fs) == 1
}

test_not_assessable_without_phases if {
	b := bundle([{"kind": "schedule", "source": {"path": "S.csv"}, "schedule": {"tasks": [{"id": "1", "name": "x", "type": "task", "start": "2026-01-05"}]}}])
	count(xdoc_009.not_assessable) == 1 with input as b with data.tollgate.project as project
}
