package tollgate.rules.xdoc.xdoc_007_test

import data.tollgate.rules.xdoc.xdoc_007
import rego.v1

ims(resources) := {"kind": "schedule", "source": {"path": "ims.xlsx"}, "fields_found": ["schedule.columns.resources"], "schedule": {"tasks": [{"id": sprintf("%d", [i]), "resources": [r], "loc": {"row": i + 2}} | some i, r in resources]}}

rmp := {"kind": "raci", "source": {"path": "rmp.docx"}, "raci": {"roles": [
	{"name": "Program Manager (Customer)", "person_name": "Marcus Chen", "commitment": "1 FTE (100%)", "loc": {"row": 4}},
	{"name": "Executive Sponsor", "person_name": "Angela Ruiz", "commitment": "1 (10% time)", "loc": {"row": 3}},
	{"name": "Functional Lead (Provider)", "commitment": "2 FTEs", "loc": {"row": 11}},
]}}

bundle(arts) := {"artifacts": arts, "by_kind": {k: [a | some a in arts; a.kind == k] | some k in {a.kind | some a in arts}}}

test_pass_roles_and_people if {
	count(xdoc_007.fail) == 0 with input as bundle([rmp, ims(["Program Manager (Customer)", "Functional Lead", "M. Chen"])])
}

test_fail_unknown_resource_at_first_task if {
	fs := xdoc_007.fail with input as bundle([rmp, ims(["Program Manager (Customer)", "Functional Lead (Provider)", "Data Architect", "Data Architect"])])
	fs == {{"msg": "IMS resource \"Data Architect\" (on 2 tasks) is not a role or person of the RACI/RMP or stakeholder register", "loc": {"row": 4}, "path": "ims.xlsx"}}
}

test_fail_committed_role_unassigned if {
	fs := xdoc_007.fail with input as bundle([rmp, ims(["Program Manager (Customer)"])])
	fs == {{"msg": "RMP role \"Functional Lead (Provider)\" has committed resources (2 FTEs) but no IMS task is assigned to it", "loc": {"row": 11}, "path": "rmp.docx"}}
}

test_not_assessable_without_roles if {
	count(xdoc_007.not_assessable) == 1 with input as bundle([ims(["Program Manager"])])
}
