# Execution tasks of a schedule (XDOC-001, XDOC-009): M3 phase 4 and later
# by default, or the tasks project.execution selects by phase_at_least,
# wbs_prefix or name_regex. Not a rule: no METADATA, no fail set.
package tollgate.lib.execution

import data.tollgate.lib
import rego.v1

selector := object.get(data.tollgate.project, "execution", {}) if {
	count(object.get(data.tollgate.project, "execution", {})) > 0
} else := {"phase_at_least": 4}

# Only the phase criterion needs phase data; a WBS or name selector does not.
phase_only if {
	not selector.wbs_prefix
	not selector.name_regex
}

# PMP approval: the earliest approval of any PMP in the submission (a later
# re-approval of a revised plan does not un-authorize work begun under the first).
tasks(s) := [t |
	some t in object.get(s, ["schedule", "tasks"], [])
	is_object(t)
	object.get(t, "type", "task") in {"task", "milestone"}
]

# detail(t): a task or milestone row (a row without a type counts as a task).
detail(t) if object.get(t, "type", "task") in {"task", "milestone"}

execution(t) if t.phase >= selector.phase_at_least

execution(t) if {
	is_string(selector.wbs_prefix)
	selector.wbs_prefix != ""
	startswith(object.get(t, "wbs", ""), selector.wbs_prefix)
}

execution(t) if {
	is_string(selector.name_regex)
	selector.name_regex != ""
	regex.match(selector.name_regex, object.get(t, "name", ""))
}

# A task's date: when it actually started, else when it is planned to start.
task_date(t) := d if {
	d := lib.day(t.actual_start)
} else := lib.day(t.start)

started(t) if lib.day(t.actual_start) <= lib.as_of

started(t) if lib.day(t.start) <= lib.as_of

label(t) := sprintf("%s %s", [t.id, t.name]) if not lib.blank(object.get(t, "id", null))

else := object.get(t, "name", "(unnamed task)")

# Existence tests over the rows themselves, cheapest test first: on a
# large schedule without phases these scan without building tasks(s).
has_phases(s) if {
	some t in object.get(s, ["schedule", "tasks"], [])
	is_number(t.phase)
	detail(t)
}

has_dates(s) if {
	some t in object.get(s, ["schedule", "tasks"], [])
	task_date(t)
	detail(t)
}

assessable(s) if {
	has_dates(s)
	not phase_missing(s)
}

phase_missing(s) if {
	phase_only
	not has_phases(s)
}
