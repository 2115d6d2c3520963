# METADATA
# title: Charter names its sponsor and carries the sponsor's approval
# description: >-
#   The charter names the sponsor and records the sponsor's signed and dated
#   approval; it also states approval requirements and exit criteria (info
#   when missing).
# scope: package
# custom:
#   id: CHARTER-013
#   severity: error
#   kinds: [charter]
#   source: >-
#     PMBOK6 §4.1.3.1 (sponsor name and authority; approval requirements; exit
#     criteria); seed 002 §3.1 (sponsor role); seed 001 (sponsor is identified
#     at the foundation)
#   remediation: >-
#     Name the sponsor and obtain the sponsor's signature/dated approval; say
#     what constitutes success and who signs off closure.
package tollgate.rules.core.charter_013

import data.tollgate.lib
import rego.v1

sponsor := object.get(input, ["charter", "sponsor"], {})

fail contains f if {
	lib.blank(object.get(sponsor, "name", null))
	f := lib.missing({"msg": "the charter does not name its sponsor", "loc": lib.loc_or_doc(object.get(sponsor, "loc", {}))}, "charter.sponsor")
}

fail contains f if {
	not sponsor_approved
	f := {"msg": sprintf("no signed and dated approval by the sponsor is recorded%s", [sponsor_note]), "loc": {}}
}

sponsor_approved if {
	some a in object.get(input, ["metadata", "approvals"], [])
	a.role == "sponsor"
	a.signed == true
	lib.day(a.date)
	not a.decision in {"not_accepted", "pending"}
}

sponsor_states := {sponsor_state(a) |
	some a in object.get(input, ["metadata", "approvals"], [])
	a.role == "sponsor"
}

sponsor_note := sprintf(" (the sponsor's approval is listed but %s)", [concat("; ", sort(sponsor_states))]) if {
	count(sponsor_states) > 0
} else := ""

sponsor_state(a) := "is not signed" if a.signed != true

else := "is not dated" if not lib.day(a.date)

else := sprintf("is recorded as %v", [a.decision])

fail contains f if {
	lib.blank(object.get(input, ["charter", "approval_requirements"], null))
	f := {"msg": "the charter does not state its approval requirements (what constitutes success and who signs off)", "loc": {}, "severity": "info"}
}

fail contains f if {
	lib.blank(object.get(input, ["charter", "exit_criteria"], null))
	f := {"msg": "the charter does not state exit criteria (when and how the project closes)", "loc": {}, "severity": "info"}
}
