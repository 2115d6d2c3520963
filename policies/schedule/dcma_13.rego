# METADATA
# title: CPLI — the remaining critical path can meet the finish
# description: >-
#   The critical path length index, (critical path length + project total
#   float) / critical path length, in working days from the status date to
#   the baseline or contract finish, is at least thresholds.dcma.cpli (0.95 by
#   default).
# scope: package
# custom:
#   id: SCHED-DCMA-13
#   severity: warning
#   kinds: [schedule]
#   source: DCMA-13
#   remediation: Re-plan the remaining critical path or formally re-baseline the end date.
package tollgate.rules.schedule.dcma_13

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

sd := sched.status_date(s)

cpl := v if {
	v := sched.derived(s, "critical_path_length_days", null)
	is_number(v)
	v > 0
}

ptf := v if {
	v := sched.derived(s, "project_total_float_days", null)
	is_number(v)
}

# The float is measured against a committed finish: without a baseline or
# contract finish it is float against the schedule's own forecast, always
# zero, and the index would pass trivially.
has_target if lib.day(object.get(s, "baseline_finish", null))

has_target if lib.day(object.get(s, "contract_finish", null))

assessable if {
	sd
	sched.cpm(s)
	has_target
	cpl
	ptf
}

value := sched.ratio(cpl + ptf, cpl)

threshold := sched.dcma("cpli")

metric contains sched.metrics(value, cpl + ptf, cpl, threshold) if assessable

fail contains f if {
	assessable
	value < threshold
	msg := sprintf("CPLI %v: critical path of %v working days with %v days of project total float; threshold %v", [value, cpl, ptf, threshold])
	f := {"msg": msg, "loc": {}, "metrics": sched.metrics(value, cpl + ptf, cpl, threshold)}
}

not_assessable contains r if {
	not sd
	r := {"msg": "the schedule has no status date", "missing": sched.status_date_missing}
}

not_assessable contains r if {
	not sched.cpm(s)
	r := {"msg": "the critical-path pass did not run on this schedule (it needs predecessors and durations)", "missing": ["schedule.derived.cpm_computed"]}
}

not_assessable contains r if {
	sched.cpm(s)
	not cpl
	r := {"msg": "the critical-path pass found no remaining critical path length", "missing": ["schedule.derived.critical_path_length_days"]}
}

not_assessable contains r if {
	sched.cpm(s)
	not has_target
	r := {"msg": "the schedule has no baseline or contract finish to measure the critical path against", "missing": ["schedule.baseline_finish", "schedule.contract_finish"]}
}

not_assessable contains r if {
	sched.cpm(s)
	cpl
	has_target
	not ptf
	r := {"msg": "the critical-path pass gave no project total float", "missing": ["schedule.derived.project_total_float_days"]}
}
