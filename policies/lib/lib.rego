# Helpers shared by the built-in rules. Not a rule: no METADATA, no fail set.
package tollgate.lib

import rego.v1

# --- fields the normalizer could read ------------------------------------

# found(doc, field) holds when the normalizer says it could read field.
found(doc, field) if field in doc.fields_found

# absent(doc, field, value) holds when the data a rule needs is not there:
# the normalizer did not report the field AND the value is null (missing) or
# an empty list. Pass the value with object.get(doc, [...], null). An empty
# list the normalizer reported as found is content (the document has none),
# not absence.
absent(doc, field, value) if {
	not found(doc, field)
	value == null
}

absent(doc, field, value) if {
	not found(doc, field)
	value == []
}

# --- absence claims ----------------------------------------------------------

# missing(f, field) is the finding f of a rule that says field is missing
# from the document, with the places the document mentions field where no
# value could be read (evidence with read false): "Sponsor:" with no name
# after it, a status picture with no readable colour. The engine reports
# such a finding as not assessable, naming those places, instead of a
# failure: an absence claim needs a thorough read.
missing(f, field) := object.union(f, {"absent": field, "mentions": mentions(field)})

mentions(field) := [{"text": e.text, "loc": object.get(e, "loc", {})} |
	some e in object.get(input, "evidence", [])
	e.field == field
	e.read == false
]

# --- text ------------------------------------------------------------------

# blank(s) holds for a missing, null or whitespace-only string.
blank(s) if s == null

blank(s) if {
	is_string(s)
	trim_space(s) == ""
}

# words(s) counts whitespace-separated words (0 for null).
words(s) := count([w | some w in regex.split(`\s+`, trim_space(s)); w != ""]) if is_string(s)

words(s) := 0 if not is_string(s)

# --- dates -----------------------------------------------------------------

# day(s) is the YYYY-MM-DD prefix of an ISO date or date-time string; it is
# undefined for anything else, so a non-date never compares as a date.
day(s) := substring(s, 0, 10) if {
	is_string(s)
	regex.match(`^\d{4}-\d{2}-\d{2}`, s)
}

as_of := day(data.tollgate.project.as_of)

# --- approvals ---------------------------------------------------------------

accepting_decisions := {"approved", "accepted"}

non_accepting_decisions := {"not_accepted", "accepted_with_changes"}

# signed_or_dated(a): the approval entry carries a signature or a date.
signed_or_dated(a) if a.signed == true

signed_or_dated(a) if day(a.date)

# accepting(a): the entry records approval. An entry without a decision that
# is signed counts (a signed signature table row is an approval); an
# explicit pending / not-accepted decision never does.
accepting(a) if a.decision in accepting_decisions

accepting(a) if {
	object.get(a, "decision", null) == null
	a.signed == true
}

# approvals(doc) are the accepting, dated approvals of doc.
approvals(doc) := [a |
	some a in object.get(doc, ["metadata", "approvals"], [])
	is_object(a)
	accepting(a)
	day(a.date)
]

# required_roles(doc): roles whose approval the project requires for this
# kind (data.tollgate.project.approvers.<kind>); empty when not configured.
required_roles(doc) := {r | some r in data.tollgate.project.approvers[doc.kind]}

default required_roles(_) := set()

# approved_on(doc) is the date the document became approved: the latest
# accepting, dated approval — of the required approvers when they are
# configured (then every required role must have approved). Undefined when
# the document is not approved.
approved_on(doc) := max({day(a.date) | some a in approvals(doc)}) if {
	count(required_roles(doc)) == 0
	count(approvals(doc)) > 0
}

approved_on(doc) := max({day(a.date) | some a in approvals(doc); a.role in required_roles(doc)}) if {
	count(required_roles(doc)) > 0
	every r in required_roles(doc) {
		some a in approvals(doc)
		a.role == r
	}
}

# --- placeholders --------------------------------------------------------------

# Template residue: prompts copied from the template and never filled in.
residue_patterns := {"angle", "bracket", "date_prompt"}

