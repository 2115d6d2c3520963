# METADATA
# title: Risks have responses; accomplishments and upcoming work are dated
# description: >-
#   The report lists its top risks, each with a response, and dates every accomplishment and upcoming activity.
# scope: package
# custom:
#   id: STATUS-005
#   severity: warning
#   kinds: [status_report]
#   source: >-
#     M3 Guidance Status Reports/Dashboards (report high-impact risks with mitigation; accomplishments and upcoming activities with dates; schedule/Gantt view)
#   remediation: >-
#     List top risks with responses; date every accomplishment and upcoming activity.
package tollgate.rules.core.status_005

import data.tollgate.lib
import rego.v1

sr := object.get(input, "status_report", {})

risks := [x | some x in object.get(sr, "risks", []); is_object(x)]

fail contains f if {
	lib.found(input, "status_report.risks")
	count(risks) == 0
	f := {"msg": "the report lists no risks", "loc": {}}
}

fail contains f if {
	some x in risks
	lib.blank(object.get(x, "response", null))
	f := {"msg": sprintf("risk %q has no response or mitigation", [x.text]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

fail contains f if {
	some list, what in {"accomplishments": "accomplishment", "upcoming": "upcoming activity"}
	some x in object.get(sr, list, [])
	is_object(x)
	not lib.day(object.get(x, "date", null))
	f := {"msg": sprintf("%s %q has no date", [what, x.text]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

not_assessable contains r if {
	lib.absent(input, "status_report.risks", object.get(sr, "risks", null))
	r := {"msg": "the report's risks could not be read", "missing": ["status_report.risks"]}
}
