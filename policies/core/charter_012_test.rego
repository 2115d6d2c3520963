package tollgate.rules.core.charter_012_test

import data.tollgate.rules.core.charter_012
import rego.v1

test_pass_named_with_authority if {
	pm := {"name": "Dana Cruz", "authority": "Approves spending up to $50k", "loc": {"paragraph": 20}}
	count(charter_012.fail) == 0 with input as {"kind": "charter", "charter": {"project_manager": pm}}
}

test_fail_no_pm_is_error if {
	fs := charter_012.fail with input as {"kind": "charter", "charter": {}}
	fs == {{"msg": "the charter does not name the project manager", "loc": {}, "absent": "charter.project_manager", "mentions": []}}
}

# "Project Manager:" with no readable name: the finding carries the mention,
# which the engine reports as not assessable rather than missing.
test_pm_mentioned_but_unread_carries_the_mention if {
	ev := [{"field": "charter.project_manager", "text": "Project Manager: <Name>", "read": false, "loc": {"paragraph": 3}}]
	fs := charter_012.fail with input as {"kind": "charter", "charter": {}, "evidence": ev}
	fs == {{"msg": "the charter does not name the project manager", "loc": {}, "absent": "charter.project_manager", "mentions": [{"text": "Project Manager: <Name>", "loc": {"paragraph": 3}}]}}
}

test_missing_authority_is_warning if {
	pm := {"name": "Dana Cruz", "authority": "", "loc": {"paragraph": 20}}
	fs := charter_012.fail with input as {"kind": "charter", "charter": {"project_manager": pm}}
	fs == {{"msg": "the charter names Dana Cruz as project manager but does not state their authority", "loc": {"paragraph": 20}, "severity": "warning"}}
}
