package tollgate.rules.schedule.dcma_01_test

import data.tollgate.rules.schedule.dcma_01
import rego.v1

task(uid, type, progress) := {"uid": uid, "id": uid, "name": concat(" ", ["Task", uid]), "type": type, "progress": progress, "predecessors": [], "successors": [], "loc": {"row": to_number(uid)}}

sched(tasks, rels) := {"kind": "schedule", "schedule": {"columns": {"predecessors": "Predecessors"}, "tasks": tasks, "relationships": rels}}

fs(a, b) := {"from": a, "to": b, "type": "FS", "lag_days": 0}

# A chain 1 → 2 → … → 21 with start milestone 1 and finish milestone 21:
# every open end is exempt or linked.
kind_of(i) := "milestone" if {
	i in {1, 21}
} else := "task"

chain := [task(sprintf("%d", [i]), kind_of(i), "not-started") | some i in numbers.range(1, 21)]

chain_rels := [fs(sprintf("%d", [i]), sprintf("%d", [i + 1])) | some i in numbers.range(1, 20)]

test_pass_linked_chain_reports_metric if {
	doc := sched(chain, chain_rels)
	count(dcma_01.fail) == 0 with input as doc
	dcma_01.metric == {{"value": 0, "numerator": 0, "denominator": 21, "threshold": 5}} with input as doc
}

# Two of 21 open tasks dangling: 9.52 % > 5 %.
test_fail_two_dangling_tasks if {
	extra := [task("30", "task", "in-progress"), task("31", "task", "not-started")]
	doc := sched(array.concat(chain, extra), chain_rels)
	fs := dcma_01.fail with input as doc
	fs == {{
		"msg": "2 of 23 open tasks (8.7%) lack a predecessor or a successor (first: \"30 Task 30\"); threshold 5%",
		"loc": {"row": 30},
		"related": [{"row": 30}, {"row": 31}],
		"metrics": {"value": 8.7, "numerator": 2, "denominator": 23, "threshold": 5},
	}}
}

# One dangling task in 21 (4.76 %) is within the threshold; completed tasks
# and summaries do not count.
test_pass_one_dangling_within_threshold if {
	extra := [task("30", "task", "in-progress"), task("40", "task", "complete"), task("41", "summary", "not-started")]
	doc := sched(array.concat(chain, extra), chain_rels)
	count(dcma_01.fail) == 0 with input as doc
	dcma_01.metric == {{"value": 4.55, "numerator": 1, "denominator": 22, "threshold": 5}} with input as doc
}

# Only one start milestone is exempt: a second unlinked milestone counts.
test_second_start_milestone_counts if {
	extra := [task("30", "milestone", "not-started")]
	rels := array.concat(chain_rels, [fs("30", "2")])
	doc := sched(array.concat(chain, extra), rels)
	dcma_01.metric == {{"value": 4.55, "numerator": 1, "denominator": 22, "threshold": 5}} with input as doc
}

test_links_on_tasks_count_without_relationships if {
	a := object.union(task("1", "task", "not-started"), {"successors": [{"ref": "2", "type": "FS", "lag_days": 0}]})
	b := object.union(task("2", "task", "not-started"), {"predecessors": [{"ref": "1", "type": "FS", "lag_days": 0}]})
	doc := sched([a, b], [])
	dcma_01.metric == {{"value": 100, "numerator": 2, "denominator": 2, "threshold": 5}} with input as doc
}

test_threshold_from_data if {
	extra := [task("30", "task", "in-progress"), task("31", "task", "not-started")]
	doc := sched(array.concat(chain, extra), chain_rels)
	count(dcma_01.fail) == 0 with input as doc with data.tollgate.thresholds.dcma.logic_pct as 10
}

test_not_assessable_without_predecessors if {
	doc := {"kind": "schedule", "schedule": {"columns": {"predecessors": null}, "tasks": chain, "relationships": []}}
	dcma_01.not_assessable == {{"msg": "the schedule carries no predecessor or successor data", "missing": ["schedule.columns.predecessors"]}} with input as doc
	count(dcma_01.fail) == 0 with input as doc
	count(dcma_01.metric) == 0 with input as doc
}

test_not_assessable_without_open_tasks if {
	doc := sched([task("1", "task", "complete"), task("2", "summary", "in-progress")], [])
	count(dcma_01.not_assessable) == 1 with input as doc
	count(dcma_01.fail) == 0 with input as doc
}

# Null lists (a Go nil slice) are empty lists, not a built-in error.
test_null_link_lists if {
	ts := [object.union(task("1", "task", "not-started"), {"predecessors": null, "successors": null})]
	dcma_01.metric == {{"value": 100, "numerator": 1, "denominator": 1, "threshold": 5}} with input as sched(ts, [])
}

# Long lists: the summary names the first offender's location (even an
# empty one) and the first 50 non-empty ones; offenders without a location
# are skipped, so the 50 may come from beyond the first 50 offenders.
unlinked(i, loc) := object.union(object.remove(task(sprintf("%d", [i]), "task", "not-started"), {"loc"}), {"loc": loc})

test_fail_many_offenders_related_skips_empty_locations if {
	ts := [unlinked(i, loc) | some i in numbers.range(1, 60); loc := _row_unless_first_three(i)]
	fs := dcma_01.fail with input as sched(ts, [])
	some f in fs
	f.loc == {}
	count(f.related) == 50
	f.related[0] == {"row": 4}
	f.related[49] == {"row": 53}
	f.metrics.numerator == 60
}

test_fail_many_offenders_related_are_the_first_fifty if {
	ts := [unlinked(i, {"row": i}) | some i in numbers.range(1, 60)]
	fs := dcma_01.fail with input as sched(ts, [])
	some f in fs
	f.loc == {"row": 1}
	f.related == [{"row": i} | some i in numbers.range(1, 50)]
}

_row_unless_first_three(i) := {} if i <= 3

else := {"row": i}
