package tollgate.rules.xdoc.xdoc_011_test

import data.tollgate.rules.xdoc.xdoc_011
import rego.v1

plan := {"kind": "ivv_plan", "source": {"path": "ivv.docx"}, "ivv_plan": {"deliverables_under_review": [
	{"name": "Program Management Plan", "loc": {"paragraph": 42}},
	{"name": "Interface Control Document", "loc": {"paragraph": 43}},
]}}

ims(names) := {"kind": "schedule", "source": {"path": "ims.xlsx"}, "schedule": {"tasks": [{"name": n} | some n in names]}}

bundle(arts) := {"artifacts": arts, "by_kind": {k: [a | some a in arts; a.kind == k] | some k in {a.kind | some a in arts}}}

test_pass if {
	count(xdoc_011.fail) == 0 with input as bundle([plan, ims(["Program Management Plan approved", "IV&V review of the Interface Control Document"])])
}

test_fail_missing_review if {
	fs := xdoc_011.fail with input as bundle([plan, ims(["Program Management Plan approved", "Design and Develop Interfaces"])])
	fs == {{"msg": "deliverable \"Interface Control Document\" is listed for IV&V review but no IMS task or milestone names it", "loc": {"paragraph": 43}, "path": "ivv.docx"}}
}

test_not_assessable_without_schedule if {
	count(xdoc_011.not_assessable) == 1 with input as bundle([plan])
}
