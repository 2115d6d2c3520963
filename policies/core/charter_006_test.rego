package tollgate.rules.core.charter_006_test

import data.tollgate.rules.core.charter_006
import rego.v1

test_pass if {
	count(charter_006.fail) == 0 with input as {"charter": {"deliverables": ["PMP"]}}
}

test_fail if {
	count(charter_006.fail) == 1 with input as {"charter": {"deliverables": [""]}}
}

# Entries may be strings or objects (an artifact supplied as JSON): an
# object's text, else its name, is what counts; a blank one does not.
test_object_entries_count_by_text_or_name if {
	count(charter_006.fail) == 0 with input as {"charter": {"deliverables": [{"text": "T1"}]}}
	count(charter_006.fail) == 0 with input as {"charter": {"deliverables": [{"name": "N1"}]}}
	fs := charter_006.fail with input as {"charter": {"deliverables": [{"text": " ", "name": "ignored when text is given"}, {"name": ""}, 7]}}
	fs == {{"msg": "the charter lists no deliverables", "loc": {}}}
}
