package tollgate.rules.schedule.sched_008_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_008
import rego.v1

project := {"as_of": "2024-06-10"}

test_fail_stale_status if {
	d := fx.doc({"status_date": "2024-06-01"})
	sched_008.fail == {{
		"msg": "the status date 2024-06-01 is 9 days before the assessment date 2024-06-10; threshold 7 days",
		"loc": {},
		"metrics": {"value": 9, "threshold": 7},
	}} with input as d with data.tollgate.project as project
}

test_pass_recent_status if {
	d := fx.doc({"status_date": "2024-06-03"})
	count(sched_008.fail) == 0 with input as d with data.tollgate.project as project
	sched_008.metric == {{"value": 7, "threshold": 7}} with input as d with data.tollgate.project as project
}

test_threshold_from_data if {
	d := fx.doc({"status_date": "2024-06-01"})
	count(sched_008.fail) == 0 with input as d with data.tollgate.project as project with data.tollgate.thresholds.schedule.status_max_age_days as 14
}

test_not_assessable_without_status_date if {
	d := fx.doc({"status_date": null})
	sched_008.not_assessable == {{"msg": "the schedule has no status date", "missing": ["schedule.status_date (or project.status_date in .tollgate.yaml)"]}} with input as d with data.tollgate.project as project
	count(sched_008.fail) == 0 with input as d with data.tollgate.project as project
}

test_not_assessable_without_as_of if {
	d := fx.doc({})
	sched_008.not_assessable == {{"msg": "the assessment date is unknown", "missing": ["project.as_of"]}} with input as d with data.tollgate.project as {}
}
