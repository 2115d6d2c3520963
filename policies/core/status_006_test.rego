package tollgate.rules.core.status_006_test

import data.tollgate.rules.core.status_006
import rego.v1

doc(spend) := {"kind": "status_report", "fields_found": ["status_report.spend"], "status_report": {"spend": spend}}

test_pass_spend_stated if {
	count(status_006.fail) == 0 with input as doc({"to_date": 3100000, "budget": 12500000})
		with data.tollgate.project as {"as_of": "2026-11-16", "phase": 4}
}

test_pass_before_phase_3 if {
	count(status_006.fail) == 0 with input as doc(null) with data.tollgate.project as {"as_of": "2026-11-16", "phase": 2}
	count(status_006.not_assessable) == 0 with input as doc(null) with data.tollgate.project as {"as_of": "2026-11-16", "phase": 2}
}

test_fail_no_spend_in_phase_4 if {
	fs := status_006.fail with input as doc(null) with data.tollgate.project as {"as_of": "2026-11-16", "phase": 4}
	count(fs) == 1
}

test_fail_phase_window_begun if {
	count(status_006.fail) == 1 with input as doc(null)
		with data.tollgate.project as {"as_of": "2026-11-16", "phase_windows": [{"phase": 3, "start": "2026-06-01", "end": "2026-08-21"}]}
}

test_not_assessable_without_phase if {
	count(status_006.not_assessable) == 1 with input as doc(null) with data.tollgate.project as {"as_of": "2026-11-16"}
	count(status_006.fail) == 0 with input as doc(null) with data.tollgate.project as {"as_of": "2026-11-16"}
}

test_not_assessable_unread if {
	count(status_006.not_assessable) == 1 with input as {"kind": "status_report", "fields_found": []}
		with data.tollgate.project as {"as_of": "2026-11-16", "phase": 4}
}
