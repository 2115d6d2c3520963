package tollgate.lib.qasp_test

import data.tollgate.lib.qasp
import rego.v1

# A requirement is named by its objective, else its ID, else its standard;
# blank values are skipped, and with none of them it is "a requirement".
test_label_fallbacks if {
	qasp.label({"objective": "Monthly status report", "id": "PR-1", "standard": "By the 5th business day"}) == "requirement \"Monthly status report\""
	qasp.label({"objective": "  ", "id": "PR-1", "standard": "By the 5th business day"}) == "requirement \"PR-1\""
	qasp.label({"objective": null, "id": "", "standard": "By the 5th business day"}) == "requirement \"By the 5th business day\""
	qasp.label({"objective": "", "standard": " "}) == "a requirement"
	qasp.label({}) == "a requirement"
}

# The fallback names reach the findings of the row checks.
test_field_fails_name_rows_without_objective if {
	d := {"kind": "qasp", "fields_found": ["qasp.performance_requirements", "qasp.columns.frequency"]}
	rs := [
		{"id": "PR-2", "frequency": "", "fields": {"frequency": {"table": 1, "row": 3}}},
		{"standard": "Payroll 99.5% accurate", "frequency": null, "loc": {"table": 1, "row": 4}},
		{"frequency": " "},
		{"id": "PR-5", "frequency": "Monthly"},
	]
	qasp.field_fails(d, "qasp", rs, "frequency", "surveillance frequency") == {
		{"msg": "requirement \"PR-2\" has no surveillance frequency", "loc": {"table": 1, "row": 3}},
		{"msg": "requirement \"Payroll 99.5% accurate\" has no surveillance frequency", "loc": {"table": 1, "row": 4}},
		{"msg": "a requirement has no surveillance frequency", "loc": {}},
	}
}

# A percentage stated in words, with no number, is a measurable quantity;
# plain adverbs are not.
test_measurable_percent_in_words if {
	qasp.measurable("Percentage of invoices paid on time")
	qasp.measurable("% of tickets closed on first contact")
	not qasp.measurable("Invoices are paid promptly and accurately")
	not qasp.measurable("Served from the regional supercentre")
}
