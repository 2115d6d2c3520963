package tollgate.rules.xdoc.xdoc_008_test

import data.tollgate.rules.xdoc.xdoc_008
import rego.v1

raid(owner) := {"kind": "risk_register", "source": {"path": "raid.xlsx"}, "risk_register": {"risks": [
	{"id": "R-1", "title": "t", "status": "open", "severity": "high", "score": 16, "owner": owner, "loc": {"row": 3}},
	{"id": "R-2", "title": "u", "status": "open", "severity": "low", "score": 4, "owner": "Nobody Known", "loc": {"row": 4}},
]}}

rmp(person) := {"kind": "raci", "source": {"path": "rmp.docx"}, "raci": {"roles": [{"name": "Program Manager (Customer)", "person_name": person}]}}

bundle(arts) := {"artifacts": arts, "by_kind": {k: [a | some a in arts; a.kind == k] | some k in {a.kind | some a in arts}}}

test_pass_person_or_role if {
	count(xdoc_008.fail) == 0 with input as bundle([raid("Marcus Chen"), rmp("Marcus Chen")])
	count(xdoc_008.fail) == 0 with input as bundle([raid("Program Manager"), rmp("Marcus Chen")])
}

test_fail_unknown_owner if {
	fs := xdoc_008.fail with input as bundle([raid("Jordan Blake"), rmp("Marcus Chen")])
	fs == {{"msg": "open high risk \"R-1 t\" is owned by \"Jordan Blake\", who is not a person or role of the RACI/RMP or stakeholder register", "loc": {"row": 3}, "path": "raid.xlsx"}}
}

test_not_assessable_without_personnel if {
	count(xdoc_008.fail) == 0 with input as bundle([raid("Jordan Blake"), rmp("")])
	count(xdoc_008.not_assessable) == 1 with input as bundle([raid("Jordan Blake"), rmp("")])
}
