# METADATA
# title: Matrix cells hold valid codes
# description: >-
#   Every assignment cell holds a code of the matrix's variant (R, A, C, I;
#   S for RASCI; V for RACI-VS).
# scope: package
# custom:
#   id: RACI-006
#   severity: error
#   kinds: [raci]
#   source: RACI/RASCI conventions
#   remediation: Use the legend's codes only; add the legend to the document.
package tollgate.rules.core.raci_006

import data.tollgate.lib
import rego.v1

fail contains f if {
	some u in object.get(input, ["raci", "unknown_codes"], [])
	is_object(u)
	f := {"msg": sprintf("%q is not a RACI code (activity %q, role %q)", [u.value, u.activity, u.role]), "loc": lib.loc_or_doc(object.get(u, "loc", {}))}
}

not_assessable contains r if {
	lib.absent(input, "raci.activities", object.get(input, ["raci", "activities"], null))
	r := {"msg": "no activity rows with role assignments were found (a roles-only table cannot be checked)", "missing": ["raci.activities"]}
}
