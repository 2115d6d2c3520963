# METADATA
# title: Charter milestones appear in the IMS
# description: >-
#   Every summary milestone of the charter has a matching task or milestone in
#   the Integrated Master Schedule (normalized name similarity of at least the
#   configured ratio, or the same ID), and the IMS date (baseline finish, else
#   forecast finish) is within the configured tolerance of the charter date.
# scope: package
# custom:
#   id: XDOC-004
#   severity: error
#   kinds: [project]
#   source: >-
#     GAO BP1 (capture all activities) and BP5 (traceability between summary
#     and detailed schedules); M3 Guidance IMS (key milestones on the critical path)
#   remediation: >-
#     Add the milestone to the IMS or update the charter through change control.
package tollgate.rules.xdoc.xdoc_004

import data.tollgate.lib
import rego.v1

threshold(key, default_value) := object.get(data.tollgate.thresholds, ["xdoc", key], default_value)

min_similarity := threshold("milestone_name_similarity", 0.8)

tolerance_days := threshold("milestone_tolerance_days", 10)

charters := object.get(input, ["by_kind", "charter"], [])

schedules := object.get(input, ["by_kind", "schedule"], [])

# The check is made on each charter once the submission has a schedule.
checked contains c.source.path if {
	count(schedules) > 0
	some c in charters
}

stop := {"a", "an", "and", "the", "of", "on", "to", "for", "in", "by"}

tokens(s) := {w |
	some w in regex.split(`[^a-z0-9]+`, lower(s))
	w != ""
	not w in stop
}

similarity(a, b) := count(tokens(a) & tokens(b)) / max({count(tokens(a)), count(tokens(b)), 1})

tasks := [t | some s in schedules; some t in object.get(s, ["schedule", "tasks"], []); t.type != "summary"]

# best(m) is the IMS task whose name is most like the milestone's.
matches(m) := [t | some t in tasks; similarity(m.name, t.name) >= min_similarity]

ims_date(t) := lib.day(t.baseline_finish) if lib.day(t.baseline_finish)

else := lib.day(t.finish) if lib.day(t.finish)

days_between(a, b) := abs(time.parse_ns("2006-01-02", a) - time.parse_ns("2006-01-02", b)) / (((24 * 60) * 60) * 1000000000)

fail contains f if {
	count(schedules) > 0
	some c in charters
	some m in object.get(c, ["charter", "milestones"], [])
	count(matches(m)) == 0
	f := {
		"msg": sprintf("charter milestone %q has no matching task in the IMS (%s)", [m.name, concat(", ", sort([s.source.path | some s in schedules]))]),
		"loc": object.get(m, "loc", {}),
		"path": c.source.path,
	}
}

fail contains f if {
	some c in charters
	some m in object.get(c, ["charter", "milestones"], [])
	charter_date := lib.day(m.date)
	ts := matches(m)
	count(ts) > 0
	dated := [t | some t in ts; ims_date(t)]
	count(dated) > 0
	count([t | some t in dated; days_between(ims_date(t), charter_date) <= tolerance_days]) == 0
	t := dated[0]
	f := {
		"msg": sprintf("charter milestone %q is dated %s, the IMS task %q finishes %s (more than %v days apart)", [m.name, charter_date, t.name, ims_date(t), tolerance_days]),
		"loc": object.get(m, "loc", {}),
		"path": c.source.path,
		"severity": "warning",
		"related": [object.get(t, "loc", {})],
	}
}
