package tollgate.rules.core.charter_003_test

import data.tollgate.rules.core.charter_003
import rego.v1

test_pass_measurable_with_criteria if {
	count(charter_003.fail) == 0 with input as {"charter": {"objectives": [{"text": "Cut cost 22% by FY28", "measurable": true}], "success_criteria": ["99.8% accuracy"]}}
}

test_fail_unmeasurable_objective_at_its_loc if {
	fs := charter_003.fail with input as {"charter": {"objectives": [{"text": "Improve payroll", "measurable": false, "loc": {"section": "Objectives", "paragraph": 7}}], "success_criteria": ["x"]}}
	fs == {{"msg": "objective \"Improve payroll\" has no measure (number, percentage, amount or date)", "loc": {"section": "Objectives", "paragraph": 7}}}
}

test_fail_without_success_criteria if {
	fs := charter_003.fail with input as {"charter": {"objectives": [], "success_criteria": ["  "]}}
	fs == {{"msg": "the charter states no success criteria", "loc": {}}}
}

# Entries may be strings or objects (an artifact supplied as JSON): an
# object's text, else its name, is what counts; a blank one does not.
test_object_entries_count_by_text_or_name if {
	count(charter_003.fail) == 0 with input as {"charter": {"success_criteria": [{"text": "T1"}], "objectives": []}}
	count(charter_003.fail) == 0 with input as {"charter": {"success_criteria": [{"name": "N1"}], "objectives": []}}
	fs := charter_003.fail with input as {"charter": {"success_criteria": [{"text": " ", "name": "ignored when text is given"}, {"name": ""}, 7], "objectives": []}}
	fs == {{"msg": "the charter states no success criteria", "loc": {}}}
}
