# METADATA
# title: The board's decision says who decided and when
# description: >-
#   An approved change request names the board approver and the decision
#   date, decided no earlier than it was submitted; a decided request also
#   carries its functional lead's (FLM) approval.
# scope: package
# custom:
#   id: CR-004
#   severity: error
#   kinds: [change_request]
#   source: >-
#     M3 CR form (Change Control Board approval block; FLM approval); M3
#     Guidance IMS (change control with decision rights); seed 002 §2.1.10
#   remediation: >-
#     Record who decided, when and why.
package tollgate.rules.core.cr_004

import data.tollgate.lib
import rego.v1

cr := object.get(input, "change_request", {})

board := object.get(cr, "board", {})

decision := object.get(board, "decision", "")

at(field) := lib.loc_or_doc(object.get(cr, ["locs", field], {}))

not_assessable contains r if {
	not lib.found(input, "change_request.board.decision")
	r := {"msg": "the form has no Change Control Board decision field", "missing": ["change_request.board.decision"]}
}

fail contains f if {
	decision == "approved"
	lib.blank(object.get(board, "approver", null))
	f := {"msg": "the change request is approved but names no board approver", "loc": at("board.approver")}
}

fail contains f if {
	decision == "approved"
	not lib.day(object.get(board, "date", null))
	f := {"msg": sprintf("the change request is approved but %s", [date_problem]), "loc": at("board.date")}
}

date_problem := sprintf("its decision date %q is not a date", [board.date_raw]) if {
	not lib.blank(object.get(board, "date_raw", null))
} else := "has no decision date"

fail contains f if {
	decided := lib.day(object.get(board, "date", null))
	submitted := lib.day(object.get(cr, "date_submitted", null))
	decided < submitted
	f := {"msg": sprintf("the board decided on %s, before the request was submitted (%s)", [decided, submitted]), "loc": at("board.date")}
}

# The FLM sign-off precedes the board: a decision without it is a warning.
flm_fields := ["flm_approval.name", "flm_approval.date"]

fail contains f if {
	not lib.blank(decision)
	every k in flm_fields {
		lib.found(input, sprintf("change_request.%s", [k]))
	}
	missing := [w |
		some w in ["name", "date"]
		not flm_has(w)
	]
	count(missing) > 0
	f := {
		"msg": sprintf("the board decided (%s) without the functional lead's approval (no FLM approval %s)", [board.decision_raw, concat(" or ", missing)]),
		"loc": at(sprintf("flm_approval.%s", [missing[0]])),
		"severity": "warning",
	}
}

flm_has("name") if not lib.blank(object.get(cr, ["flm_approval", "name"], null))

flm_has("date") if lib.day(object.get(cr, ["flm_approval", "date"], null))

not_assessable contains r if {
	not lib.blank(decision)
	missing := [sprintf("change_request.%s", [k]) | some k in flm_fields; not lib.found(input, sprintf("change_request.%s", [k]))]
	count(missing) > 0
	r := {"msg": "the form has no FLM approval fields: whether the functional lead approved cannot be checked", "missing": missing}
}
