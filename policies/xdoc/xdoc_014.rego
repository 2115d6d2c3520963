# METADATA
# title: An IV&V plan is part of the submission
# description: >-
#   A submission that holds a PMP or a schedule (the program is past
#   initiation) also holds an IV&V plan.
# scope: package
# custom:
#   id: XDOC-014
#   severity: error
#   kinds: [project]
#   source: >-
#     design card ("IV&V plan present"); M3 KT 1.2 and 3.1 (IV&V Plan is an
#     output, reviewed and updated with the provider); seed 000 (inputs/outputs
#     list the IV&V Plan)
#   remediation: >-
#     Add the IV&V plan to the submission, or declare its location with a
#     documents.kinds entry.
package tollgate.rules.xdoc.xdoc_014

import rego.v1

past_initiation := [a.source.path |
	some a in input.artifacts
	a.kind in {"pmp", "schedule"}
]

# One check per plan or schedule: the missing IV&V plan is reported on the
# documents that show the program is past initiation, where a reviewer
# reading them looks for it.
checked contains p if some p in past_initiation

fail contains f if {
	count(object.get(input, ["by_kind", "ivv_plan"], [])) == 0
	some p in past_initiation
	f := {
		"msg": sprintf("the submission holds %s but no IV&V plan", [concat(", ", sort(past_initiation))]),
		"loc": {"path": p},
		"path": p,
	}
}
