# METADATA
# title: Status colours match dates and progress
# description: >-
#   A row marked complete (B) has an actual finish and 100 % complete; a row with an actual finish is marked complete; a row whose planned finish is before the as-of date and is not complete is yellow or red, not green or upcoming.
# scope: package
# custom:
#   id: STATUS-004
#   severity: error
#   kinds: [status_report]
#   source: >-
#     M3 Status template legend (B completed, G on track, Y late non-critical, R late critical or high-risk, P upcoming)
#   remediation: >-
#     Correct the status colour to match dates and progress.
package tollgate.rules.core.status_004

import data.tollgate.lib
import rego.v1

sr := object.get(input, "status_report", {})

import data.tollgate.lib.status

as_of := lib.day(object.get(sr, "as_of_date", null))

fail contains f if {
	some pair in status.items(input)
	[list, x] := pair
	x.status == "complete"
	not lib.day(object.get(x, "actual_finish", null))
	f := {"msg": sprintf("%s is marked complete (%s) but has no actual finish", [status.label(list, x), x.status_raw]), "loc": status.loc(x)}
}

fail contains f if {
	some pair in status.items(input)
	[list, x] := pair
	x.status == "complete"
	p := object.get(x, "percent_complete", null)
	is_number(p)
	p < 100
	f := {"msg": sprintf("%s is marked complete (%s) but is %v%% complete", [status.label(list, x), x.status_raw, p]), "loc": status.loc(x)}
}

fail contains f if {
	some pair in status.items(input)
	[list, x] := pair
	d := lib.day(object.get(x, "actual_finish", null))
	not x.status in {"complete", ""}
	f := {"msg": sprintf("%s finished on %s but its status is %q, not complete (B)", [status.label(list, x), d, x.status_raw]), "loc": status.loc(x)}
}

fail contains f if {
	some pair in status.items(input)
	[list, x] := pair
	d := lib.day(object.get(x, "planned_finish", null))
	d < as_of
	x.status in {"green", "upcoming"}
	f := {
		"msg": sprintf("%s was due %s, before the as-of date %s, and is not complete, yet its status is %s (late work is yellow or red)", [status.label(list, x), d, as_of, status.statuses[x.status]]),
		"loc": status.loc(x),
	}
}

not_assessable contains r if {
	not status.any_read(input)
	r := {"msg": "the report has no activity or milestone table that could be read", "missing": ["status_report.activities", "status_report.milestones"]}
}

not_assessable contains r if {
	status.any_read(input)
	not _status_column
	r := {"msg": "the activity and milestone tables have no status column", "missing": ["status_report.activities_columns.status"]}
}

_status_column if {
	some list, _ in status.lists
	status.has_column(input, list, "status")
}
