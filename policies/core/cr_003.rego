# METADATA
# title: The change request records its impact analysis
# description: >-
#   The request estimates the hours, cost, schedule and scope impact of the
#   change before the board decides (an explicit "none" or 0 counts).
# scope: package
# custom:
#   id: CR-003
#   severity: warning
#   kinds: [change_request]
#   source: >-
#     M3 CR form (estimated hours, cost, schedule and scope impact); PMBOK6
#     §4.6 (integrated change control)
#   remediation: >-
#     Do and record the impact analysis before the board decides.
package tollgate.rules.core.cr_003

import data.tollgate.lib
import rego.v1

cr := object.get(input, "change_request", {})

# field key -> [value path, words]
impacts := {
	"impact.hours": [["impact", "hours_raw"], "estimated hours to implement"],
	"impact.cost": [["impact", "cost"], "cost impact"],
	"impact.schedule": [["impact", "schedule"], "schedule impact"],
	"impact.scope": [["impact", "scope"], "scope impact"],
}

not_assessable contains r if {
	missing := sort([sprintf("change_request.%s", [k]) | some k, _ in impacts; not lib.found(input, sprintf("change_request.%s", [k]))])
	count(missing) > 0
	r := {"msg": "the form lacks impact fields", "missing": missing}
}

# An impact still "TBD" is an analysis not yet done.
empty(v) if lib.blank(v)

empty(v) if {
	is_string(v)
	lib.tbd_only(v)
}

fail contains f if {
	some k, spec in impacts
	lib.found(input, sprintf("change_request.%s", [k]))
	v := object.get(cr, spec[0], null)
	empty(v)
	f := {"msg": sprintf("the change request records no %s%s", [spec[1], tbd_note(v)]), "loc": lib.loc_or_doc(object.get(cr, ["locs", k], {}))}
}

tbd_note(v) := sprintf(" (%q)", [v]) if {
	not lib.blank(v)
} else := ""
