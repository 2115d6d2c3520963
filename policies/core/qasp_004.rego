# METADATA
# title: Every performance requirement has a recognized surveillance method
# description: >-
#   Each performance requirement names its surveillance method, and the method is one of 100 % inspection, random sampling, periodic inspection, customer feedback, third-party audit, automated monitoring or incidental inspection.
# scope: package
# custom:
#   id: QASP-004
#   severity: error
#   kinds: [qasp]
#   source: >-
#     FAR 46.401(a)(2) (method of surveillance); FAR 37.601(b)(2) (method of assessing performance)
#   remediation: >-
#     Pick a surveillance method suited to the task's criticality and volume.
package tollgate.rules.core.qasp_004

import data.tollgate.lib
import data.tollgate.lib.qasp
import rego.v1

fail contains f if some f in qasp.field_fails(input, "qasp", qasp.rows(input), "method", "surveillance method")

fail contains f if {
	lib.found(input, "qasp.columns.method")
	some r in qasp.rows(input)
	not lib.blank(object.get(r, "method", null))
	lib.blank(object.get(r, "method_canonical", null))
	f := {
		"msg": sprintf("the surveillance method of %s is not a recognized method (100%% inspection, random sampling, periodic inspection, customer feedback, third-party audit, automated monitoring): %q", [qasp.label(r), r.method]),
		"loc": qasp.field_loc(r, "method"),
	}
}

not_assessable contains r if some r in qasp.not_assessable(input)
