package tollgate.rules.core.cr_001_test

import data.tollgate.rules.core.cr_001
import rego.v1

form(id) := {"kind": "change_request", "fields_found": ["change_request.id"], "change_request": {"id": id, "locs": {"id": {"table": 3, "row": 1, "column": 2}}}}

log(entries) := {"kind": "change_log", "fields_found": ["change_log.entries"], "change_log": {"entries": entries}}

test_pass_form if {
	count(cr_001.fail) == 0 with input as form("CR-2026-014")
	count(cr_001.not_assessable) == 0 with input as form("CR-2026-014")
}

test_fail_form_without_number if {
	fs := cr_001.fail with input as form(" ")
	fs == {{"msg": "the change request has no CR number", "loc": {"table": 3, "row": 1, "column": 2}}}
}

test_not_assessable_form_without_field if {
	count(cr_001.not_assessable) == 1 with input as {"kind": "change_request", "fields_found": [], "change_request": {"id": ""}}
	count(cr_001.fail) == 0 with input as {"kind": "change_request", "fields_found": [], "change_request": {"id": ""}}
}

test_pass_log if {
	count(cr_001.fail) == 0 with input as log([{"id": "CR-1", "name": "a", "loc": {"row": 2}}, {"id": "CR-2", "name": "b", "loc": {"row": 3}}])
}

test_fail_log_duplicate if {
	fs := cr_001.fail with input as log([
		{"id": "CR-1", "name": "a", "loc": {"sheet": "CR", "row": 2}},
		{"id": "CR-2", "name": "b", "loc": {"sheet": "CR", "row": 3}},
		{"id": "CR-1", "name": "c", "loc": {"sheet": "CR", "row": 4}},
	])
	fs == {{"msg": "CR number \"CR-1\" is used 2 times in the change log (first at row 2)", "loc": {"sheet": "CR", "row": 4}}}
}

test_fail_log_missing_id if {
	fs := cr_001.fail with input as log([{"id": "", "name": "Shift differential", "loc": {"row": 5}}])
	fs == {{"msg": "change log entry \"Shift differential\" has no CR number", "loc": {"row": 5}}}
}

test_not_assessable_log if {
	count(cr_001.not_assessable) == 1 with input as {"kind": "change_log", "fields_found": []}
}

# An entry without a name is named by its description, else "(unnamed)".
test_fail_log_missing_id_labels if {
	fs := cr_001.fail with input as log([
		{"id": " ", "name": "", "description": "Add shift differential", "loc": {"row": 5}},
		{"name": null, "description": " "},
	])
	fs == {
		{"msg": "change log entry \"Add shift differential\" has no CR number", "loc": {"row": 5}},
		{"msg": "change log entry \"(unnamed)\" has no CR number", "loc": {}},
	}
}

# IDs are compared trimmed; a first use without a row is "an earlier row",
# and every repeat is reported.
test_fail_log_duplicate_without_row if {
	fs := cr_001.fail with input as log([
		{"id": "CR-7", "name": "a"},
		{"id": " CR-7", "name": "b", "loc": {"row": 3}},
		{"id": "CR-7 ", "name": "c", "loc": {"row": 4}},
	])
	fs == {
		{"msg": "CR number \"CR-7\" is used 3 times in the change log (first at an earlier row)", "loc": {"row": 3}},
		{"msg": "CR number \"CR-7\" is used 3 times in the change log (first at an earlier row)", "loc": {"row": 4}},
	}
}

test_not_assessable_messages if {
	cr_001.not_assessable == {{"msg": "the form has no CR # field", "missing": ["change_request.id"]}} with input as {"kind": "change_request", "fields_found": [], "change_request": {"id": ""}}
	cr_001.not_assessable == {{"msg": "no change log rows could be read", "missing": ["change_log.entries"]}} with input as {"kind": "change_log", "fields_found": []}
}
