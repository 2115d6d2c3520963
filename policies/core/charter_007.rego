# METADATA
# title: Charter has a dated summary milestone schedule
# description: >-
#   The charter has a summary milestone schedule and every milestone in it has
#   a target date.
# scope: package
# custom:
#   id: CHARTER-007
#   severity: error
#   kinds: [charter]
#   source: >-
#     PMBOK3/PMBOK6 §4.1.3.1 (summary milestone schedule); M3 KT 0.1 output
#     "High Level Timelines"
#   remediation: >-
#     Add a summary milestone table with a target date per milestone (these must
#     also appear in the IMS, see XDOC-004).
package tollgate.rules.core.charter_007

import data.tollgate.lib
import rego.v1

milestones := [m | some m in object.get(input, ["charter", "milestones"], []); is_object(m)]

fail contains f if {
	count(milestones) == 0
	f := {"msg": "the charter has no summary milestone schedule", "loc": {}}
}

fail contains f if {
	some m in milestones
	not lib.day(object.get(m, "date", null))
	f := {
		"msg": sprintf("milestone %q has no target date%s", [object.get(m, "name", ""), raw_note(m)]),
		"loc": lib.loc_or_doc(object.get(m, "loc", {})),
	}
}

raw_note(m) := sprintf(" (%q is not a date)", [m.date_raw]) if not lib.blank(object.get(m, "date_raw", null))

else := ""
