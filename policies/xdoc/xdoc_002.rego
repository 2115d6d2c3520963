# METADATA
# title: The charter is approved before the PMP
# description: >-
#   The charter (the authorizing document) is approved no later than the PMP,
#   and a PMP is not approved while no approved charter exists.
# scope: package
# custom:
#   id: XDOC-002
#   severity: warning
#   kinds: [project]
#   source: >-
#     PMBOK6 §4.1 (charter authorizes the project before detailed planning);
#     M3 KT 1.2 output order (charter, RMP, PMP)
#   remediation: >-
#     Approve the charter (the authorizing document) before baselining the plan.
package tollgate.rules.xdoc.xdoc_002

import data.tollgate.lib
import rego.v1

pmps := object.get(input, ["by_kind", "pmp"], [])

charters := object.get(input, ["by_kind", "charter"], [])

charter_approved_on := min({d | some c in charters; d := lib.approved_on(c)})

checked contains p.source.path if {
	some p in pmps
	lib.approved_on(p)
}

fail contains f if {
	some p in pmps
	pd := lib.approved_on(p)
	charter_approved_on > pd
	f := {"msg": sprintf("the PMP was approved on %s, before the charter (%s)", [pd, charter_approved_on]), "loc": {}, "path": p.source.path}
}

fail contains f if {
	some p in pmps
	pd := lib.approved_on(p)
	not charter_approved_on
	f := {"msg": sprintf("the PMP was approved on %s but the submission holds no approved charter", [pd]), "loc": {}, "path": p.source.path}
}
