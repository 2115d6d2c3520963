# METADATA
# title: Overall status is set by the legend
# description: >-
#   The report gives an overall status of green, yellow or red; a warning when the colour contradicts the go-live variance under the M3 legend (green = on track; yellow = go-live at risk of less than thresholds.status.go_live_red_days days of delay; red = a longer delay, or yellow for more than two weeks, which needs the previous report and is not checked).
# scope: package
# custom:
#   id: STATUS-002
#   severity: error
#   kinds: [status_report]
#   source: >-
#     M3 Status template legend ("Overall Schedule Status")
#   remediation: >-
#     Set the overall status by the agreed legend.
package tollgate.rules.core.status_002

import data.tollgate.lib
import rego.v1

sr := object.get(input, "status_report", {})

red_days := data.tollgate.thresholds.status.go_live_red_days

status := object.get(sr, "overall_status", null)

where := lib.loc_or_doc(object.get(sr, "overall_status_loc", {}))

fail contains f if {
	lib.found(input, "status_report.overall_status")
	not status in {"green", "yellow", "red"}
	f := lib.missing({"msg": sprintf("the report gives no overall status of green, yellow or red%s", [_raw]), "loc": where}, "status_report.overall_status")
}

_raw := sprintf(" (it reads %q)", [sr.overall_status_raw]) if not lib.blank(object.get(sr, "overall_status_raw", null))

else := ""

# The legend by go-live variance: a slip while green, more than the red
# threshold while yellow, or none at all while red.
contradiction := sprintf("green while go-live is %v days late", [v]) if {
	status == "green"
	v := sr.go_live_variance_days
	v > 0
} else := sprintf("yellow while go-live is %v days late (more than %v days is red)", [v, red_days]) if {
	status == "yellow"
	v := sr.go_live_variance_days
	v > red_days
} else := sprintf("red while go-live is on track (variance %v days)", [v]) if {
	status == "red"
	v := sr.go_live_variance_days
	v <= 0
}

fail contains f if {
	is_number(object.get(sr, "go_live_variance_days", null))
	f := {
		"msg": sprintf("the overall status contradicts the legend: %s", [contradiction]),
		"loc": where, "severity": "warning",
		"metrics": {"value": sr.go_live_variance_days, "threshold": red_days},
	}
}

not_assessable contains r if {
	not lib.found(input, "status_report.overall_status")
	r := {"msg": "the report's overall status could not be read", "missing": ["status_report.overall_status"]}
}
