# METADATA
# title: Status report states its as-of date
# description: >-
#   The report states the date its status is as of.
# scope: package
# custom:
#   id: STATUS-001
#   severity: error
#   kinds: [status_report]
#   source: >-
#     M3 Status template ("as of" date on every page)
#   remediation: >-
#     Put the reporting "as of" date on the report.
package tollgate.rules.core.status_001

import data.tollgate.lib
import rego.v1

sr := object.get(input, "status_report", {})

fail contains f if {
	lib.found(input, "status_report.as_of_date")
	not lib.day(object.get(sr, "as_of_date", null))
	f := lib.missing({"msg": sprintf("the report states no \"as of\" date%s", [_prompt]), "loc": {}}, "status_report.as_of_date")
}

_prompt := sprintf(" (the date reads %q)", [sr.as_of_raw]) if not lib.blank(object.get(sr, "as_of_raw", null))

else := ""

not_assessable contains r if {
	not lib.found(input, "status_report.as_of_date")
	r := {"msg": "the report's as-of date could not be read", "missing": ["status_report.as_of_date"]}
}
