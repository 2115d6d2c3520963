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
import data.tollgate.lib.execution as ex
import rego.v1

schedules := object.get(input, ["by_kind", "schedule"], [])

pmps := object.get(input, ["by_kind", "pmp"], [])

# The execution selector: the configured one, else M3 phase 4 and later.
pmp_approved_on := min({d | some p in pmps; d := lib.approved_on(p)})

pmp_approved if pmp_approved_on

selector := ex.selector

tasks(s) := ex.tasks(s)

execution(t) := ex.execution(t)

task_date(t) := ex.task_date(t)

started(t) := ex.started(t)

label(t) := ex.label(t)

has_dates(s) := ex.has_dates(s)

phase_missing(s) := ex.phase_missing(s)

assessable(s) := ex.assessable(s)

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
