# METADATA
# title: Lead roles are filled and staffing gaps have dates
# description: >-
#   In the Resource Management Plan roles table, no lead role (marked Lead,
#   in the leadership band, or a sponsor or program/project manager) is
#   vacant or without its resources acquired, and every resource or skills
#   gap has a target date to fill it.
# scope: package
# custom:
#   id: RACI-008
#   severity: warning
#   kinds: [raci]
#   source: >-
#     M3 RMP template columns (Filled or Vacant; Have Resources Been Acquired;
#     Gaps & Target Dates); M3 Guidance HR/Staffing Plan (gaps with dates to
#     fill); M3 phase 1 exit "Resources On-Boarded"
#   remediation: Fill the role or name an acting lead; give every gap a fill/training date.
package tollgate.rules.core.raci_008

import data.tollgate.lib
import rego.v1

roles := [r | some r in object.get(input, ["raci", "roles"], []); is_object(r)]

staffing_fields := ["raci.roles.filled", "raci.roles.acquired", "raci.roles.gaps"]

lead(r) if r.lead == true

lead(r) if {
	object.get(r, "lead", null) == null
	regex.match(`(?i)leadership`, object.get(r, "group", ""))
}

lead(r) if {
	object.get(r, "lead", null) == null
	r.canonical in {"sponsor", "program_manager", "project_manager"}
}

fail contains f if {
	some r in roles
	lead(r)
	r.filled == false
	f := {"msg": sprintf("lead role %q is vacant", [r.name]), "loc": lib.loc_or_doc(object.get(r, "loc", {}))}
}

fail contains f if {
	some r in roles
	lead(r)
	r.acquired == false
	f := {"msg": sprintf("the resources for lead role %q have not been acquired (%q)", [r.name, object.get(r, "acquired_raw", "no")]), "loc": lib.loc_or_doc(object.get(r, "loc", {}))}
}

fail contains f if {
	some r in roles
	some g in object.get(r, "gaps", [])
	object.get(g, "target_date", null) == null
	f := {"msg": sprintf("gap %q of role %q has no target date to fill it", [g.text, r.name]), "loc": lib.loc_or_doc(object.get(g, "loc", object.get(r, "loc", {})))}
}

not_assessable contains r if {
	count([f | some f in staffing_fields; lib.found(input, f)]) == 0
	r := {"msg": "the document has no Resource Management Plan roles table (Filled or Vacant, Resources Acquired, Gaps & Target Dates columns): staffing cannot be checked", "missing": staffing_fields}
}
