# Helpers of the schedule pack (SCHED-DCMA-01..14, SCHED-001..008). Not a
# rule: no METADATA, no fail set. Functions take the schedule payload s
# (input.schedule, MODEL.md §6.3); rules bind the lists they need once as
# complete rules (open := sched.open(s)) so they are computed once per
# document.
package tollgate.lib.schedule

import data.tollgate.lib
import rego.v1

# payload(doc): the schedule payload of an artifact ({} when the normalizer
# produced none, so the helpers never see null).
payload(doc) := doc.schedule if {
	is_object(object.get(doc, "schedule", null))
} else := {}

# --- task sets (RULES.md "Conventions" shorthands) ---------------------------

# tasks(s): every task row that is an object, in schedule order.
tasks(s) := [t | some t in object.get(s, "tasks", []); is_object(t)]

# detail(s): tasks and milestones (summary and level-of-effort rows excluded).
detail(s) := [t | some t in tasks(s); type(t) in {"task", "milestone"}]

# open(s): detail tasks not complete.
open(s) := [t | some t in detail(s); not t.progress == "complete"]

# work(s): open tasks that are tasks proper (no milestones).
work(s) := [t | some t in open(s); type(t) == "task"]

# rels(s): the unique relationships of the network (task UIDs).
rels(s) := [r | some r in object.get(s, "relationships", []); is_object(r)]

# type(t): the row type, "task" when the row has none. (Direct field
# references rather than object.get here and below: these helpers run once
# per candidate task, and a built-in call per field was a fifth of the
# schedule pack's time on 10,000 tasks.)
type(t) := x if {
	x := t.type
} else := "task"

# list(t, field): a list field of a task, [] when absent or null (a Go nil
# slice is JSON null; count(null) would be a strict built-in error).
list(t, field) := v if {
	v := object.get(t, field, [])
	is_array(v)
} else := []

complete(t) if t.progress == "complete"

# --- fields ------------------------------------------------------------------

# column(s, key): the schedule has the canonical column key (the header text
# is recorded in schedule.columns).
column(s, key) if is_string(object.get(s, ["columns", key], null))

# has_field(s, key, field): the data is there, from a column of the export or
# carried by any task (an MSPDI/XER source may fill fields without a sheet
# column).
has_field(s, key, _) if column(s, key)

has_field(s, _, field) if {
	some t in object.get(s, "tasks", [])
	t[field] != null
}

# has_logic(s): predecessors can be read (a predecessor or successor column,
# or any relationship or link at all).
has_logic(s) if column(s, "predecessors")

has_logic(s) if column(s, "successors")

has_logic(s) if {
	some r in object.get(s, "relationships", [])
	is_object(r)
}

has_logic(s) if {
	some t in object.get(s, "tasks", [])
	some field in ["predecessors", "successors"]
	is_array(t[field]) # a Go nil slice is JSON null: count(null) is a strict error
	count(t[field]) > 0
}

# status_date(s): the status (data) date of the schedule, else the one the
# configuration gives (project.status_date).
status_date(s) := d if {
	d := lib.day(object.get(s, "status_date", null))
} else := lib.day(object.get(data.tollgate.project, "status_date", null))

status_date_missing := ["schedule.status_date (or project.status_date in .tollgate.yaml)"]

# float_known(t): the task carries a total float (exported or computed).
float_known(t) if {
	is_number(t.total_float_days)
	not t.float_source == "none"
}

# cpm(s): the critical-path pass ran on this schedule.
cpm(s) if object.get(s, ["derived", "cpm_computed"], false) == true

# derived(s, key, fallback): a result of the critical-path pass (fallback when
# the pass did not run or did not produce it).
derived(s, key, fallback) := object.get(s, ["derived", key], fallback)

# --- naming and locating ---------------------------------------------------------

# label(t) names a task for messages: "id name", else the name, else the uid.
label(t) := sprintf("%v %v", [t.id, t.name]) if {
	not lib.blank(object.get(t, "id", null))
	not lib.blank(object.get(t, "name", null))
} else := t.name if {
	not lib.blank(object.get(t, "name", null))
} else := sprintf("task %s", [object.get(t, "uid", object.get(t, "id", "?"))])

loc(t) := lib.loc_or_doc(object.get(t, "loc", {}))

# first_by_uid(ts): uid → the first task with that uid (duplicates are
# SCHED-001's business; a plain {uid: task} object would conflict on them).
first_by_uid(ts) := {p[0]: ts[p[1]] |
	# Sorting (uid, index) pairs keeps this O(n log n): a per-task scan for
	# the first index made 10,000-task schedules take seconds.
	pairs := sort([[t.uid, i] | some i, t in ts; is_string(t.uid)])
	some k, p in pairs
	_first_of_run(pairs, k)
}

