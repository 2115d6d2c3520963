# Performance requirement rows of a QASP (and service levels of an SLA), for
# QASP-001..007. Not a rule: no METADATA, no fail set.
package tollgate.lib.qasp

import data.tollgate.lib
import rego.v1

rows(doc) := [r | some r in object.get(doc, ["qasp", "performance_requirements"], []); is_object(r)]

# label(r) names a requirement for messages: its objective (the 18F
# "Deliverable"), else its ID, else its standard.
label(r) := sprintf("requirement %q", [r.objective]) if not lib.blank(object.get(r, "objective", null))

else := sprintf("requirement %q", [r.id]) if not lib.blank(object.get(r, "id", null))

else := sprintf("requirement %q", [object.get(r, "standard", "")]) if not lib.blank(object.get(r, "standard", null))

else := "a requirement"

# field_loc(r, key) is where the row's key field is (its cell), else the row.
field_loc(r, key) := lib.loc_or_doc(object.get(r, ["fields", key], object.get(r, "loc", {})))

# field_fails(doc, prefix, rows, key, what): the rows lacking key; when no
# table of the document has that column (or record row) at all, one finding
# for the document instead of one per row.
field_fails(doc, prefix, rs, key, what) := {f |
	count(rs) > 0
	not lib.found(doc, sprintf("%s.columns.%s", [prefix, key]))
	f := {"msg": sprintf("no %s states %s: the table has no column or row for it", [_noun(prefix), what]), "loc": {}}
} | {f |
	lib.found(doc, sprintf("%s.columns.%s", [prefix, key]))
	some r in rs
	lib.blank(object.get(r, key, null))
	f := {"msg": sprintf("%s has no %s", [label(r), what]), "loc": field_loc(r, key)}
}

_noun("qasp") := "performance requirement"

_noun("sla") := "service level"

# not_assessable(doc): the requirement rows could not be read.
not_assessable(doc) := {r |
	lib.absent(doc, "qasp.performance_requirements", object.get(doc, ["qasp", "performance_requirements"], null))
	r := {"msg": "the performance requirements of this plan could not be read", "missing": ["qasp.performance_requirements"]}
}

# measurable(s): the text states a quantity, percentage, time or count
# (FAR 37.601(b)(2): measurable standards of quality, timeliness, quantity).
# A number only counts when it stands alone: "environments3" is a footnote
# mark and "18F" a name, not quantities.
measurable(s) if regex.match(`(^|[^\pL\d])\d+([.,]\d+)?($|[^\pL\d])`, s)

measurable(s) if regex.match(`(?i)%|\bpercent`, s)

measurable(s) if regex.match(`(?i)\b(seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|sprints?|iterations?|releases?|daily|weekly|bi-?weekly|monthly|quarterly|annually|yearly)\b`, s)

measurable(s) if regex.match(`(?i)\b(zero|none|no more than|not more than|at least|at most|fewer than|less than|more than|within|all|every|each|free of|maximum|minimum|one|two|three|four|five|six|seven|eight|nine|ten)\b`, s)
