package tollgate.rules.core.charter_004_test

import data.tollgate.rules.core.charter_004
import rego.v1

test_pass if {
	count(charter_004.fail) == 0 with input as {"charter": {"high_level_requirements": ["Pay all employees"]}}
}

test_fail if {
	count(charter_004.fail) == 1 with input as {"charter": {"high_level_requirements": []}}
	count(charter_004.fail) == 1 with input as {"charter": {}}
}

# Entries may be strings or objects (an artifact supplied as JSON): an
# object's text, else its name, is what counts; a blank one does not.
test_object_entries_count_by_text_or_name if {
	count(charter_004.fail) == 0 with input as {"charter": {"high_level_requirements": [{"text": "T1"}]}}
	count(charter_004.fail) == 0 with input as {"charter": {"high_level_requirements": [{"name": "N1"}]}}
	fs := charter_004.fail with input as {"charter": {"high_level_requirements": [{"text": " ", "name": "ignored when text is given"}, {"name": ""}, 7]}}
	fs == {{"msg": "the charter summarizes no high-level requirements", "loc": {}}}
}