_first_of_run(_, 0)

_first_of_run(pairs, k) if {
	k > 0
	pairs[k - 1][0] != pairs[k][0]
}

# rel_loc(by_uid, r): where a relationship is written — the successor's row
# (its predecessor cell), else the predecessor's row.
rel_loc(by_uid, r) := loc(t) if {
	t := by_uid[r.to]
} else := loc(t) if {
	t := by_uid[r.from]
} else := {}

rel_label(by_uid, r) := sprintf("%s → %s (%s%s)", [_end(by_uid, r.from), _end(by_uid, r.to), object.get(r, "type", "FS"), _lag(r)])

_end(by_uid, u) := label(t) if {
	t := by_uid[u]
} else := u

_lag(r) := sprintf(" %v d", [r.lag_days]) if {
	is_number(r.lag_days)
	r.lag_days < 0
} else := sprintf(" +%v d", [r.lag_days]) if {
	is_number(r.lag_days)
	r.lag_days > 0
} else := ""

# --- metrics and summary results ---------------------------------------------------

# pct(n, d): n as a percentage of d, to two decimals.
pct(n, d) := round((n * 10000) / d) / 100

# ratio(n, d): n / d to three decimals.
ratio(n, d) := round((n * 1000) / d) / 1000

max_related := 50

# related(locs): up to max_related non-empty locations.
related(locs) := array.slice([l | some l in locs; count(l) > 0], 0, max_related)

# summary(msg, locs, metrics): one DCMA-style result — the first offender's
# location, up to 50 offenders as related, and the measured metrics.
summary(msg, locs, metrics) := {"msg": msg, "loc": _first(locs), "related": related(locs), "metrics": metrics}

_first(locs) := locs[0] if {
	count(locs) > 0
} else := {}

# metrics(value, n, d, threshold) is the metric object of the contract.
metrics(value, n, d, threshold) := {"value": value, "numerator": n, "denominator": d, "threshold": threshold}

# dcma(key): a DCMA threshold from data.tollgate.thresholds.dcma.
dcma(key) := data.tollgate.thresholds.dcma[key]

# days_between(a, b): calendar days from date a to date b (YYYY-MM-DD
# prefixes). Counted arithmetically rather than with time.parse_ns: under
# strict built-in errors an impossible date such as 2024-02-30 from an
# artifact given as is would abort the whole rule.
days_between(a, b) := day_number(b) - day_number(a)

# day_number(date): days since 1970-01-01 of a YYYY-MM-DD date (proleptic
# Gregorian; H. Hinnant's days_from_civil).
day_number(date) := n if {
	d := lib.day(date)
	y := to_number(substring(d, 0, 4))
	m := to_number(substring(d, 5, 2))
	dd := to_number(substring(d, 8, 2))
	yy := y - _jan_feb(m)
	era := floor(yy / 400)
	yoe := yy - (era * 400)
	doy := (floor(((153 * ((m + 9) % 12)) + 2) / 5) + dd) - 1
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	n := ((era * 146097) + doe) - 719468
}

# January and February count with the previous year (the year starts in March).
_jan_feb(m) := 1 if m <= 2

else := 0

# --- working days ------------------------------------------------------------------

# working_days_between(s, a, b): working days of the schedule's calendar after
# date a up to and including date b; negative when b is before a. Undefined
# for spans over 20000 days (no real schedule; it bounds the count).
working_days_between(s, a, b) := count([n | some n in numbers.range(day_number(a) + 1, day_number(b)); _works(s, n)]) if {
	day_number(b) > day_number(a)
	day_number(b) - day_number(a) <= 20000
} else := 0 - count([n | some n in numbers.range(day_number(b) + 1, day_number(a)); _works(s, n)]) if {
	day_number(a) > day_number(b)
	day_number(a) - day_number(b) <= 20000
} else := 0 if {
	day_number(a) == day_number(b)
}

# weekday(n): 0 = Sunday … 6 = Saturday of day number n (1970-01-01 was a
# Thursday).
weekday(n) := (((n % 7) + 7) + 4) % 7

_works(s, n) if {
	weekday(n) in _working_weekdays(s)
	not n in _holidays(s)
}

_working_weekdays(s) := {d | some d in object.get(s, ["calendar", "working_days"], [])} if {
	count(object.get(s, ["calendar", "working_days"], [])) > 0
} else := {1, 2, 3, 4, 5}

_holidays(s) := {day_number(h) | some h in object.get(s, ["calendar", "holidays"], []); lib.day(h)}
