# METADATA
# title: Execution work does not start before the PMP is approved
# description: >-
#   No execution task of the schedule (M3 phase 4 and later by default, or the
#   tasks project.execution selects by phase_at_least, wbs_prefix or
#   name_regex) starts (actual start, else planned start) before the PMP's
#   approval date; and execution has not started while the submission holds no
#   approved PMP.
# scope: package
# custom:
#   id: XDOC-001
#   severity: error
#   kinds: [project]
#   source: >-
#     seed 002 activity 1 (delivery activities begin after planning completes,
#     including PMP approval)
#   remediation: >-
#     Approve the PMP first, or correct the schedule/actuals; if work legitimately
#     began early, record a waiver with the sponsor's authorization.
package tollgate.rules.xdoc.xdoc_001

import data.tollgate.lib
import rego.v1

schedules := object.get(input, ["by_kind", "schedule"], [])

pmps := object.get(input, ["by_kind", "pmp"], [])

# The execution selector: the configured one, else M3 phase 4 and later.
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
pmp_approved_on := min({d | some p in pmps; d := lib.approved_on(p)})

pmp_approved if pmp_approved_on

tasks(s) := [t |
	some t in object.get(s, ["schedule", "tasks"], [])
	is_object(t)
	object.get(t, "type", "task") in {"task", "milestone"}
]

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

has_phases(s) if {
	some t in tasks(s)
	is_number(t.phase)
}

has_dates(s) if {
	some t in tasks(s)
	task_date(t)
}

assessable(s) if {
	has_dates(s)
	not phase_missing(s)
}

phase_missing(s) if {
	phase_only
	not has_phases(s)
}

checked contains s.source.path if some s in schedules

fail contains f if {
	some s in schedules
	assessable(s)
	some t in tasks(s)
	execution(t)
	d := task_date(t)
	d < pmp_approved_on
	f := {
		"msg": sprintf("execution task %q %s on %s, before the PMP was approved on %s", [label(t), verb(t), d, pmp_approved_on]),
		"path": s.source.path,
		"loc": lib.loc_or_doc(object.get(t, "loc", {})),
	}
}

verb(t) := "started" if {
	lib.day(t.actual_start)
} else := "is planned to start"

fail contains f if {
	not pmp_approved
	some s in schedules
	assessable(s)
	begun := [t | some t in tasks(s); execution(t); started(t)]
	count(begun) > 0
	first := sort_by_date(begun)[0]
	f := {
		"msg": sprintf("execution has started (%q %s on %s, as of %s) but the submission holds %s", [label(first), verb(first), task_date(first), lib.as_of, pmp_state]),
		"path": s.source.path,
		"loc": lib.loc_or_doc(object.get(first, "loc", {})),
	}
}

pmp_state := "no project management plan" if count(pmps) == 0

else := "no approved project management plan"

# sort_by_date orders tasks by their date (ties by position in the schedule).
sort_by_date(ts) := [ts[i] | some pair in sort([[task_date(t), j] | some j, t in ts]); i := pair[1]]

not_assessable contains r if {
	some s in schedules
	not has_dates(s)
	r := {"msg": "no task in the schedule has a start or actual start date", "missing": ["schedule.columns.start", "schedule.columns.actual_start"], "path": s.source.path}
}

not_assessable contains r if {
	some s in schedules
	has_dates(s)
	phase_missing(s)
	r := {
		"msg": "the schedule carries no phase for its tasks and no execution selector is configured, so execution tasks cannot be told apart",
		"missing": ["schedule.columns.phase", "project.execution"],
		"path": s.source.path,
	}
}
