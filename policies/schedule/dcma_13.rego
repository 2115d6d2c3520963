# METADATA
# title: CPLI — the remaining critical path can meet the committed finish
# description: >-
#   The critical path length index, (critical path length + project total
#   float) / critical path length, is at least thresholds.dcma.cpli (0.95 by
#   default). The length (working days from the status date to the forecast
#   finish) comes from tollgate's critical-path pass; the project total float
#   is the working days from that forecast finish to the contract finish, else
#   the baseline finish.
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

# The committed finish the float is measured against. The pass's own total
# float counts back from its forecast finish (always zero there), so it
# cannot stand in for it.
target := ["contract", d] if {
	d := lib.day(object.get(s, "contract_finish", null))
} else := ["baseline", d] if {
	d := lib.day(object.get(s, "baseline_finish", null))
}

forecast := lib.day(sched.derived(s, "project_finish", null))

ptf := sched.working_days_between(s, forecast, target[1])

assessable if {
	sd
	sched.cpm(s)
	cpl
	ptf
}

value := sched.ratio(cpl + ptf, cpl)

threshold := sched.dcma("cpli")

metric contains sched.metrics(value, cpl + ptf, cpl, threshold) if assessable

fail contains f if {
	assessable
	value < threshold
	msg := sprintf("CPLI %v: critical path of %v working days, forecast finish %s against the %s finish %s (%v working days of float); threshold %v", [value, cpl, forecast, target[0], target[1], ptf, threshold])
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
	not target
	r := {"msg": "the schedule has no baseline or contract finish to measure the critical path against", "missing": ["schedule.baseline_finish", "schedule.contract_finish"]}
}

not_assessable contains r if {
	sched.cpm(s)
	target
	not forecast
	r := {"msg": "the critical-path pass gave no forecast finish date (the schedule holds no dates)", "missing": ["schedule.derived.project_finish"]}
}
