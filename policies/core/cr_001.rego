# METADATA
# title: Every change request has a unique number
# description: >-
#   A change request form carries its CR number, and no CR number is empty
#   or used twice in a change log.
# scope: package
# custom:
#   id: CR-001
#   severity: error
#   kinds: [change_request, change_log]
#   source: >-
#     M3 CR form ("CR #"); M3 RTM CR sheet (CR ID)
#   remediation: >-
#     Number every CR uniquely.
package tollgate.rules.core.cr_001

import data.tollgate.lib
import rego.v1

cr := object.get(input, "change_request", {})

entries := [e | some e in object.get(input, ["change_log", "entries"], []); is_object(e)]

# --- one change request form ---------------------------------------------

not_assessable contains r if {
	input.kind == "change_request"
	not lib.found(input, "change_request.id")
	r := {"msg": "the form has no CR # field", "missing": ["change_request.id"]}
}

fail contains f if {
	input.kind == "change_request"
	lib.found(input, "change_request.id")
	lib.blank(object.get(cr, "id", null))
	f := {"msg": "the change request has no CR number", "loc": lib.loc_or_doc(object.get(cr, ["locs", "id"], {}))}
}

# --- a change log ---------------------------------------------------------

not_assessable contains r if {
	input.kind == "change_log"
	lib.absent(input, "change_log.entries", object.get(input, ["change_log", "entries"], null))
	r := {"msg": "no change log rows could be read", "missing": ["change_log.entries"]}
}

fail contains f if {
	some e in entries
	lib.blank(object.get(e, "id", null))
	f := {"msg": sprintf("change log entry %q has no CR number", [label(e)]), "loc": lib.loc_or_doc(object.get(e, "loc", {}))}
}

# Each repeat of an id is reported where it repeats, naming the first use.
fail contains f if {
	some i, e in entries
	id := trim_space(object.get(e, "id", ""))
	id != ""
	firsts := [j | some j, o in entries; trim_space(object.get(o, "id", "")) == id]
	count(firsts) > 1
	i != firsts[0]
	first := entries[firsts[0]]
	f := {
		"msg": sprintf("CR number %q is used %d times in the change log (first at %s)", [id, count(firsts), where(first)]),
		"loc": lib.loc_or_doc(object.get(e, "loc", {})),
	}
}

label(e) := e.name if {
	not lib.blank(object.get(e, "name", null))
} else := e.description if {
	not lib.blank(object.get(e, "description", null))
} else := "(unnamed)"

where(e) := sprintf("row %d", [e.loc.row]) if {
	is_number(object.get(e, ["loc", "row"], null))
} else := "an earlier row"
