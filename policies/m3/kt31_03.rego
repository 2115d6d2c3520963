# METADATA
# title: The provider PMO is integrated and both parties sign off
# description: >-
#   From M3 phase 3 on, the RACI / resource management plan names at least one
#   provider-party role, and the IMS and the RACI / RMP each carry an approval
#   by the customer and one by the provider (party as recorded, named in the
#   approver's title, or that of the RACI role the title names).
# scope: package
# custom:
#   id: M3-3.1-03
#   severity: warning
#   kinds: [project]
#   source: >-
#     M3 KT 3.1 activities 1, 3, 4, 8 (onboard provider PMO; agree shared
#     responsibilities; document in RACI/RMP; agree the IMS); M3 RMP/RAID
#     template notes (both PMs approve)
#   remediation: Integrate the provider PMO into the RACI and get both parties' sign-off.
package tollgate.rules.m3.kt31_03

import data.tollgate.lib.m3
import rego.v1

racis := object.get(input, ["by_kind", "raci"], [])

judged := array.concat(racis, m3.schedules)

in_phase if m3.current_phase >= 3

checked contains d.source.path if {
	in_phase
	some d in judged
}

provider_role(r) if r.party == "provider"

provider_role(r) if regex.match(`(?i)\bprovider\b`, object.get(r, "name", ""))

fail contains f if {
	in_phase
	some d in racis
	not _has_provider_role(d)
	f := {"msg": "the RACI / resource management plan names no provider-party role: the provider PMO is not integrated", "loc": {}, "path": d.source.path}
}

_has_provider_role(d) if {
	some r in object.get(d, ["raci", "roles"], [])
	provider_role(r)
}

fail contains f if {
	in_phase
	some d in judged
	missing := sort({p | some p in ["customer", "provider"]; not p in m3.parties(d)})
	count(missing) > 0
	f := {"msg": sprintf("the %s has no approval by the %s party: both parties agree it in key task 3.1", [_what(d), concat(" and the ", missing)]), "loc": {}, "path": d.source.path}
}

_what(d) := "IMS" if d.kind == "schedule"

else := "RACI / resource management plan"

not_assessable contains r if {
	count(judged) > 0
	not m3.current_phase
	r := {"msg": "the current M3 phase is unknown", "missing": ["project.phase", "project.phase_windows"]}
}
