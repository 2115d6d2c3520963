package tollgate.rules.core.raci_005_test

import data.tollgate.rules.core.raci_005
import rego.v1

matrix(acts) := {
	"kind": "raci",
	"fields_found": ["raci.roles", "raci.activities"],
	"raci": {"roles": [{"name": "PM", "loc": {"cell": "C1"}}, {"name": "QA", "loc": {"cell": "D1"}}], "activities": acts},
}

act(name, assign) := {"name": name, "assignments": assign, "loc": {"row": 2}}

thresholds := {"raci": {"max_accountable_share": 0.5, "max_responsible_accountable_share": 0.6, "max_consulted": 5}}

test_pass_balanced if {
	count(raci_005.fail) == 0 with input as matrix([
		act("a", {"PM": ["A"], "QA": ["R"]}),
		act("b", {"QA": ["A"], "Dev": ["R"]}),
		act("c", {"Dev": ["A"], "Ops": ["R"]}),
		act("d", {"Ops": ["A"], "PM": ["R"]}),
	])
		with data.tollgate.thresholds as thresholds
}

test_fail_accountable_share if {
	fs := raci_005.fail with input as matrix([
		act("a", {"PM": ["A"], "QA": ["R"]}),
		act("b", {"PM": ["A"], "QA": ["R"]}),
		act("c", {"PM": ["C"], "QA": ["A", "R"]}),
	])
		with data.tollgate.thresholds as thresholds
	some f in fs
	f.msg == "role \"PM\" is Accountable for 2 of 3 activities (66.7 %, limit 50 %)"
	f.loc == {"cell": "C1"}

	# QA is R or A on all three.
	some g in fs
	g.msg == "role \"QA\" is Responsible or Accountable for 3 of 3 activities (100 %, limit 60 %)"
}

test_info_over_consulted if {
	assign := {r: ["C"] | some r in ["a", "b", "c", "d", "e", "f"]}
	fs := raci_005.fail with input as matrix([act("x", object.union(assign, {"PM": ["A"], "QA": ["R"]})), act("y", {"PM": ["R"], "QA": ["A"]})])
		with data.tollgate.thresholds as thresholds
	[f] := [f | some f in fs; object.get(f, "severity", "") == "info"]
	f.msg == "activity \"x\" consults 6 roles (more than 5): a, b, c, d, e, f"
}

test_not_assessable if {
	count(raci_005.not_assessable) == 1 with input as {"kind": "raci", "fields_found": ["raci.roles"], "raci": {"roles": [{"name": "PM"}], "activities": []}}
}
