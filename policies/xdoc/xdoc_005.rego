# METADATA
# title: Status report activities and milestones match the IMS
# description: >-
#   Every activity and milestone a status report lists is in the IMS (the
#   task its IMS reference names, else a task of the same name: normalized
#   name similarity of at least the configured ratio), and, when the report
#   is as of the IMS status date, its planned and actual finish are the IMS
#   task's (within the configured tolerance).
# scope: package
# custom:
#   id: XDOC-005
#   severity: warning
#   kinds: [project]
#   source: >-
#     GAO BP5 (horizontal/vertical traceability); M3 Guidance Status Reports
#     (activities based on the master schedule with dates)
#   remediation: Generate status tables from the current IMS.
package tollgate.rules.xdoc.xdoc_005

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import data.tollgate.lib.status
import rego.v1

# (Bodies iterate the documents this rule is about before looking at the
# IMS: without one, the IMS's tasks are never scanned.)

threshold(key, default_value) := object.get(data.tollgate.thresholds, ["xdoc", key], default_value)

min_similarity := threshold("status_name_similarity", 0.8)

tolerance_days := threshold("status_finish_tolerance_days", 0)

reports := object.get(input, ["by_kind", "status_report"], [])

schedules := [s |
	some s in object.get(input, ["by_kind", "schedule"], [])
	count(sched.tasks(object.get(s, "schedule", {}))) > 0
]

# entries are the IMS's detail tasks with the schedule they come from.
entries := [{"task": t, "ims": s.schedule, "path": s.source.path} |
	some s in schedules
	some t in sched.detail(s.schedule)
	is_string(t.name)
]

norm(s) := lower(trim_space(s)) if is_string(s)

refs(t) := {norm(v) |
	some k in ["id", "uid", "wbs"]
	v := object.get(t, k, null)
	is_string(v)
	trim_space(v) != ""
}

stop := {"a", "an", "and", "the", "of", "on", "to", "for", "in", "by"}

tokens(s) := {w |
	some w in regex.split(`[^a-z0-9]+`, lower(s))
	w != ""
	not w in stop
}

similarity(a, b) := count(tokens(a) & tokens(b)) / max({count(tokens(a)), count(tokens(b)), 1})

by_ref(x) := [e |
	not lib.blank(object.get(x, "ims_ref", null))
	some e in entries
	norm(x.ims_ref) in refs(e.task)
]

by_name(x) := [e | some e in entries; similarity(x.name, e.task.name) >= min_similarity]

# matches(x): the IMS tasks the row stands for — the one its IMS reference
# names, else those of the same name.
matches(x) := by_ref(x) if count(by_ref(x)) > 0

else := by_name(x)

as_of(doc) := lib.day(object.get(status.sr(doc), "as_of_date", null))

# dated(doc, x): the matches statused on the report's own as-of date; only
# those dates are comparable.
dated(doc, x) := [e | some e in matches(x); sched.status_date(e.ims) == as_of(doc)]

as_of_text(doc) := d if d := as_of(doc)

else := "(no date)"

days_between(a, b) := abs(time.parse_ns("2006-01-02", a) - time.parse_ns("2006-01-02", b)) / ((24 * 60) * 60e9)

close(a, b) if days_between(a, b) <= tolerance_days

# The IMS fields a planned finish is compared with, by the report column's
# kind (the M3 "Baseline/ Projected Finish" column holds either).
planned_fields(x) := ["baseline_finish"] if x.planned_finish_kind == "baseline"

else := ["finish"] if x.planned_finish_kind == "projected"

else := ["baseline_finish", "finish"]

planned_dates(es, x) := {d | some e in es; some k in planned_fields(x); d := lib.day(object.get(e.task, k, null))}

actual_dates(es) := {d | some e in es; d := lib.day(object.get(e.task, "actual_finish", null))}

planned_problem(es, x) := sprintf("baseline/projected finish %s, the IMS has %s", [p, concat(" / ", sort(ds))]) if {
	p := lib.day(x.planned_finish)
	ds := planned_dates(es, x)
	count(ds) > 0
	count([d | some d in ds; close(p, d)]) == 0
}

actual_problem(es, x) := sprintf("actual finish %s, the IMS has %s", [a, concat(" / ", sort(ds))]) if {
	a := lib.day(x.actual_finish)
	ds := actual_dates(es)
	count(ds) > 0
	count([d | some d in ds; close(a, d)]) == 0
}

# The IMS records no actual finish for the task (it has the column).
actual_problem(es, x) := sprintf("actual finish %s, the IMS has the task unfinished", [a]) if {
	a := lib.day(x.actual_finish)
	count(actual_dates(es)) == 0
	every e in es {
		sched.column(e.ims, "actual_finish")
	}
}

# The IMS has the task finished; the report does not.
actual_problem(es, x) := sprintf("no actual finish, the IMS has it finished on %s", [concat(" / ", sort(ds))]) if {
	not lib.day(x.actual_finish)
	ds := actual_dates(es)
	count(ds) == count(es)
	count(ds) > 0
}

label(list, x) := sprintf("%s (IMS %s)", [status.label(list, x), x.ims_ref]) if not lib.blank(object.get(x, "ims_ref", null))

else := status.label(list, x)

ims_paths := concat(", ", sort({e.path | some e in entries}))

checked contains doc.source.path if {
	some doc in reports
	count(entries) > 0
	status.any_read(doc)
}

fail contains f if {
	some doc in reports
	count(entries) > 0
	some [list, x] in status.items(doc)
	count(matches(x)) == 0
	f := {
		"msg": sprintf("status report %s is not in the IMS (%s)", [label(list, x), ims_paths]),
		"loc": status.loc(x), "path": doc.source.path,
	}
}

fail contains f if {
	some doc in reports
	some [list, x] in status.items(doc)
	es := dated(doc, x)
	count(es) > 0
	problems := array.concat([p | p := planned_problem(es, x)], [p | p := actual_problem(es, x)])
	count(problems) > 0
	f := {
		"msg": sprintf("status report %s differs from the IMS task %q as of %s: %s", [label(list, x), es[0].task.name, as_of(doc), concat("; ", problems)]),
		"loc": status.loc(x), "path": doc.source.path,
		"related": [lib.loc_or_doc(object.get(es[0].task, "loc", {}))],
	}
}

not_assessable contains r if {
	some doc in reports
	count(entries) == 0
	status.any_read(doc)
	r := {"msg": "the submission holds no IMS with tasks to trace the status report's activities and milestones to", "missing": ["schedule.tasks"], "path": doc.source.path}
}

not_assessable contains r if {
	some doc in reports
	count(entries) > 0
	not status.any_read(doc)
	r := {"msg": "the status report has no activity or milestone table to trace to the IMS", "missing": ["status_report.activities", "status_report.milestones"], "path": doc.source.path}
}

# Dates are compared only on the same status date: a report of another
# week legitimately shows other dates.
not_assessable contains r if {
	some doc in reports
	count(entries) > 0
	status.any_read(doc)
	count(status.items(doc)) > 0
	dates := {d | some e in entries; d := sched.status_date(e.ims)}
	not as_of(doc) in dates
	r := {
		"msg": sprintf("the status report is as of %s and the IMS status date is %s: finish dates are compared only for the same status date", [as_of_text(doc), concat(", ", sort(dates))]),
		"missing": ["status_report.as_of_date = schedule.status_date"], "path": doc.source.path,
	}
}
