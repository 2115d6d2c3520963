# METADATA
# title: Change requests trace to the RTM and the change log
# description: >-
#   A requirement change names the requirements it affects (Associated RTM
#   #), those requirements are in the RTM, and an approved change request is
#   recorded in the change log (or the RTM's CR sheet).
# scope: package
# custom:
#   id: CR-005
#   severity: warning
#   kinds: [project]
#   source: >-
#     M3 CR form ("Associated RTM #"); M3 RTM template CR sheet
#   remediation: >-
#     Link the CR to the affected requirements and log it.
package tollgate.rules.xdoc.cr_005

import data.tollgate.lib
import rego.v1

crs := [d | some d in object.get(input, ["by_kind", "change_request"], []); is_object(object.get(d, "change_request", null))]

rtms := object.get(input, ["by_kind", "rtm"], [])

logs := object.get(input, ["by_kind", "change_log"], [])

requirement_types := {"new-requirement", "change-to-existing-requirement"}

checked contains d.source.path if some d in crs

at(d, field) := lib.loc_or_doc(object.get(d.change_request, ["locs", field], {}))

refs(d) := [r | some r in object.get(d.change_request, "rtm_refs", []); trim_space(r) != ""]

# --- requirement changes name their requirements ------------------------------

fail contains f if {
	some d in crs
	d.change_request.type in requirement_types
	lib.found(d, "change_request.rtm_refs")
	count(refs(d)) == 0
	f := {
		"msg": sprintf("%s is a requirement change (%s) but names no Associated RTM #", [label(d), d.change_request.type_raw]),
		"loc": at(d, "rtm_refs"), "path": d.source.path,
	}
}

not_assessable contains r if {
	some d in crs
	d.change_request.type in requirement_types
	not lib.found(d, "change_request.rtm_refs")
	r := {"msg": sprintf("%s: the form has no Associated RTM # field", [label(d)]), "missing": ["change_request.rtm_refs"], "path": d.source.path}
}

# --- …and those requirements are in the RTM -------------------------------------

# The RTM's requirement ids, from rtm artifacts whose requirements could be read.
readable_rtms := [m | some m in rtms; is_array(object.get(m, ["rtm", "requirements"], null))]

rtm_ids := {trim_space(q.id) | some m in readable_rtms; some q in m.rtm.requirements; is_string(q.id)}

fail contains f if {
	count(readable_rtms) > 0
	some d in crs
	some ref in refs(d)
	not trim_space(ref) in rtm_ids
	f := {"msg": sprintf("%s references %s, which is not a requirement in the RTM", [label(d), ref]), "loc": at(d, "rtm_refs"), "path": d.source.path}
}

not_assessable contains r if {
	count(readable_rtms) == 0
	some d in crs
	count(refs(d)) > 0
	r := {
		"msg": sprintf("%s references %s but %s", [label(d), concat(", ", refs(d)), rtm_gap]),
		"missing": ["rtm.requirements"], "path": d.source.path,
	}
}

rtm_gap := "the submission holds no RTM to check them against" if {
	count(rtms) == 0
} else := "the RTM's requirement ids could not be read"

# --- approved requests are logged ------------------------------------------------

logged_ids := {trim_space(e.id) | some l in logs; some e in object.get(l, ["change_log", "entries"], []); is_string(e.id)} | {trim_space(c.id) |
	some m in rtms
	some c in object.get(m, ["rtm", "change_requests"], [])
	is_string(c.id)
}

has_log if count(logs) > 0

has_log if {
	some m in rtms
	is_array(object.get(m, ["rtm", "change_requests"], null))
}

approved(d) if {
	d.change_request.board.decision == "approved"
	not lib.blank(object.get(d.change_request, "id", null))
}

fail contains f if {
	has_log
	some d in crs
	approved(d)
	not trim_space(d.change_request.id) in logged_ids
	f := {"msg": sprintf("approved change request %s is not in the change log", [d.change_request.id]), "loc": at(d, "id"), "path": d.source.path}
}

not_assessable contains r if {
	not has_log
	some d in crs
	approved(d)
	r := {
		"msg": sprintf("approved change request %s: the submission holds no change log or RTM CR sheet to find it in", [d.change_request.id]),
		"missing": ["change_log.entries"], "path": d.source.path,
	}
}

label(d) := sprintf("change request %s", [d.change_request.id]) if {
	not lib.blank(object.get(d.change_request, "id", null))
} else := sprintf("change request %s", [d.source.path])
