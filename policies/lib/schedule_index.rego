# The schedule index: generic facts about a schedule's tasks and
# relationships that the schedule rules compose, so that a rule looks only
# at the tasks that can offend it instead of scanning every task.
#
# Go computes the facts once at normalization (internal/schedule/index.go,
# schedule.index); nothing there knows a rule or a threshold. Every fact is
# also defined here (the _scan_* functions below): a schedule without an
# index — an artifact supplied as JSON/YAML, whose own index tollgate
# removes because an index written in a file could hide offenders — gets
# the same facts computed in Rego, by scanning. internal/policy's
# TestScheduleIndexFactsMatchRego holds both definitions equal.
#
# A rule reads facts only through these helpers:
#
#   task_set(s, "open")            set of task positions (s.tasks[i])
#   rel_set(s, "negative_lag")     set of relationship positions
#   above(s, "total_float", x)     positions with a measure > x (also
#   at_least, below, at_most)      >=, <, <=), ascending (schedule order)
#   task_count(s), rel_count(s)    rows of each
#   uid_position(s)                {uid: position of its first task}
#
# Bind each set once as a complete rule (open := sched.task_set(s, "open"))
# and iterate the smallest one, testing membership in the others
# (i in open) or intersecting them (a & b): with the index both are done
# by the engine in Go, not step by step in Rego.
package tollgate.lib.schedule

import data.tollgate.lib
import rego.v1

# indexed(s): the schedule carries tollgate's index.
indexed(s) if is_object(object.get(s, "index", null))

# task_set(s, fact): the positions of the tasks fact holds for, as a set.
task_set(s, fact) := _as_set(s.index.tasks[fact]) if {
	indexed(s)
	s.index.tasks[fact]
} else := _scan_tasks(s, fact)

# rel_set(s, fact): the positions of the relationships fact holds for.
rel_set(s, fact) := _as_set(s.index.rels[fact]) if {
	indexed(s)
	s.index.rels[fact]
} else := _scan_rels(s, fact)

# The index's facts are sets in the policy input; a list (a hand-written
# test input) works too.
_as_set(x) := x if is_set(x)

else := {i | some i in x}

task_count(s) := s.index.counts.tasks if {
	indexed(s)
	is_number(s.index.counts.tasks)
} else := count(tasks(s))

rel_count(s) := s.index.counts.rels if {
	indexed(s)
	is_number(s.index.counts.rels)
} else := count(rels(s))

# size(s, set): "tasks", "rels", or a task fact's size.
size(s, "tasks") := task_count(s)

size(s, "rels") := rel_count(s)

size(s, fact) := count(task_set(s, fact)) if not fact in {"tasks", "rels"}

# order(s, m): the positions of the tasks having measure m, sorted by it
# (ties by position).
order(s, m) := o if {
	indexed(s)
	o := s.index.order[m]
	is_array(o)
} else := _scan_order(s, m)

# above(s, m, x): positions of the tasks whose measure m is > x, in schedule
# order; at_least (>=), below (<), at_most (<=) alike. A date measure
# compares YYYY-MM-DD days. Found by bisection on the order, measuring the
# tasks it probes, so a rule with a threshold reads only the tasks past it.
above(s, m, x) := sort(array.slice(o, count_le(s, m, o, x), count(o))) if o := order(s, m)

at_least(s, m, x) := sort(array.slice(o, count_lt(s, m, o, x), count(o))) if o := order(s, m)

below(s, m, x) := sort(array.slice(o, 0, count_lt(s, m, o, x))) if o := order(s, m)

at_most(s, m, x) := sort(array.slice(o, 0, count_le(s, m, o, x))) if o := order(s, m)

# uid_position(s): each UID's first task position.
uid_position(s) := s.index.first_by_uid if {
	indexed(s)
	is_object(s.index.first_by_uid)
} else := {p[0]: p[1] |
	pairs := sort([[t.uid, i] | some i, t in _rows(s); is_object(t); is_string(t.uid)])
	some k, p in pairs
	_first_of_run(pairs, k)
}

# by_uid(s, uids): uid → the first task of that UID, for the uids given
# (a rule naming the ends of a few relationships looks up only those).
by_uid(s, uids) := {u: s.tasks[p] |
	pos := uid_position(s)
	some u in uids
	p := pos[u]
}

# count_le(s, m, o, x) / count_lt(s, m, o, x): how many tasks of order o
# (by measure m) measure <= x / < x, by bisection: 24 halvings, enough for
# 16,777,216 tasks (a longer order is counted by a scan).
count_le(s, m, o, x) := _count(s, m, o, x, false)

count_lt(s, m, o, x) := _count(s, m, o, x, true)

