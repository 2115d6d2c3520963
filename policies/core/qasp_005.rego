# METADATA
# title: Surveillance frequency, evaluator and government officials are named
# description: >-
#   Each performance requirement says how often it is surveilled and who surveils it, and the plan names the contracting officer and the COR.
# scope: package
# custom:
#   id: QASP-005
#   severity: warning
#   kinds: [qasp]
#   source: >-
#     DAU Acquipedia QASP (what is inspected, how, and by whom); M3 KT 3.1 (QASP is a customer responsibility)
#   remediation: >-
#     Give each standard a surveillance frequency and a named government evaluator (COR).
package tollgate.rules.core.qasp_005

import data.tollgate.lib
import data.tollgate.lib.qasp
import rego.v1

fail contains f if some f in qasp.field_fails(input, "qasp", qasp.rows(input), "frequency", "surveillance frequency")

fail contains f if some f in qasp.field_fails(input, "qasp", qasp.rows(input), "responsible", "responsible evaluator")

fail contains f if {
	lib.found(input, "qasp.roles")
	some key, what in {"contracting_officer": "contracting officer", "cor": "contracting officer's representative (COR)"}
	lib.blank(object.get(input, ["qasp", "roles", key], null))
	f := {"msg": sprintf("the plan does not name the %s", [what]), "loc": {}}
}

not_assessable contains r if some r in qasp.not_assessable(input)

not_assessable contains r if {
	not lib.found(input, "qasp.roles")
	r := {"msg": "the plan's roles could not be read", "missing": ["qasp.roles"]}
}
