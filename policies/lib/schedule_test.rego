package tollgate.lib.schedule_test

import data.tollgate.lib.schedule as sched
import rego.v1

test_day_number_known_dates if {
	sched.day_number("1970-01-01") == 0
	sched.day_number("2000-03-01") == 11017
	sched.day_number("2024-06-10T08:00:00Z") == 19884
}

test_days_between_across_leap_day_and_year if {
	sched.days_between("2024-02-28", "2024-03-01") == 2
	sched.days_between("2023-02-28", "2023-03-01") == 1
	sched.days_between("2023-12-31", "2024-01-01") == 1
	sched.days_between("2024-06-10", "2024-06-01") == -9
}

# An impossible date counts on rather than raising an error.
test_impossible_date_does_not_error if {
	sched.days_between("2024-02-28", "2024-02-30") == 2
}

test_pct_and_ratio_round if {
	sched.pct(1, 3) == 33.33
	sched.pct(2, 3) == 66.67
	sched.ratio(2, 3) == 0.667
}

test_label if {
	sched.label({"id": 12, "name": "Build"}) == "12 Build"
	sched.label({"id": "", "name": "Build"}) == "Build"
	sched.label({"uid": "7", "name": " "}) == "task 7"
}

test_status_date_falls_back_to_config if {
	sched.status_date({"status_date": null}) == "2024-06-07" with data.tollgate.project as {"status_date": "2024-06-07"}
	sched.status_date({"status_date": "2024-06-03"}) == "2024-06-03" with data.tollgate.project as {"status_date": "2024-06-07"}
	not sched.status_date({"status_date": "soon"}) with data.tollgate.project as {}
}

# 2024-06-07 is a Friday: the next Monday is one working day later.
test_working_days_between if {
	sched.weekday(sched.day_number("2024-06-07")) == 5
	sched.working_days_between({}, "2024-06-07", "2024-06-10") == 1
	sched.working_days_between({}, "2024-06-03", "2024-06-17") == 10
	sched.working_days_between({}, "2024-06-17", "2024-06-03") == -10
	sched.working_days_between({}, "2024-06-03", "2024-06-03") == 0
	sched.working_days_between({"calendar": {"working_days": [1, 2, 3, 4, 5], "holidays": ["2024-06-19"]}}, "2024-06-17", "2024-06-21") == 3
}