_count(s, m, o, x, strict) := b24[0] if {
	count(o) <= 16777216
	b0 := [0, count(o)]
	b1 := _halve(s, m, o, x, strict, b0)
	b2 := _halve(s, m, o, x, strict, b1)
	b3 := _halve(s, m, o, x, strict, b2)
	b4 := _halve(s, m, o, x, strict, b3)
	b5 := _halve(s, m, o, x, strict, b4)
	b6 := _halve(s, m, o, x, strict, b5)
	b7 := _halve(s, m, o, x, strict, b6)
	b8 := _halve(s, m, o, x, strict, b7)
	b9 := _halve(s, m, o, x, strict, b8)
	b10 := _halve(s, m, o, x, strict, b9)
	b11 := _halve(s, m, o, x, strict, b10)
	b12 := _halve(s, m, o, x, strict, b11)
	b13 := _halve(s, m, o, x, strict, b12)
	b14 := _halve(s, m, o, x, strict, b13)
	b15 := _halve(s, m, o, x, strict, b14)
	b16 := _halve(s, m, o, x, strict, b15)
	b17 := _halve(s, m, o, x, strict, b16)
	b18 := _halve(s, m, o, x, strict, b17)
	b19 := _halve(s, m, o, x, strict, b18)
	b20 := _halve(s, m, o, x, strict, b19)
	b21 := _halve(s, m, o, x, strict, b20)
	b22 := _halve(s, m, o, x, strict, b21)
	b23 := _halve(s, m, o, x, strict, b22)
	b24 := _halve(s, m, o, x, strict, b23)
} else := count([k | some k in o; _below(_measure(m, s.tasks[k]), x, strict)])

# _halve(…, [lo, hi]): the half of [lo, hi) where the first task measuring
# past x is.
_halve(s, m, o, x, strict, b) := [k + 1, b[1]] if {
	b[0] < b[1]
	k := floor((b[0] + b[1]) / 2)
	_below(_measure(m, s.tasks[o[k]]), x, strict)
} else := [b[0], floor((b[0] + b[1]) / 2)] if {
	b[0] < b[1]
} else := b

_below(v, x, false) if v <= x

_below(v, x, true) if v < x

# --- the facts, computed by scanning (a schedule without an index) -----------
# Each is the definition of its fact; internal/schedule/index.go computes the
# same in Go.

_rows(s) := object.get(s, "tasks", [])

_rels_rows(s) := object.get(s, "relationships", [])

# ctx is what a fact needs of the whole schedule (the UIDs relationships
# lead to, say), computed once before the scan.
_scan_tasks(s, fact) := {i | ctx := _context(s, fact); some i, t in _rows(s); is_object(t); _holds(ctx, fact, t)}

_context(s, "no_predecessor") := {r.to | some r in _rels_rows(s); is_object(r)}

_context(s, "no_successor") := {r.from | some r in _rels_rows(s); is_object(r)}

_context(s, "critical") := _named_critical(s)

_context(s, "duplicate_id") := _shared(s, "id")

_context(s, "duplicate_uid") := _shared(s, "uid")

_context(s, "dangling_predecessor") := _refs(s)

_context(_, fact) := set() if not fact in {"no_predecessor", "no_successor", "critical", "duplicate_id", "duplicate_uid", "dangling_predecessor"}

_is_detail(t) if type(t) in {"task", "milestone"}

_holds(_, "detail", t) if _is_detail(t)

_holds(_, "open", t) if {
	_is_detail(t)
	not complete(t)
}

_holds(_, "work", t) if {
	type(t) == "task"
	not complete(t)
}

_holds(_, "milestone", t) if type(t) == "milestone"

_holds(_, "summary", t) if type(t) == "summary"

_holds(_, "complete", t) if complete(t)

# no_predecessor / no_successor: neither a relationship nor a link of the
# task's own names one.
_holds(tos, "no_predecessor", t) if {
	not t.uid in tos
	count(list(t, "predecessors")) == 0
}

_holds(froms, "no_successor", t) if {
	not t.uid in froms
	count(list(t, "successors")) == 0
}

_holds(_, "constrained", t) if is_string(object.get(t, ["constraint", "type"], null))

_holds(_, "hard_constraint", t) if object.get(t, ["constraint", "hard"], false) == true

_holds(_, "no_float", t) if not float_known(t)

_holds(_, "float_computed", t) if {
	float_known(t)
	t.float_source == "computed"
}

_holds(_, "no_planned_duration", t) if not planned_duration(t)

# no_duration: no duration above zero.
_holds(_, "no_duration", t) if not _positive(object.get(t, "duration_days", null))

