package tollgate.rules.schedule.dcma_13_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.dcma_13
import rego.v1

cpm(cpl, ptf) := {"cpm_computed": true, "critical_path_length_days": cpl, "project_total_float_days": ptf}

test_fail_low_cpli if {
	d := fx.doc({"baseline_finish": "2025-03-31", "tasks": fx.tasks(2, {}), "derived": cpm(100, -10)})
	dcma_13.fail == {{
		"msg": "CPLI 0.9: critical path of 100 working days with -10 days of project total float; threshold 0.95",
		"loc": {},
		"metrics": {"value": 0.9, "numerator": 90, "denominator": 100, "threshold": 0.95},
	}} with input as d
}

test_pass_reports_metric if {
	d := fx.doc({"contract_finish": "2025-03-31", "tasks": fx.tasks(2, {}), "derived": cpm(100, -5)})
	count(dcma_13.fail) == 0 with input as d
	dcma_13.metric == {{"value": 0.95, "numerator": 95, "denominator": 100, "threshold": 0.95}} with input as d
}

test_not_assessable_without_total_float if {
	d := fx.doc({"baseline_finish": "2025-03-31", "tasks": fx.tasks(2, {}), "derived": cpm(100, null)})
	dcma_13.not_assessable == {{"msg": "the critical-path pass gave no project total float", "missing": ["schedule.derived.project_total_float_days"]}} with input as d
	count(dcma_13.metric) == 0 with input as d
}

# Float against the schedule's own forecast finish is always zero: no pass
# without a committed finish.
test_not_assessable_without_committed_finish if {
	d := fx.doc({"tasks": fx.tasks(2, {}), "derived": cpm(100, 0)})
	dcma_13.not_assessable == {{"msg": "the schedule has no baseline or contract finish to measure the critical path against", "missing": ["schedule.baseline_finish", "schedule.contract_finish"]}} with input as d
	count(dcma_13.metric) == 0 with input as d
	count(dcma_13.fail) == 0 with input as d
}

test_not_assessable_without_cpm_or_status_date if {
	d := fx.doc({"status_date": null, "tasks": fx.tasks(2, {})})
	dcma_13.not_assessable == {
		{"msg": "the schedule has no status date", "missing": ["schedule.status_date (or project.status_date in .tollgate.yaml)"]},
		{"msg": "the critical-path pass did not run on this schedule (it needs predecessors and durations)", "missing": ["schedule.derived.cpm_computed"]},
	} with input as d
}
