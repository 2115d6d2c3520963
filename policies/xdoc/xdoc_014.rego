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

# A submission-level check (path ""), made only once the program is past initiation.
checked contains "" if count(past_initiation) > 0

fail contains f if {
	count(past_initiation) > 0
	count(object.get(input, ["by_kind", "ivv_plan"], [])) == 0
	f := {"msg": sprintf("the submission holds %s but no IV&V plan", [concat(", ", sort(past_initiation))]), "loc": {}}
}
