# METADATA
# title: Document that needs approval is approved
# description: >-
#   A document that needs approval — a charter, PMP, RACI, IV&V plan, QASP,
#   governance plan, risk plan or change request, or any document whose status
#   says final, approved or baselined — records a signed or dated approval; no
#   approval is dated after the as-of date; and a document whose status says
#   approved does not record only "not accepted" / "accepted with changes".
# scope: package
# custom:
#   id: GEN-004
#   severity: error
#   kinds: ["*"]
#   source: >-
#     M3 templates' "Approvals" section and "Management Certification" block
#     (accepted / accepted pending changes / not accepted); seed 002 activity 1
#     (approved PMP); PMBOK6 §4.1.3.1 (name and authority of the charter's authorizer)
#   remediation: >-
#     Record approver name, title, decision and date (signature table, signed
#     signature line, or front-matter approvals:). If accepted pending changes,
#     issue the revised version and re-certify.
package tollgate.rules.core.gen_004

import data.tollgate.lib
import rego.v1

approval_kinds := {"charter", "pmp", "raci", "ivv_plan", "qasp", "governance_plan", "risk_plan", "change_request"}

claimed_statuses := {"final", "approved", "baselined"}

status := object.get(input, ["metadata", "status"], "unknown")

approvals := [a | some a in object.get(input, ["metadata", "approvals"], []); is_object(a)]

needs_approval if input.kind in approval_kinds

needs_approval if status in claimed_statuses

reason := sprintf("a %s needs approval", [input.kind]) if input.kind in approval_kinds

else := sprintf("the document's status is %q", [status])

fail contains f if {
	needs_approval
	not any_signed_or_dated
	f := {"msg": sprintf("%s but records no signed or dated approval", [reason]), "loc": {}}
}

any_signed_or_dated if {
	some a in approvals
	lib.signed_or_dated(a)
}

fail contains f if {
	some a in approvals
	d := lib.day(a.date)
	d > lib.as_of
	f := {
		"msg": sprintf("approval by %s is dated %s, after the as-of date %s", [who(a), d, lib.as_of]),
		"loc": lib.loc_or_doc(object.get(a, "loc", {})),
	}
}

fail contains f if {
	status in {"approved", "baselined"}
	decisions := {d | some a in approvals; d := a.decision; is_string(d)}
	count(decisions) > 0
	count(decisions & lib.accepting_decisions) == 0
	count(decisions & lib.non_accepting_decisions) > 0
	f := {
		"msg": sprintf("the status says %s but the only decisions recorded are %s", [status, concat(", ", sort(decisions))]),
		"loc": {},
	}
}

who(a) := a.name if not lib.blank(object.get(a, "name", null))

else := a.role if not lib.blank(object.get(a, "role", null))

else := "an unnamed approver"
