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

# --- the schedule index (schedule_index.rego) ----------------------------------

indexed := {
	"tasks": [
		{"uid": "1", "type": "task", "total_float_days": 3, "float_source": "file"},
		"not a task",
		{"uid": "3", "type": "milestone", "progress": "complete", "total_float_days": 0, "float_source": "file"},
		{"uid": "4", "type": "summary", "total_float_days": 9, "float_source": "file"},
	],
	"relationships": [{"from": "1", "to": "3", "lag_days": -1}, {"from": "3", "to": "4"}],
	"index": {
		"counts": {"tasks": 4, "rels": 2},
		"tasks": {"open": [0], "odd": [2, 3], "none": []},
		"rels": {"negative_lag": [0]},
		"order": {"total_float": [2, 0, 3]},
		"first_by_uid": {"1": 0, "3": 2, "4": 3},
	},
}

bare := object.remove(indexed, {"index"})

# With the index a fact is the index's set, whatever the tasks say (Go
# computed it); a fact the index lacks is computed by scanning.
test_task_set_follows_the_index if {
	sched.task_set(indexed, "odd") == {2, 3}
	sched.task_set(indexed, "none") == set()
	sched.task_set(indexed, "detail") == {0, 2}
	sched.rel_set(indexed, "negative_lag") == {0}
	sched.size(indexed, "tasks") == 4
	sched.size(indexed, "open") == 1
}

# Without an index every fact is computed from the rows; a row that is not
# an object holds no fact.
test_task_set_without_index_scans if {
	sched.task_set(bare, "detail") == {0, 2}
	sched.task_set(bare, "open") == {0}
	sched.task_set(bare, "work") == {0}
	sched.task_set(bare, "summary") == {3}
	sched.task_set(bare, "no_predecessor") == {0}
	sched.task_set(bare, "no_successor") == {3}
	sched.rel_set(bare, "negative_lag") == {0}
	sched.rel_set(bare, "not_fs") == set()
	sched.size(bare, "tasks") == 3
	sched.size(bare, "rels") == 2
	sched.uid_position(bare) == {"1": 0, "3": 2, "4": 3}
}

# above/at_least/below/at_most read a measure's order from the threshold
# on, and return positions in schedule order, with or without the index.
test_orders_by_bisection if {
	some x in [indexed, bare]
	sched.above(x, "total_float", 2) == [0, 3]
	sched.above(x, "total_float", 3) == [3]
	sched.at_least(x, "total_float", 3) == [0, 3]
	sched.below(x, "total_float", 3) == [2]
	sched.at_most(x, "total_float", 3) == [0, 2]
	sched.above(x, "total_float", 9) == []
	sched.below(x, "total_float", -1) == []
}

# Bisection over orders of every length, ties included.
test_count_le_lt if {
	vals := [1, 2, 2, 2, 5, 8]
	x := {"tasks": [{"total_float_days": v, "float_source": "file"} | some v in vals]}
	o := numbers.range(0, 5)
	[sched.count_le(x, "total_float", o, v) | some v in [0, 1, 2, 3, 8, 9]] == [0, 1, 4, 4, 6, 6]
	[sched.count_lt(x, "total_float", o, v) | some v in [0, 1, 2, 3, 8, 9]] == [0, 0, 1, 4, 5, 6]
	sched.count_le(x, "total_float", [], 3) == 0
	d := {"tasks": [{"baseline_finish": "2024-01-02T08:00"}, {"baseline_finish": "2024-03-01"}]}
	sched.count_le(d, "baseline_finish", [0, 1], "2024-02-01") == 1
	sched.at_most(d, "baseline_finish", "2024-01-02") == [0]
}

# --- fields ----------------------------------------------------------------------

test_has_field_from_column_or_tasks if {
	sched.has_field({"columns": {"baseline_finish": "Baseline Finish"}, "tasks": []}, "baseline_finish", "baseline_finish")
	sched.has_field({"columns": {}, "tasks": [{"baseline_finish": "2024-06-01"}]}, "baseline_finish", "baseline_finish")
	not sched.has_field({"columns": {"baseline_finish": null}, "tasks": [{"baseline_finish": null}]}, "baseline_finish", "baseline_finish")
}

# Logic is readable from a predecessor or successor column, a relationship,
# or a link on any task; a schedule with none of these has no logic data.
test_has_logic_each_source if {
	sched.has_logic({"columns": {"predecessors": "Predecessors"}})
	sched.has_logic({"columns": {"successors": "Successors"}})
	sched.has_logic({"columns": {}, "relationships": [{"from": "1", "to": "2"}]})
	sched.has_logic({"columns": {}, "tasks": [{"uid": "1", "successors": ["2"]}]})
	sched.has_logic({"columns": {}, "tasks": [{"uid": "2", "predecessors": null, "successors": ["3"]}]})
	not sched.has_logic({"columns": {}, "relationships": [], "tasks": [{"uid": "1", "predecessors": [], "successors": null}]})
}
