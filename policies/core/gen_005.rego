# METADATA
# title: The required approvers have signed
# description: >-
#   Every approver the project requires for this kind of document — configured
#   per kind (approvers.<kind>), else the M3 template's own note
#   (m3.json → template_approvers), else the sponsor for a charter — appears
#   in the document's approvals with a signature or a date.
# scope: package
# custom:
#   id: GEN-005
#   severity: warning
#   kinds: ["*"]
#   source: >-
#     M3 template cover/purpose notes ("This document should be signed by … and
#     reviewed and approved by …"); M3 KT 3.1 activity 3 (agree shared
#     responsibilities)
#   remediation: >-
#     Obtain the missing sign-off, or record a waiver explaining why that party
#     does not approve this artifact.
package tollgate.rules.core.gen_005

import data.tollgate.lib
import rego.v1

# --- who must approve ----------------------------------------------------------

configured := data.tollgate.project.approvers[input.kind]

has_config if is_array(configured)

# The M3 artifacts this document is: its artifact key when recognised, else,
# in a program that declares the M3 framework (project.framework: m3), every
# M3 artifact of its kind (resource-management-plan for a raci, raid-log for
# a risk_register). A register of the same kind outside M3 is not that M3
# template, and its template's sign-offs are not asked of it.
m3_artifacts := [a | some a in data.tollgate.m3.artifacts; a.key == input.artifact_key] if {
	not lib.blank(object.get(input, "artifact_key", null))
} else := [a | some a in data.tollgate.m3.artifacts; a.kind == input.kind] if {
	lower(object.get(data.tollgate.project, "framework", "")) == "m3"
} else := []

template_notes := [n |
	some a in m3_artifacts
	some t in a.templates
	n := data.tollgate.m3.template_approvers[t]
]

# "Customer Program Manager" → {role: program_manager, party: customer}.
role_keys := {
	"program manager": "program_manager",
	"program executive sponsor": "sponsor",
	"executive sponsor": "sponsor",
	"sponsor": "sponsor",
	"business owners": "business_owner",
	"functional lead": "functional_lead",
}

parse(label) := {"label": label, "role": role_keys[lower(rest)], "party": party} if {
	some party in ["customer", "provider"]
	prefix := sprintf("%s ", [party])
	startswith(lower(label), prefix)
	rest := substring(label, count(prefix), -1)
} else := {"label": label, "role": role_keys[lower(label)]}

# Where the requirement comes from, for the message.
required := [{"label": r, "role": r} | some r in configured] if {
	is_array(configured)
} else := [q | some q in {parse(l) | some n in template_notes; some l in array.concat(n.signed_by, n.approved_by)}] if {
	count(template_notes) > 0
} else := [{"label": "sponsor", "role": "sponsor"}] if {
	input.kind == "charter"
} else := []

basis := sprintf("approvers.%s in the configuration", [input.kind]) if is_array(configured)

else := concat(", ", sort({t | some a in m3_artifacts; some t in a.templates; data.tollgate.m3.template_approvers[t]})) if count(template_notes) > 0

else := "the charter is authorized by its sponsor"

# A charter's sponsor signature is CHARTER-013's finding (an error); this
# rule does not report it a second time.
checked := [q | some q in required; not charter_sponsor(q)]

charter_sponsor(q) if {
	input.kind == "charter"
	q.role == "sponsor"
}

# --- who did -------------------------------------------------------------------

approvals := [a | some a in object.get(input, ["metadata", "approvals"], []); is_object(a)]

# An approver without a stated party signs for the customer: M3 artifacts
# are the customer agency's documents, and provider sign-offs say so.
party_matches(q, _) if not q.party

party_matches(q, a) if object.get(a, "party", "") == q.party

party_matches(q, a) if {
	q.party == "customer"
	object.get(a, "party", "") in {"", null}
}

present(q) if {
	some a in approvals
	a.role == q.role
	party_matches(q, a)
	lib.signed_or_dated(a)
	not object.get(a, "decision", null) in lib.non_accepting_decisions
}

fail contains f if {
	some q in checked
	not present(q)
	f := {"msg": sprintf("no signed or dated approval by the %s (required by %s)", [who(q), basis]), "loc": {}}
}

who(q) := sprintf("%s %s", [q.party, replace(q.role, "_", " ")]) if q.party

else := replace(q.role, "_", " ")

# Without configuration and without the M3 template notes there is no way to
# know who must approve a non-charter document.
not_assessable contains r if {
	not has_config
	not data.tollgate.m3.template_approvers
	input.kind != "charter"
	r := {"msg": sprintf("no approvers are configured for %s documents (approvers.%s) and the M3 template data is not loaded", [input.kind, input.kind]), "missing": [sprintf("approvers.%s", [input.kind]), "data.tollgate.m3"]}
}
