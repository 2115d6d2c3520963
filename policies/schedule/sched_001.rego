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

tasks := sched.tasks(s)

# The row of the first task carrying each id / uid.
first_id := {v: i |
	some t in tasks
	v := t.id
	not lib.blank(v)
	i := min({j | some j, x in tasks; x.id == v})
}

first_uid := {v: i |
	some t in tasks
	v := t.uid
	not lib.blank(v)
	i := min({j | some j, x in tasks; x.uid == v})
}

refs := {v | some t in tasks; some v in [object.get(t, "id", null), object.get(t, "uid", null)]; is_string(v)}

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
		some l in sched.list(t, "predecessors")
		is_object(l)
		not object.get(l, "external", false)
		not l.ref in refs
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
	some i, t in tasks
	ps := problems(i, t)
	count(ps) > 0
	f := {"msg": sprintf("%s: %s", [sched.label(t), concat("; ", ps)]), "loc": sched.loc(t)}
}

not_assessable contains r if {
	lib.absent(input, "schedule.tasks", object.get(s, "tasks", null))
	r := {"msg": "no task rows could be read from the schedule", "missing": ["schedule.tasks"]}
}
