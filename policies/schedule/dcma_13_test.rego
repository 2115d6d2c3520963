package tollgate.rules.schedule.dcma_13_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_13
import rego.v1

cpm(cpl, finish) := {"cpm_computed": true, "critical_path_length_days": cpl, "project_finish": finish}

# Forecast finish Friday 2024-06-28, baseline finish Friday 2024-06-14: ten
# working days late on a 100-day path → (100 − 10) / 100.
test_fail_low_cpli if {
	d := fx.doc({"baseline_finish": "2024-06-14", "tasks": fx.tasks(2, {}), "derived": cpm(100, "2024-06-28")})
	dcma_13.fail == {{
		"msg": "CPLI 0.9: critical path of 100 working days, forecast finish 2024-06-28 against the baseline finish 2024-06-14 (-10 working days of float); threshold 0.95",
		"loc": {},
		"metrics": {"value": 0.9, "numerator": 90, "denominator": 100, "threshold": 0.95},
	}} with input as d
}

# The contract finish wins over the baseline finish.
test_pass_against_contract_finish if {
	d := fx.doc({"baseline_finish": "2024-06-14", "contract_finish": "2024-06-21", "tasks": fx.tasks(2, {}), "derived": cpm(100, "2024-06-28")})
	count(dcma_13.fail) == 0 with input as d
	dcma_13.metric == {{"value": 0.95, "numerator": 95, "denominator": 100, "threshold": 0.95}} with input as d
}

test_pass_ahead_of_baseline if {
	d := fx.doc({"baseline_finish": "2024-07-05", "tasks": fx.tasks(2, {}), "derived": cpm(40, "2024-06-28")})
	dcma_13.metric == {{"value": 1.125, "numerator": 45, "denominator": 40, "threshold": 0.95}} with input as d
}

# Without a committed finish the float is measured against the forecast
# itself (always zero): no trivial pass.
test_not_assessable_without_committed_finish if {
	d := fx.doc({"tasks": fx.tasks(2, {}), "derived": cpm(100, "2024-06-28")})
	dcma_13.not_assessable == {{"msg": "the schedule has no baseline or contract finish to measure the critical path against", "missing": ["schedule.baseline_finish", "schedule.contract_finish"]}} with input as d
	count(dcma_13.metric) == 0 with input as d
	count(dcma_13.fail) == 0 with input as d
}

test_not_assessable_without_forecast if {
	d := fx.doc({"baseline_finish": "2024-06-14", "tasks": fx.tasks(2, {}), "derived": cpm(100, null)})
	dcma_13.not_assessable == {{"msg": "the critical-path pass gave no forecast finish date (the schedule holds no dates)", "missing": ["schedule.derived.project_finish"]}} with input as d
}

test_not_assessable_without_cpm_or_status_date if {
	d := fx.doc({"status_date": null, "tasks": fx.tasks(2, {})})
	dcma_13.not_assessable == {
		{"msg": "the schedule has no status date", "missing": ["schedule.status_date (or project.status_date in .tollgate.yaml)"]},
		{"msg": "the critical-path pass did not run on this schedule (it needs predecessors and durations)", "missing": ["schedule.derived.cpm_computed"]},
	} with input as d
}

test_not_assessable_without_critical_path_length if {
	d := fx.doc({"baseline_finish": "2024-06-14", "tasks": fx.tasks(2, {}), "derived": cpm(0, "2024-06-28")})
	dcma_13.not_assessable == {{"msg": "the critical-path pass found no remaining critical path length", "missing": ["schedule.derived.critical_path_length_days"]}} with input as d
	count(dcma_13.metric) == 0 with input as d
}
