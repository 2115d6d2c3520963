# METADATA
# title: Activity and milestone rows are complete
# description: >-
#   Every activity and milestone row has an owner, a planned (baseline/projected) finish and a status on the G/Y/R/B/P legend, and an activity's % complete is on the quarter-step key (0, 25, 50, 75, 100).
# scope: package
# custom:
#   id: STATUS-003
#   severity: warning
#   kinds: [status_report]
#   source: >-
#     M3 Status template (owner, baseline/projected finish, status; % complete key 0/25/50/75/100)
#   remediation: >-
#     Fill every column; use the quarter-step % complete key.
package tollgate.rules.core.status_003

import data.tollgate.lib
import rego.v1

sr := object.get(input, "status_report", {})

import data.tollgate.lib.status

fields := {"owner": "owner", "planned_finish": "planned finish", "status": "status"}

steps := {s | some s in data.tollgate.thresholds.status.percent_steps}

# A table without the column: one finding for the table, not one per row.
fail contains f if {
	some list, _ in status.lists
	status.read(input, list)
	some key, what in fields
	not status.has_column(input, list, key)
	f := {"msg": sprintf("the %s table has no %s column", [list, what]), "loc": _table_loc(list)}
}

_table_loc(list) := object.remove(status.loc(x), ["row", "cell", "column"]) if {
	x := object.get(sr, list, [])[0]
} else := {}

fail contains f if {
	some pair in status.items(input)
	[list, x] := pair
	missing := [what |
		some key, what in fields
		status.has_column(input, list, key)
		_lacks(x, key)
	]
	count(missing) > 0
	f := {"msg": sprintf("%s has no %s", [status.label(list, x), concat(", ", sort(missing))]), "loc": status.loc(x)}
}

_lacks(x, "owner") if lib.blank(object.get(x, "owner", null))

_lacks(x, "planned_finish") if not lib.day(object.get(x, "planned_finish", null))

_lacks(x, "status") if lib.blank(object.get(x, "status_raw", null))

fail contains f if {
	some pair in status.items(input)
	[list, x] := pair
	x.status == "unknown"
	f := {"msg": sprintf("%s has status %q, which is not on the G/Y/R/B/P legend", [status.label(list, x), x.status_raw]), "loc": status.loc(x)}
}

fail contains f if {
	some pair in status.items(input)
	[list, x] := pair
	status.has_column(input, list, "percent_complete")
	not object.get(x, "percent_complete", null) in steps
	f := {
		"msg": sprintf("%s has %% complete %s, not one of %v", [status.label(list, x), _percent(x), sort(steps)]),
		"loc": status.loc(x),
	}
}

_percent(x) := sprintf("%q", [x.percent_complete_raw]) if not lib.blank(object.get(x, "percent_complete_raw", null))

else := "blank"

not_assessable contains r if {
	not status.any_read(input)
	r := {"msg": "the report has no activity or milestone table that could be read", "missing": ["status_report.activities", "status_report.milestones"]}
}
