package tollgate.rules.xdoc.xdoc_003_test

import data.tollgate.rules.xdoc.xdoc_003
import rego.v1

charter := {"kind": "charter", "source": {"path": "charter.docx"}, "charter": {
	"sponsor": {"name": "Angela Ruiz", "loc": {"paragraph": 60}},
	"project_manager": {"name": "Marcus Chen", "loc": {"paragraph": 58}},
}}

rmp(people) := {"kind": "raci", "source": {"path": "rmp.docx"}, "raci": {"roles": [{"name": r, "canonical": c, "person_name": p} | some [r, c, p] in people]}}

bundle(arts) := {"artifacts": arts, "by_kind": {k: [a | some a in arts; a.kind == k] | some k in {a.kind | some a in arts}}}

test_pass_fuzzy_names if {
	count(xdoc_003.fail) == 0 with input as bundle([charter, rmp([["Executive Sponsor", "sponsor", "A. Ruiz"], ["Program Manager (Customer)", "program_manager", "Marcus Chen"]])])
}

test_pass_sponsor_in_stakeholder_register if {
	reg := {"kind": "stakeholder_register", "source": {"path": "sh.xlsx"}, "stakeholder_register": {"stakeholders": [{"name": "Angela Ruiz", "role": "Executive Sponsor"}]}}
	count(xdoc_003.fail) == 0 with input as bundle([charter, reg])
}

test_fail_sponsor_missing_and_pm_mismatch if {
	fs := xdoc_003.fail with input as bundle([charter, rmp([["Executive Sponsor", "sponsor", "Paula Grant"], ["Program Manager", "program_manager", "Lee Wong"]])])
	fs == {
		{"msg": "the charter's sponsor \"Angela Ruiz\" is not in the stakeholder register or the RACI/RMP personnel", "loc": {"paragraph": 60}, "path": "charter.docx"},
		{"msg": "the charter's program manager \"Marcus Chen\" is not the Program Manager the RMP/RACI names (Lee Wong)", "loc": {"paragraph": 58}, "path": "charter.docx", "severity": "warning"},
	}
}

test_not_assessable_without_personnel if {
	count(xdoc_003.not_assessable) == 1 with input as bundle([charter, rmp([["Executive Sponsor", "sponsor", ""]])])
}
