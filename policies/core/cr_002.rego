# METADATA
# title: The change request states what, why, type and priority
# description: >-
#   The request describes the change and the reason for it, and gives a
#   type of change and a priority from the form's allowed values.
# scope: package
# custom:
#   id: CR-002
#   severity: error
#   kinds: [change_request]
#   source: >-
#     M3 CR form (Type of Change, Priority, Description, Reason)
#   remediation: >-
#     Complete the request fields with the form's allowed values.
package tollgate.rules.core.cr_002

import data.tollgate.lib
import rego.v1

cr := object.get(input, "change_request", {})

labels := {
	"description": "description of the change",
	"reason": "reason for the change",
	"type": "type of change",
	"priority": "priority",
}

at(field) := lib.loc_or_doc(object.get(cr, ["locs", field], {}))

not_assessable contains r if {
	missing := sort([sprintf("change_request.%s", [k]) | some k, _ in labels; not lib.found(input, sprintf("change_request.%s", [k]))])
	count(missing) > 0
	r := {"msg": "the form lacks fields this rule reads", "missing": missing}
}

fail contains f if {
	some k in ["description", "reason"]
	lib.found(input, sprintf("change_request.%s", [k]))
	lib.blank(object.get(cr, k, null))
	f := {"msg": sprintf("the change request gives no %s", [labels[k]]), "loc": at(k)}
}

allowed := {
	"type": {"new-requirement", "change-to-existing-requirement", "defect"},
	"priority": {"low", "med", "high"},
}

choices := {
	"type": "New Requirement, Change to Existing Requirement or Defect",
	"priority": "Low, Med or High",
}

fail contains f if {
	some k in ["type", "priority"]
	lib.found(input, sprintf("change_request.%s", [k]))
	lib.blank(object.get(cr, sprintf("%s_raw", [k]), null))
	f := {"msg": sprintf("the change request gives no %s (%s)", [labels[k], choices[k]]), "loc": at(k)}
}

fail contains f if {
	some k in ["type", "priority"]
	lib.found(input, sprintf("change_request.%s", [k]))
	raw := object.get(cr, sprintf("%s_raw", [k]), null)
	not lib.blank(raw)
	not object.get(cr, k, "") in allowed[k]
	f := {"msg": sprintf("%s %q is not one of the form's values (%s)", [labels[k], raw, choices[k]]), "loc": at(k)}
}
