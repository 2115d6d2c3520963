package tollgate.rules.core.status_002_test

import data.tollgate.rules.core.status_002
import rego.v1

doc(sr) := {"kind": "status_report", "fields_found": ["status_report.overall_status"], "status_report": object.union({"overall_status_loc": {"paragraph": 4}}, sr)}

th := {"status": {"go_live_red_days": 10}}

test_pass if {
	count(status_002.fail) == 0 with input as doc({"overall_status": "yellow", "go_live_variance_days": 6})
		with data.tollgate.thresholds as th
	count(status_002.fail) == 0 with input as doc({"overall_status": "green", "go_live_variance_days": null})
		with data.tollgate.thresholds as th
}

test_fail_no_colour_is_error if {
	fs := status_002.fail with input as doc({"overall_status": null, "overall_status_raw": "[Red|Yellow|Green] for [next milestone]"})
		with data.tollgate.thresholds as th
	fs == {{"msg": "the report gives no overall status of green, yellow or red (it reads \"[Red|Yellow|Green] for [next milestone]\")", "loc": {"paragraph": 4}, "absent": "status_report.overall_status", "mentions": []}}
}

# The status shown only as a picture the reader could not name: the
# finding carries where the label is (the engine says not assessable).
test_status_mentioned_but_unread_carries_the_mention if {
	ev := [{"field": "status_report.overall_status", "text": "Project Status:", "read": false, "loc": {"paragraph": 2}}]
	fs := status_002.fail with input as object.union(doc({"overall_status": null}), {"evidence": ev})
		with data.tollgate.thresholds as th
	some f in fs
	f.mentions == [{"text": "Project Status:", "loc": {"paragraph": 2}}]
}

test_fail_contradiction_is_warning if {
	fs := status_002.fail with input as doc({"overall_status": "green", "go_live_variance_days": 12})
		with data.tollgate.thresholds as th
	some f in fs
	f.severity == "warning"
	f.loc == {"paragraph": 4}
	contains(f.msg, "green while go-live is 12 days late")
}

test_yellow_beyond_threshold_should_be_red if {
	count(status_002.fail) == 1 with input as doc({"overall_status": "yellow", "go_live_variance_days": 15})
		with data.tollgate.thresholds as th
	count(status_002.fail) == 0 with input as doc({"overall_status": "yellow", "go_live_variance_days": 15})
		with data.tollgate.thresholds as {"status": {"go_live_red_days": 20}}
}

test_red_on_track_warns if {
	count(status_002.fail) == 1 with input as doc({"overall_status": "red", "go_live_variance_days": 0})
		with data.tollgate.thresholds as th
}

test_not_assessable if {
	count(status_002.not_assessable) == 1 with input as {"kind": "status_report", "fields_found": []}
}
