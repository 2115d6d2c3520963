package tollgate.rules.schedule.sched_007_test

import data.tollgate.lib.schedule_fixtures as fx
import data.tollgate.rules.schedule.sched_007
import rego.v1

test_pass_status_date_in_file if {
	count(sched_007.fail) == 0 with input as fx.doc({})
}

test_pass_status_date_in_config if {
	count(sched_007.fail) == 0 with input as fx.doc({"status_date": null}) with data.tollgate.project as {"as_of": "2024-06-10", "status_date": "2024-06-07"}
}

test_fail_no_status_date if {
	sched_007.fail == {{"msg": "the schedule has no status date, in the file or as project.status_date in .tollgate.yaml", "loc": {}}} with input as fx.doc({"status_date": null})
}

# A status date that is not a date is no status date.
test_fail_unreadable_status_date if {
	count(sched_007.fail) == 1 with input as fx.doc({"status_date": "next Friday"})
}

# The rule has no not_assessable case: a missing status date is the finding.
test_never_not_assessable if {
	count(object.get(data.tollgate.rules.schedule.sched_007, "not_assessable", set())) == 0 with input as fx.doc({"status_date": null})
}
