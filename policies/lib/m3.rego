# Helpers of the m3 pack (and XDOC-013): the M3 playbook data
# (data.tollgate.m3, from policies/data/m3.json), phase windows and phase
# starts, and which submitted documents stand for which M3 artifact.
# Not a rule: no METADATA, no fail set.
package tollgate.lib.m3

import data.tollgate.lib
import data.tollgate.lib.execution as ex
import rego.v1

project := data.tollgate.project

playbook := data.tollgate.m3

# --- the playbook ----------------------------------------------------------------

phase(n) := p if {
	some p in playbook.phases
	p.phase == n
}

key_task(id) := t if {
	some t in playbook.tasks
	t.id == id
}

artifact(key) := a if {
	some a in playbook.artifacts
	a.key == key
}

# artifact_name(key): the playbook's name of an artifact, for messages.
artifact_name(key) := artifact(key).names[0]

default artifact_name(_) := ""

# label(key): "Name (key)" for messages.
label(key) := sprintf("%s (%s)", [artifact_name(key), key]) if artifact_name(key) != ""

else := key

# tracked(key): the M3 Document and Example Tracker follows the artifact
# (it has a lifecycle: version 1 in one phase, updates in others).
tracked(key) if is_object(artifact(key).lifecycle)

# --- the submission ----------------------------------------------------------------

schedules := object.get(input, ["by_kind", "schedule"], [])

documents := object.get(input, "artifacts", [])

# kind_keys[kind]: the artifact keys whose documents have that kind.
kind_keys[k] contains a.key if {
	some a in playbook.artifacts
	k := a.kind
}

# keys(doc): the M3 artifact keys a document stands for — its artifact_key
# when the normalizer recognised one; else the keys of its kind, narrowed to
# those whose playbook names appear in its title when some do.
keys(doc) := {doc.artifact_key} if is_string(doc.artifact_key)

else := named if {
	named := {k | some k in kind_keys[doc.kind]; _title_names(doc, k)}
	count(named) > 0
} else := kind_keys[doc.kind]

default keys(_) := set()

_title_names(doc, k) if {
	t := lower(object.get(doc, "title", ""))
	is_string(t)
	some n in artifact(k).names
	contains(t, lower(n))
}

# docs_for(key): the submitted documents that stand for artifact key.
docs_for(key) := [d | some d in documents; key in keys(d)]

# existed_on(d): the earliest evidence that the document existed — its
# approval, its document date, its first dated revision, its first commit.
existed_on(d) := min(dates) if {
	dates := ({x | x := lib.approved_on(d)} | {x | x := lib.day(object.get(d, ["metadata", "document_date"], null))}) | ({x | x := lib.day(object.get(d, ["source", "git", "first_commit"], null))} | {x | some r in object.get(d, ["metadata", "revision_history"], []); x := lib.day(r.date)})
	count(dates) > 0
}

exists_by(key, date) if {
	some d in docs_for(key)
	existed_on(d) <= date
}

# approved_by(key, date): a document of the artifact was approved on or
# before date — judged on the approvals on record by then, so a plan
# approved for one tollgate and re-approved later (the RMP approved in
# Readiness, re-approved by both parties in Engagement) still shows the
# earlier approval. approved_on(d) <= date is the special case of a
# document approved once.
approved_by(key, date) if {
	some d in docs_for(key)
	approved_as_of(d, date)
}

approved_as_of(d, date) if {
	count(lib.required_roles(d)) == 0
	some a in lib.approvals(d)
	lib.day(a.date) <= date
}

approved_as_of(d, date) if {
	count(lib.required_roles(d)) > 0
	every r in lib.required_roles(d) {
		some a in lib.approvals(d)
		a.role == r
		lib.day(a.date) <= date
	}
}

# revised_in(d, w): a revision or an approval of d is dated inside window w.
revised_in(d, w) if {
	some r in object.get(d, ["metadata", "revision_history"], [])
	within(lib.day(r.date), w)
}

revised_in(d, w) if {
	some a in lib.approvals(d)
	within(lib.day(a.date), w)
}

within(day, w) if {
	w.start <= day
	day <= w.end
}

# updated_phases(d): the phases in which the tracker marks an artifact of
# this document "Updated".
updated_phases(d) := {p | some k in keys(d); some p in object.get(artifact(k), ["lifecycle", "updated_in_phases"], [])}

# --- parties ---------------------------------------------------------------------

# role_parties: (role name without its "(Customer)"/"(Provider)" suffix,
# party) pairs of the RACI/RMP roles in the submission.
role_parties contains [lower(trim_space(regex.replace(r.name, `\s*\([^)]*\)`, ""))), r.party] if {
	some doc in object.get(input, ["by_kind", "raci"], [])
	some r in object.get(doc, ["raci", "roles"], [])
	r.party in {"customer", "provider"}
}

# party(a): the party (customer or provider) an approval speaks for: as
# recorded, else named in its title/role, else the party of the RACI role
# its title begins with.
party(a) := a.party if a.party in {"customer", "provider"}

else := "provider" if regex.match("(?i)\\bprovider\\b", who(a))

else := "customer" if regex.match("(?i)\\bcustomer\\b", who(a))