# A placeholder that is only "to be determined/announced/confirmed" (with or
# without brackets) is an acknowledged gap, softer than template residue.
tbd_only(text) if regex.match(`(?i)^\s*[\[(<]*\s*(TBD|TBA|TBC)\s*[\])>]*\s*\.?\s*$`, text)

# --- locations -------------------------------------------------------------

# loc_or_doc(loc) is loc when it is a non-empty object, else {} (the
# document itself).
loc_or_doc(loc) := loc if {
	is_object(loc)
	count(loc) > 0
}

default loc_or_doc(_) := {}

# --- RACI codes --------------------------------------------------------------

# codes(values) splits assignment values like "A/R" or "R, C" into single
# upper-case codes.
codes(values) := {upper(trim_space(c)) |
	some v in values
	is_string(v)
	some c in regex.split(`[/,;+&\s]+`, v)
	trim_space(c) != ""
}

# roles_with(activity, code): the roles holding code on activity.
roles_with(activity, code) := sort([role |
	some role, values in object.get(activity, "assignments", {})
	is_array(values)
	code in codes(values)
])

# activity_name(a) names an activity for messages.
activity_name(a) := sprintf("%s %s", [a.id, a.name]) if {
	not blank(object.get(a, "id", null))
	not blank(object.get(a, "name", null))
}

activity_name(a) := a.name if {
	blank(object.get(a, "id", null))
	not blank(object.get(a, "name", null))
}

activity_name(a) := a.id if {
	not blank(object.get(a, "id", null))
	blank(object.get(a, "name", null))
}

# An activity supplied as JSON may carry a blank or null id: still unnamed.
activity_name(a) := "(unnamed activity)" if {
	blank(object.get(a, "id", null))
	blank(object.get(a, "name", null))
}

# --- PMP subsidiary plans ------------------------------------------------------

plan_names := {
	"cost": "cost management",
	"quality": "quality management",
	"staff": "staff (resource) management",
	"communication": "communication",
	"risk": "risk management",
	"procurement": "procurement",
	"contract": "contract management",
	"governance": "governance",
	"configuration": "configuration management",
	"change": "change management",
	"schedule": "schedule management",
	"scope": "scope management",
}

# plan_fail(doc, key): the fail results of a "subsidiary plan <key> present"
# rule (PMP-001..PMP-010).
plan_fail(doc, key) := ({f |
	plans := object.get(doc, ["pmp", "subsidiary_plans"], [])
	is_array(plans)
	not absent(doc, "pmp.subsidiary_plans", object.get(doc, ["pmp", "subsidiary_plans"], null))
	not _plan_listed(plans, key)
	f := {"msg": sprintf("the plan neither contains nor references a %s plan", [plan_names[key]]), "loc": {}}
} | {f |
	some p in object.get(doc, ["pmp", "subsidiary_plans"], [])
	p.key == key
	p.present != true
	f := missing(
		{"msg": sprintf("the plan neither contains nor references a %s plan%s", [plan_names[key], _short_note(p)]), "loc": loc_or_doc(object.get(p, "loc", {}))},
		sprintf("pmp.subsidiary_plans.%s", [key]),
	)
}) | {f |
	some p in object.get(doc, ["pmp", "subsidiary_plans"], [])
	p.key == key
	p.present == true
	p.mode == "reference"
	p.resolved == false
	f := {"msg": sprintf("the %s plan is referenced (%q) but no such document is in the submission", [plan_names[key], object.get(p, "reference", "")]), "loc": loc_or_doc(object.get(p, "loc", {}))}
}

_plan_listed(plans, key) if {
	some p in plans
	p.key == key
}

# A section was found but is too short to count as the plan.
_short_note(p) := sprintf(" (section %q has only %d words)", [p.heading, p.word_count]) if {
	not blank(object.get(p, "heading", null))
	is_number(p.word_count)
}

default _short_note(_) := ""

# plan_not_assessable(doc): the normalizer could not read the subsidiary plans.
plan_not_assessable(doc) := {r |
	absent(doc, "pmp.subsidiary_plans", object.get(doc, ["pmp", "subsidiary_plans"], null))
	r := {"msg": "the subsidiary plans of this PMP could not be read", "missing": ["pmp.subsidiary_plans"]}
}
