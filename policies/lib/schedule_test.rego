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
		{"uid": "1", "type": "task"},
		"not a task",
		{"uid": "3", "type": "milestone", "progress": "complete"},
		{"uid": "4", "type": "summary"},
	],
	"relationships": [{"from": "1", "to": "3"}, {"from": "3", "to": "4"}],
	"index": {
		"candidates": {"r": [2, 1, 3], "r.rels": [1], "none": []},
		"counts": {"detail": 7},
	},
}

# With the index a rule judges only its candidates, in the index's order;
# a position that is not a task object is skipped.
test_candidates_follow_the_index if {
	sched.candidates(indexed, "r") == [{"uid": "3", "type": "milestone", "progress": "complete"}, {"uid": "4", "type": "summary"}]
	sched.candidates(indexed, "none") == []
	sched.candidate_rels(indexed, "r.rels") == [{"from": "3", "to": "4"}]
}

# A rule the index does not list, or a schedule without an index, scans
# every task (and every relationship).
test_candidates_without_index_are_everything if {
	sched.candidates(indexed, "other") == [{"uid": "1", "type": "task"}, {"uid": "3", "type": "milestone", "progress": "complete"}, {"uid": "4", "type": "summary"}]
	sched.candidate_rels(indexed, "other") == indexed.relationships
	sched.candidates({"tasks": [{"uid": "1"}]}, "r") == [{"uid": "1"}]
	sched.candidate_rels({"relationships": [{"from": "1", "to": "2"}, null]}, "r") == [{"from": "1", "to": "2"}]
}

# size takes the index's count when it has one, else counts the set.
test_size_from_index_else_counted if {
	sched.size(indexed, "detail") == 7
	sched.size(indexed, "tasks") == 3
	sched.size(indexed, "open") == 1
	sched.size(indexed, "work") == 1
	sched.size(indexed, "rels") == 2
	sched.size({"index": {"counts": {"open": "many"}}, "tasks": [{"uid": "1"}]}, "open") == 1
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
