package tollgate.rules.core.charter_010_test

import data.tollgate.rules.core.charter_010
import rego.v1

test_pass_with_either if {
	count(charter_010.fail) == 0 with input as {"charter": {"assumptions": ["Capacity reserved"], "constraints": []}}
	count(charter_010.fail) == 0 with input as {"charter": {"assumptions": [], "constraints": ["Contract ends 2027"]}}
}

test_fail_with_neither if {
	count(charter_010.fail) == 1 with input as {"charter": {"assumptions": [], "constraints": []}}
}

# Entries may be strings or objects (an artifact supplied as JSON): an
# object's text, else its name, is what counts; a blank one does not.
test_object_entries_count_by_text_or_name if {
	count(charter_010.fail) == 0 with input as {"charter": {"assumptions": [{"text": "T1"}], "constraints": [""]}}
	count(charter_010.fail) == 0 with input as {"charter": {"assumptions": [{"name": "N1"}], "constraints": [""]}}
	fs := charter_010.fail with input as {"charter": {"assumptions": [{"text": " ", "name": "ignored when text is given"}, {"name": ""}, 7], "constraints": [""]}}
	fs == {{"msg": "the charter records no assumptions or constraints", "loc": {}}}
}
