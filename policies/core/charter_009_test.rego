package tollgate.rules.core.charter_009_test

import data.tollgate.rules.core.charter_009
import rego.v1

test_pass if {
	count(charter_009.fail) == 0 with input as {"charter": {"stakeholders": [{"name": "Angela Ruiz", "role": "Executive Sponsor"}]}}
}

test_fail if {
	count(charter_009.fail) == 1 with input as {"charter": {"stakeholders": []}}
}

# Entries may be strings or objects (an artifact supplied as JSON): an
# object's text, else its name, is what counts; a blank one does not.
test_object_entries_count_by_text_or_name if {
	count(charter_009.fail) == 0 with input as {"charter": {"stakeholders": [{"text": "T1"}]}}
	count(charter_009.fail) == 0 with input as {"charter": {"stakeholders": [{"name": "N1"}]}}
	fs := charter_009.fail with input as {"charter": {"stakeholders": [{"text": " ", "name": "ignored when text is given"}, {"name": ""}, 7]}}
	fs == {{"msg": "the charter lists no stakeholders", "loc": {}}}
}

test_string_entries_count if {
	count(charter_009.fail) == 0 with input as {"charter": {"stakeholders": ["Angela Ruiz"]}}
	charter_009.fail == {{"msg": "the charter lists no stakeholders", "loc": {}}} with input as {"charter": {"stakeholders": ["  "]}}
}
