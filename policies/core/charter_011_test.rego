package tollgate.rules.core.charter_011_test

import data.tollgate.rules.core.charter_011
import rego.v1

test_pass if {
	count(charter_011.fail) == 0 with input as {"charter": {"risks": ["Data quality"]}}
}

test_fail if {
	count(charter_011.fail) == 1 with input as {"charter": {}}
}

# Entries may be strings or objects (an artifact supplied as JSON): an
# object's text, else its name, is what counts; a blank one does not.
test_object_entries_count_by_text_or_name if {
	count(charter_011.fail) == 0 with input as {"charter": {"risks": [{"text": "T1"}]}}
	count(charter_011.fail) == 0 with input as {"charter": {"risks": [{"name": "N1"}]}}
	fs := charter_011.fail with input as {"charter": {"risks": [{"text": " ", "name": "ignored when text is given"}, {"name": ""}, 7]}}
	fs == {{"msg": "the charter lists no risks", "loc": {}}}
}
