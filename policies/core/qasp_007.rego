# METADATA
# title: Every service level is complete
# description: >-
#   Each service level of an SLA states its metric or target, measurement period, reporting owner and consequence.
# scope: package
# custom:
#   id: QASP-007
#   severity: warning
#   kinds: [sla]
#   source: >-
#     seed 003 (SLAs define metrics, delivery timelines and request-handling procedures); M3 KT 3.16 & 5.9 (define and monitor SLAs); M3 tollgate 3 question on SLA adequacy
#   remediation: >-
#     Complete every SLA row; align it with the QASP.
package tollgate.rules.core.qasp_007

import data.tollgate.lib
import data.tollgate.lib.qasp
import rego.v1

levels := [r | some r in object.get(input, ["sla", "service_levels"], []); is_object(r)]

fail contains f if {
	lib.found(input, "sla.service_levels")
	count(levels) == 0
	f := {"msg": "the SLA lists no service levels", "loc": {}}
}

# The metric or target: the service level itself, or its threshold.
fail contains f if {
	count(levels) > 0
	not lib.found(input, "sla.columns.standard")
	not lib.found(input, "sla.columns.aql")
	f := {"msg": "no service level states metric or target: the table has no column or row for it", "loc": {}}
}

fail contains f if {
	some r in levels
	lib.blank(object.get(r, "standard", null))
	lib.blank(object.get(r, "aql", null))
	some col in ["standard", "aql"]
	lib.found(input, sprintf("sla.columns.%s", [col]))
	col == _first_target_column
	f := {"msg": sprintf("%s has no metric or target", [qasp.label(r)]), "loc": qasp.field_loc(r, col)}
}

_first_target_column := "standard" if lib.found(input, "sla.columns.standard")

else := "aql"

fail contains f if {
	some key, what in {"frequency": "measurement period", "responsible": "reporting owner", "remedy": "consequence"}
	some f in qasp.field_fails(input, "sla", levels, key, what)
}

not_assessable contains r if {
	lib.absent(input, "sla.service_levels", object.get(input, ["sla", "service_levels"], null))
	r := {"msg": "the service levels of this SLA could not be read", "missing": ["sla.service_levels"]}
}
