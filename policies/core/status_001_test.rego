package tollgate.rules.core.status_001_test

import data.tollgate.rules.core.status_001
import rego.v1

doc(sr) := {"kind": "status_report", "fields_found": ["status_report.as_of_date"], "status_report": sr}

test_pass if {
	count(status_001.fail) == 0 with input as doc({"as_of_date": "2026-11-13"})
}

test_fail_prompt_left if {
	fs := status_001.fail with input as doc({"as_of_date": null, "as_of_raw": "[Date of Report]"})
	fs == {{"msg": "the report states no \"as of\" date (the date reads \"[Date of Report]\")", "loc": {}, "absent": "status_report.as_of_date", "mentions": []}}
}

test_fail_no_date if {
	count(status_001.fail) == 1 with input as doc({"as_of_date": null})
}

test_not_assessable if {
	count(status_001.not_assessable) == 1 with input as {"kind": "status_report", "fields_found": []}
	count(status_001.fail) == 0 with input as {"kind": "status_report", "fields_found": []}
}
