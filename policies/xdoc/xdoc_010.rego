# METADATA
# title: IV&V is independent of the provider and the PM it reviews
# description: >-
#   The IV&V organization is not an organization that holds provider or
#   developer roles in the program (RACI/RMP roles, the stakeholder register
#   or the charter's stakeholders), and IV&V does not report to the program or
#   project manager or PMO whose work it reviews.
# scope: package
# custom:
#   id: XDOC-010
#   severity: warning
#   kinds: [project]
#   source: IEEE 1012 Annex C (managerial and financial independence)
#   remediation: >-
#     Have IV&V report above the program (sponsor/governance) and contract it
#     separately from the provider.
package tollgate.rules.xdoc.xdoc_010

import data.tollgate.lib
import data.tollgate.lib.people
import rego.v1

plans := object.get(input, ["by_kind", "ivv_plan"], [])

# Organizations the program names as the provider: provider-party roles
# (their names), provider stakeholders' agencies, and the organization of
# the charter's provider stakeholders.
provider_orgs := {people.norm(o) |
	some s in people.stakeholders
	object.get(s, "party", "") == "provider"
	some k in ["agency", "organization"]
	o := object.get(s, k, "")
	not lib.blank(o)
} | {people.norm(o) |
	some c in object.get(input, ["by_kind", "charter"], [])
	some s in object.get(c, ["charter", "stakeholders"], [])
	provider_stakeholder(s)
	o := object.get(s, "organization", "")
	not lib.blank(o)
}

provider_stakeholder(s) if object.get(s, "party", "") == "provider"

provider_stakeholder(s) if regex.match(`(?i)\bprovider\b|\bdeveloper\b|\bvendor\b`, object.get(s, "role", ""))

provider_role_names := {people.norm(r.name) |
	some r in people.roles
	r.party == "provider"
}

org(p) := object.get(p, ["ivv_plan", "provider", "organization"], "")

same_org(o) if people.norm(o) in provider_orgs

# A provider role named after the IV&V organization ("Developer (Meridian)").
same_org(o) if {
	n := people.norm(o)
	count(n) >= 3
	some r in provider_role_names
	contains(r, n)
}

checked contains p.source.path if {
	some p in plans
	not unassessable(p)
}

unassessable(p) if {
	lib.blank(org(p))
	lib.blank(object.get(p, ["ivv_plan", "reports_to"], null))
}

fail contains f if {
	some p in plans
	o := org(p)
	not lib.blank(o)
	same_org(o)
	f := {"msg": sprintf("the IV&V organization %q also holds provider roles in the program: IV&V is not independent of the provider", [o]), "loc": {}, "path": p.source.path}
}

fail contains f if {
	some p in plans
	to := object.get(p, ["ivv_plan", "reports_to"], "")
	is_string(to)
	regex.match(`(?i)\b(program|project)\s+manager\b|\bPMO\b`, to)
	f := {"msg": sprintf("IV&V reports to %q, whose work it reviews: it should report above the program (sponsor or governance body)", [to]), "loc": {}, "path": p.source.path}
}

not_assessable contains r if {
	some p in plans
	unassessable(p)
	r := {"msg": "the IV&V plan names neither the IV&V organization nor whom IV&V reports to", "missing": ["ivv_plan.provider.organization", "ivv_plan.reports_to"], "path": p.source.path}
}
