package tollgate.rules.core.ll_002_test

import data.tollgate.rules.core.ll_002
import rego.v1

fields := ["lessons_learned.lessons", "lessons_learned.recommendations"]

lesson(start) := {"knowledge_area": "Testing", "start": start, "stop": "", "continue": "", "loc": {"table": 2, "row": 23, "section": "2 Lessons Learned"}}

rec(owner) := {"text": "Give IV&V read access.", "implementation_plan": "FPSSC grants access.", "owner": owner, "loc": {"table": 3, "row": 3}}

doc(lessons, recs) := {"kind": "lessons_learned", "fields_found": fields, "lessons_learned": {"lessons": lessons, "recommendations": recs}}

test_pass if {
	count(ll_002.fail) == 0 with input as doc([lesson("Crew pay scenarios first."), lesson("")], [rec("Teresa Wallace")])
	count(ll_002.not_assessable) == 0 with input as doc([lesson("x")], [rec("T")])
}

test_fail_no_lessons if {
	fs := ll_002.fail with input as doc([lesson(""), lesson(" ")], [rec("T")])
	fs == {{"msg": "no knowledge area records anything to start, stop or continue", "loc": {"table": 2, "section": "2 Lessons Learned"}}}
}

test_warn_recommendation_without_owner if {
	fs := ll_002.fail with input as doc([lesson("x")], [rec("")])
	fs == {{"msg": "recommendation \"Give IV&V read access.\" has no owner", "loc": {"table": 3, "row": 3}, "severity": "warning"}}
}

test_warn_no_recommendations if {
	fs := ll_002.fail with input as doc([lesson("x")], [])
	fs == {{"msg": "the report makes no recommendations or follow-up actions", "loc": {}, "severity": "warning"}}
}

test_not_assessable if {
	count(ll_002.not_assessable) == 1 with input as {"kind": "lessons_learned", "fields_found": [], "lessons_learned": {}}
}
