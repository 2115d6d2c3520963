package tollgate.rules.core.raci_007_test

import data.tollgate.rules.core.raci_007
import rego.v1

roles := [
	{"name": "Program Manager (Customer)", "party": "customer"},
	{"name": "PMO Lead (Provider)", "party": "provider"},
	{"name": "Executive Sponsor"},
]

matrix(acts) := {"kind": "raci", "fields_found": ["raci.roles", "raci.activities"], "raci": {"roles": roles, "activities": acts}}

act(id, name, assign) := {"id": id, "name": name, "assignments": assign, "loc": {"row": 3}}

m3 := {"tasks": [
	{"id": "3.1", "name": "Integrate Program Management Office Structures", "responsible_party": ["shared"], "activities": [
		{"seq": 6, "text": "Establish Program Management Plan (schedule, scope, risk)", "responsible_party": ["shared"]},
		{"seq": 7, "text": "Develop Quality Assurance Plan (QASP) to monitor implementation", "responsible_party": ["customer"]},
	]},
	{"id": "5.6", "name": "Decommission Legacy Systems", "responsible_party": ["customer"], "activities": []},
]}

test_pass_split_honoured if {
	count(raci_007.fail) == 0 with input as matrix([
		act("3.1-6", "Establish Program Management Plan", {"Program Manager (Customer)": ["A"], "PMO Lead (Provider)": ["R"]}),
		act("5.6", "Decommission legacy systems", {"Executive Sponsor": ["A"], "PMO Lead (Provider)": ["R"]}),
	])
		with data.tollgate.m3 as m3
}

test_fail_shared_without_provider if {
	fs := raci_007.fail with input as matrix([act("3.1-6", "Establish Program Management Plan", {"Program Manager (Customer)": ["A", "R"], "Executive Sponsor": ["C"]})])
		with data.tollgate.m3 as m3
	fs == {{"msg": "activity \"3.1-6 Establish Program Management Plan\" is shared in M3 (M3 3.1 activity 6) but no provider role is Responsible or Accountable", "loc": {"row": 3}}}
}

test_fail_customer_task_accountable_to_provider if {
	fs := raci_007.fail with input as matrix([act("5.6", "Decommission legacy systems", {"PMO Lead (Provider)": ["A"], "Program Manager (Customer)": ["R"]})])
		with data.tollgate.m3 as m3
	fs == {{"msg": "activity \"5.6 Decommission legacy systems\" is a customer responsibility in M3 (M3 key task 5.6) but provider role \"PMO Lead (Provider)\" is Accountable", "loc": {"row": 3}}}
}

test_wbs_number_with_other_name_is_not_matched if {
	count(raci_007.fail) == 0 with input as matrix([act("5.6", "Order office furniture", {"PMO Lead (Provider)": ["A"]})])
		with data.tollgate.m3 as m3
	count(raci_007.not_assessable) == 1 with input as matrix([act("5.6", "Order office furniture", {"PMO Lead (Provider)": ["A"]})])
		with data.tollgate.m3 as m3
}

test_not_assessable_without_m3_data if {
	rs := raci_007.not_assessable with input as matrix([act("5.6", "Decommission legacy systems", {"PMO Lead (Provider)": ["A"]})])
		with data.tollgate.m3 as {}
	some r in rs
	r.missing == ["data.tollgate.m3"]
}

test_not_assessable_roles_only if {
	count(raci_007.not_assessable) == 1 with input as {"kind": "raci", "fields_found": ["raci.roles"], "raci": {"roles": roles, "activities": []}}
		with data.tollgate.m3 as m3
}