_holds(_, "zero_duration", t) if object.get(t, "duration_days", null) == 0

_holds(_, "resourced", t) if count(list(t, "resources")) > 0

_holds(_, "unresourced", t) if count(list(t, "resources")) == 0

# critical: on the critical path, or the task the critical-path test delays.
_holds(uids, "critical", t) if t.uid in uids

_holds(_, "no_baseline", t) if not _baselined(t)

_holds(_, "started", t) if lib.day(object.get(t, "actual_start", null))

_holds(_, "finished", t) if lib.day(object.get(t, "actual_finish", null))

_holds(_, "percent_positive", t) if _positive(object.get(t, "percent_complete", null))

_holds(_, "percent_full", t) if {
	pc := object.get(t, "percent_complete", null)
	is_number(pc)
	pc >= 100
}

_holds(shared, "duplicate_id", t) if t.id in shared

_holds(shared, "duplicate_uid", t) if t.uid in shared

_holds(_, "blank_name", t) if lib.blank(object.get(t, "name", null))

_holds(refs, "dangling_predecessor", t) if {
	some l in list(t, "predecessors")
	is_object(l)
	not object.get(l, "external", false)
	not l.ref in refs
}

_holds(_, "finish_before_start", t) if _reversed(t, "start", "finish")

_holds(_, "baseline_finish_before_start", t) if _reversed(t, "baseline_start", "baseline_finish")

_holds(_, "actual_finish_before_start", t) if _reversed(t, "actual_start", "actual_finish")

_positive(x) if {
	is_number(x)
	x > 0
}

_baselined(t) if {
	lib.day(object.get(t, "baseline_start", null))
	lib.day(object.get(t, "baseline_finish", null))
}

_reversed(t, start, finish) if lib.day(object.get(t, finish, null)) < lib.day(object.get(t, start, null))

_named_critical(s) := {u | some u in derived(s, "critical_path", []); is_string(u)} | {u |
	u := object.get(s, ["derived", "critical_path_test", "task_uid"], null)
	is_string(u)
}

# _shared(s, field): the non-blank values of field carried by two tasks or
# more (sorting finds them in O(n log n)).
_shared(s, field) := {v |
	vs := sort([v | some t in _rows(s); is_object(t); v := t[field]; not lib.blank(v)])
	some k, v in vs
	k > 0
	v == vs[k - 1]
}

_refs(s) := {v | some t in _rows(s); is_object(t); v := t.id; is_string(v)} | {v | some t in _rows(s); is_object(t); v := t.uid; is_string(v)}

_scan_rels(s, fact) := {i | some i, r in _rels_rows(s); is_object(r); _rel_holds(fact, r)}

_rel_holds("negative_lag", r) if {
	is_number(r.lag_days)
	r.lag_days < 0
}

_rel_holds("positive_lag", r) if {
	is_number(r.lag_days)
	r.lag_days > 0
}

_rel_holds("not_fs", r) if rel_type(r) != "FS"

_rel_holds("start_to_finish", r) if rel_type(r) == "SF"

# rel_type(r): the relationship's type, upper-cased; FS when it has none.
rel_type(r) := upper(r.type) if {
	is_string(object.get(r, "type", null))
} else := "FS"

# planned_duration(t): the baseline duration, else the current one.
planned_duration(t) := t.baseline_duration_days if {
	is_number(object.get(t, "baseline_duration_days", null))
} else := t.duration_days if {
	is_number(object.get(t, "duration_days", null))
}

_scan_order(s, m) := [p[1] | some p in pairs] if {
	m in {"total_float", "planned_duration", "duration", "start", "finish", "baseline_start", "baseline_finish", "actual_start", "actual_finish", "forecast_start", "forecast_finish"}
	pairs := sort([[v, i] | some i, t in _rows(s); is_object(t); v := _measure(m, t)])
}

_measure("total_float", t) := t.total_float_days if float_known(t)

_measure("planned_duration", t) := planned_duration(t)

_measure("duration", t) := t.duration_days if is_number(object.get(t, "duration_days", null))

_measure(m, t) := lib.day(object.get(t, m, null)) if m in {"start", "finish", "baseline_start", "baseline_finish", "actual_start", "actual_finish"}

# A forecast is a date still to come true: the start of a task not begun,
# the finish of one not done.
_measure("forecast_start", t) := d if {
	d := lib.day(object.get(t, "start", null))
	not lib.day(object.get(t, "actual_start", null))
	not object.get(t, "progress", "") in {"in-progress", "complete"}
}

_measure("forecast_finish", t) := d if {
	d := lib.day(object.get(t, "finish", null))
	not lib.day(object.get(t, "actual_finish", null))
	not complete(t)
}