else := p if {
	base := lower(trim_space(split(object.get(a, "title", ""), ",")[0]))
	ps := {p | some pair in role_parties; pair[0] == base; p := pair[1]}
	count(ps) == 1
	some p in ps
}

# who(a): the title, role (as worded and as mapped) and name of an
# approval as one string.
who(a) := concat(" ", [s | some k in ["title", "role_raw", "role", "name"]; s := object.get(a, k, ""); is_string(s)])

parties(doc) := {p | some a in lib.approvals(doc); p := party(a)}

# go_decision(doc): the document records a "Go" decision ("Decision: Go",
# "decision is Go") — not a no-go, and not the "Go/No-Go" of a title.
go_decision(doc) if {
	some text in _texts(doc)
	regex.match(`(?i)\bdecision\b\W{1,5}(is\W+|was\W+)?"?go\b([^/-]|$)`, text)
}

_texts(doc) := array.concat([s.text | some s in object.get(doc, "sections", []); is_string(s.text)], [concat(" | ", [c | some c in row.cells; is_string(c)]) |
	some t in object.get(doc, "tables", [])
	some row in object.get(t, "rows", [])
	is_array(row.cells)
])

# add_days(day, n): the ISO day n calendar days after day.
add_days(day, n) := substring(time.format([time.add_date(time.parse_ns("2006-01-02", day), 0, 0, n), "UTC", "2006-01-02"]), 0, 10)

# --- phases ----------------------------------------------------------------------

# status_date: the schedule's data date, else the configured one, else as_of.
status_date := d if {
	ds := {lib.day(s.schedule.status_date) | some s in schedules; lib.day(s.schedule.status_date)}
	count(ds) > 0
	d := max(ds)
} else := d if {
	d := lib.day(project.status_date)
} else := lib.as_of

tasks_in(n) := [t | some s in schedules; some t in ex.tasks(s); t.phase == n]

# has_phase_data: the IMS tags tasks with phases or the configuration gives
# phase windows — enough to tell when a phase began and ended.
has_phase_data if count(object.get(project, "phase_windows", [])) > 0

has_phase_data if {
	some s in schedules
	some t in object.get(s, ["schedule", "tasks"], [])
	is_number(t.phase) # cheapest test first: a large IMS without phases is scanned, not copied
	ex.detail(t)
}

# window(n): {start, end} of phase n — configured (project.phase_windows),
# else derived from the IMS (earliest start, latest finish of its tasks).
window(n) := {"start": s, "end": e} if {
	ws := [w | some w in object.get(project, "phase_windows", []); w.phase == n]
	count(ws) > 0
	s := min({lib.day(w.start) | some w in ws})
	e := max({lib.day(w.end) | some w in ws})
	is_string(s)
	is_string(e)
} else := {"start": s, "end": e} if {
	ws := [w | some sc in schedules; some w in object.get(sc, ["schedule", "phase_windows"], []); w.phase == n]
	count(ws) > 0
	s := min({d | some w in ws; d := lib.day(w.start)})
	e := max({d | some w in ws; d := lib.day(w.finish)})
	is_string(s)
	is_string(e)
}

# begun(n): the day phase n began — the earliest actual start of its IMS
# tasks, else their earliest planned start when it is on or before the
# status date, else the configured window's start when it is on or before
# as_of. Undefined while the phase has not begun.
begun(n) := d if {
	ds := {x | some t in tasks_in(n); x := lib.day(t.actual_start)}
	count(ds) > 0
	d := min(ds)
} else := d if {
	ds := {x | some t in tasks_in(n); x := lib.day(t.start)}
	count(ds) > 0
	d := min(ds)
	d <= status_date
} else := d if {
	some w in object.get(project, "phase_windows", [])
	w.phase == n
	d := lib.day(w.start)
	d <= lib.as_of
}

# current_phase: project.phase, else the latest phase that has begun.
current_phase := project.phase if is_number(project.phase)

else := max(ns) if {
	ns := {n | some p in playbook.phases; n := p.phase; begun(n)}
	count(ns) > 0
}

# ended(n): the day phase n ended — when phase n+1 began, else the end of
# its window once that is on or before as_of.
ended(n) := d if {
	d := begun(n + 1)
} else := d if {
	d := window(n).end
	d <= lib.as_of
}

# phase_facts_missing: the config keys (and IMS column) that would let the
# M3 rules tell phases apart, for not_assessable results.
phase_facts_missing := ["project.phase_windows", "project.phase", "schedule.columns.phase"]

# --- names -----------------------------------------------------------------------

_stop := {"a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "as"}

# words(s): the content words of a task name, lower case.
words(s) := {w | some w in regex.split(`[^a-z0-9]+`, lower(s)); w != ""; not w in _stop} if is_string(s)

default words(_) := set()

# similar(a, b): two task names share at least 60 % of their content words
# (Jaccard), e.g. "Integrate Program Management Office (PMO) Structures"
# and the playbook's "Integrate Program Management Office Structures".
similar(a, b) if {
	wa := words(a)
	wb := words(b)
	u := count(wa | wb)
	u > 0
	count(wa & wb) / u >= 0.6
}

# tagged(t): the normalizer tagged the IMS task with its M3 key task.
tagged(t) if is_string(t.m3_key_task)
