# METADATA
# title: Risk and issue IDs are unique and references resolve
# description: >-
#   Every risk and issue has an ID, no ID is used twice, every related-risk
#   reference names a risk in the register; a status, response, probability
#   or impact value outside the register's own list is a warning.
# scope: package
# custom:
#   id: RISK-002
#   severity: error
#   kinds: [risk_register]
#   source: M3 RAID template (Risk #, Related Risk #, validation lists)
#   remediation: Give every item a unique ID; fix dangling references and non-standard values.
package tollgate.rules.core.risk_002

import data.tollgate.lib
import rego.v1

rr := object.get(input, "risk_register", {})

items := [{"kind": kind, "item": x} |
	some kind in ["risk", "issue"]
	some x in object.get(rr, sprintf("%ss", [kind]), [])
	is_object(x)
]

loc(x) := lib.loc_or_doc(object.get(x, "loc", {}))

name(x) := sprintf("%q", [x.title]) if not lib.blank(object.get(x, "title", null))

else := "(untitled)"

id_column(kind) if {
	kind == "risk"
	rr.columns.id
}

id_column(kind) if {
	kind == "issue"
	rr.issue_columns.id
}

fail contains f if {
	some e in items
	id_column(e.kind)
	lib.blank(object.get(e.item, "id", null))
	f := {"msg": sprintf("%s %s has no ID", [e.kind, name(e.item)]), "loc": loc(e.item)}
}

fail contains f if {
	some e in items
	id := trim_space(e.item.id)
	id != ""
	same := [x | some o in items; o.kind == e.kind; x := o.item; trim_space(object.get(x, "id", "")) == id]
	count(same) > 1

	# Reported at every row after the first that reuses the ID.
	same[0] != e.item
	f := {"msg": sprintf("%s ID %q is used %d times", [e.kind, id, count(same)]), "loc": loc(e.item)}
}

risk_ids := {trim_space(x.id) | some x in object.get(rr, "risks", []); is_string(x.id)}

fail contains f if {
	some e in items
	some ref in object.get(e.item, "related_ids", [])
	not trim_space(ref) in risk_ids
	f := {"msg": sprintf("%s %s refers to risk %q, which is not in the register", [e.kind, label(e.item), ref]), "loc": loc(e.item)}
}

label(x) := x.id if not lib.blank(object.get(x, "id", null))

else := name(x)

# The values checked against the register's own lists, as written.
value(x, path) := v if {
	v := object.get(x, path, null)
	is_string(v)
	trim_space(v) != ""
}

raw(x, "status") := value(x, ["status_raw"])

raw(x, "response") := value(x, ["response"])

raw(x, "probability") := value(x, ["probability", "raw"])

raw(x, "impact") := value(x, ["impact", "raw"])

lists(kind) := object.get(rr, "allowed_values", {}) if kind == "risk"

lists(kind) := object.get(rr, "issue_allowed_values", {}) if kind == "issue"

fail contains f if {
	some e in items
	some field, list in lists(e.kind)
	field in {"status", "response", "probability", "impact"}
	v := raw(e.item, field)
	allowed := {lower(trim_space(a)) | some a in list}
	not lower(trim_space(v)) in allowed
	f := {
		"msg": sprintf("%s %s has %s %q, which is not in the register's list (%s)", [e.kind, label(e.item), field, v, concat(", ", list)]),
		"loc": loc(e.item),
		"severity": "warning",
	}
}

not_assessable contains r if {
	lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	r := {"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}
}
