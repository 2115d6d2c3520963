# METADATA
# title: Task identity and references are sound
# description: >-
#   Every task has a unique ID and UID and a name, and every (non-external)
#   predecessor reference names a task of the schedule.
# scope: package
# custom:
#   id: SCHED-001
#   severity: error
#   kinds: [schedule]
#   source: GAO BP1–2 (all activities captured and linked)
#   remediation: Fix IDs and references; remove links to deleted tasks.
package tollgate.rules.schedule.sched_001

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

# The task rows as written (sched.tasks without its copy: the rule reads
# rows by position, and skips any that is not an object).
tasks := object.get(s, "tasks", [])

# rows: the positions of the tasks to judge (schedule index facts): every
# task whose id or uid is shared, the first occurrence included, whose name
# is blank or whose predecessor matches no task.
rows := sort({i |
	some fact in ["duplicate_id", "duplicate_uid", "blank_name", "dangling_predecessor"]
	some i in sched.task_set(s, fact)
})

dangling := sched.task_set(s, "dangling_predecessor")

# The row of the first task carrying each id / uid. Every occurrence of a
# shared id or uid is among rows, so the first one among rows is the first
# of the schedule.
first_id := _first("id")

first_uid := _first("uid")

_first(field) := {p[0]: p[1] |
	# Sorting (value, row) pairs finds each value's first row in
	# O(n log n) however many rows there are.
	pairs := sort([[v, i] | some i in rows; is_object(tasks[i]); v := tasks[i][field]; not lib.blank(v)])
	some k, p in pairs
	_first_of_run(pairs, k)
}

_first_of_run(_, 0)

_first_of_run(pairs, k) if {
	k > 0
	pairs[k - 1][0] != pairs[k][0]
}

# resolves(ref): a task has ref as its UID (the index's first task by UID)
# or as its ID. Only the predecessors of a row with a dangling one are
# resolved: a row without one has every reference resolving.
resolves(ref) if {
	_ = positions[ref]
}

resolves(ref) if {
	some t in tasks
	is_object(t)
	t.id == ref
}

positions := sched.uid_position(s)

# The UID is reported only when it says something the ID does not: a
# normalizer without a UID column copies the ID into it.
problems(i, t) := array.concat(
	[p |
		some p in [
			_dup("ID", object.get(t, "id", null), first_id, i),
			_uid_dup(i, t),
			_unnamed(t),
		]
		p != ""
	],
	[sprintf("predecessor %q matches no task", [l.ref]) |
		i in dangling
		some l in sched.list(t, "predecessors")
		is_object(l)
		not object.get(l, "external", false)
		not resolves(l.ref)
	],
)

_dup(what, v, first, i) := sprintf("%s %s is also used by %q (row %v)", [what, v, sched.label(tasks[j]), _row(tasks[j])]) if {
	not lib.blank(v)
	j := first[v]
	j != i
} else := ""

_uid_dup(i, t) := _dup("UID", t.uid, first_uid, i) if {
	t.uid != object.get(t, "id", null)
} else := ""

_unnamed(t) := "the task has no name" if {
	lib.blank(object.get(t, "name", null))
} else := ""

_row(t) := object.get(t, ["loc", "row"], "?")

fail contains f if {
	some i in rows
	t := tasks[i]
	is_object(t)
	ps := problems(i, t)
	count(ps) > 0
	f := {"msg": sprintf("%s: %s", [sched.label(t), concat("; ", ps)]), "loc": sched.loc(t)}
}

not_assessable contains r if {
	lib.absent(input, "schedule.tasks", object.get(s, "tasks", null))
	r := {"msg": "no task rows could be read from the schedule", "missing": ["schedule.tasks"]}
}
