# METADATA
# title: Every performance requirement has a measurable standard
# description: >-
#   Each performance requirement states a performance standard, and the standard is measurable: it states a quantity, percentage, time or count.
# scope: package
# custom:
#   id: QASP-002
#   severity: error
#   kinds: [qasp]
#   source: >-
#     FAR 37.601(b)(2) (measurable standards: quality, timeliness, quantity); FAR 37.602(b)(2)
#   remediation: >-
#     Rewrite as a measurable outcome ("report delivered by 5th business day").
package tollgate.rules.core.qasp_002

import data.tollgate.lib
import data.tollgate.lib.qasp
import rego.v1

fail contains f if some f in qasp.field_fails(input, "qasp", qasp.rows(input), "standard", "performance standard")

fail contains f if {
	lib.found(input, "qasp.columns.standard")
	some r in qasp.rows(input)
	not lib.blank(object.get(r, "standard", null))
	not qasp.measurable(r.standard)
	f := {
		"msg": sprintf("the standard of %s is not measurable (no quantity, percentage, time or count): %q", [qasp.label(r), r.standard]),
		"loc": qasp.field_loc(r, "standard"),
	}
}

not_assessable contains r if some r in qasp.not_assessable(input)
