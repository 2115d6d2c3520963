package tollgate.rules.core.charter_001_test

import data.tollgate.rules.core.charter_001
import rego.v1

purpose20 := "The agency must replace its legacy financial system because vendor support ends in 2026 and the manual reconciliation costs more than ten staff each month."

charter(purpose) := {
	"kind": "charter",
	"fields_found": ["charter.purpose"],
	"charter": {"purpose": purpose, "purpose_loc": {"section": "1 Purpose", "paragraph": 4}},
}

test_pass_purpose_long_enough if {
	count(charter_001.fail) == 0 with input as charter(purpose20)
		with data.tollgate.thresholds as {"charter": {"purpose_min_words": 20}}
}

test_fail_short_purpose_at_its_location if {
	fs := charter_001.fail with input as charter("Migrate the system.")
		with data.tollgate.thresholds as {"charter": {"purpose_min_words": 20}}
	some f in fs
	f.loc == {"section": "1 Purpose", "paragraph": 4}
	f.metrics == {"value": 3, "threshold": 20}
}

test_threshold_is_configurable if {
	count(charter_001.fail) == 0 with input as charter("Migrate the system.")
		with data.tollgate.thresholds as {"charter": {"purpose_min_words": 3}}
}

# A missing section fails (the document omits it); it is not "not assessable".
test_fail_missing_purpose_on_document if {
	fs := charter_001.fail with input as {"kind": "charter", "fields_found": [], "charter": {"purpose": ""}}
	fs == {{"msg": "the charter has no purpose or business-need statement", "loc": {}, "metrics": {"value": 0, "threshold": 20}}}
}

# Without a configured threshold the rule falls back to 20 words.
test_default_threshold_without_configuration if {
	fs := charter_001.fail with input as charter("Migrate the system.")
		with data.tollgate.thresholds as {}
	fs == {{
		"msg": "the purpose statement has 3 words; at least 20 are expected to explain the problem and why the program exists",
		"loc": {"section": "1 Purpose", "paragraph": 4},
		"metrics": {"value": 3, "threshold": 20},
	}}
}
