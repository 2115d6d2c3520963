# METADATA
# title: A QASP on provider metrics exists by the end of Engagement
# description: >-
#   By the start of phase 4 (or the end of the phase 3 window) the submission
#   holds a QASP, and each QASP states at least one performance requirement
#   to monitor the provider against.
# scope: package
# custom:
#   id: M3-3.1-04
#   severity: warning
#   kinds: [project]
#   source: >-
#     M3 KT 3.1 activity 7 (customer develops a QASP to monitor provider
#     metrics); M3 Phase 3 Guidance (migration IAA terms include a completed
#     QASP with performance targets)
#   remediation: >-
#     Write the QASP against the provider's migration/O&M commitments before
#     the migration agreement.
package tollgate.rules.m3.kt31_04

import data.tollgate.lib
import data.tollgate.lib.m3
import rego.v1

due := d if {
	m3.begun(3)
	d := m3.begun(4)
} else := d if {
	m3.begun(3)
	d := m3.window(3).end
	d <= lib.as_of
}

qasps := m3.docs_for("qasp")

checked contains "" if due

fail contains f if {
	not m3.exists_by("qasp", due)
	f := {"msg": sprintf("no QASP in the submission by %s, the end of M3 phase 3 (Engagement)", [due]), "loc": {}}
}

fail contains f if {
	due
	some d in qasps
	reqs := object.get(d, ["qasp", "performance_requirements"], null)
	not lib.absent(d, "qasp.performance_requirements", reqs)
	count(reqs) == 0
	f := {"msg": "the QASP states no performance requirement to monitor the provider against", "loc": {}, "path": d.source.path}
}

not_assessable contains r if {
	due
	some d in qasps
	lib.absent(d, "qasp.performance_requirements", object.get(d, ["qasp", "performance_requirements"], null))
	r := {"msg": "the QASP's performance requirements could not be read", "missing": ["qasp.performance_requirements"], "path": d.source.path}
}

not_assessable contains r if {
	not m3.has_phase_data
	r := {
		"msg": "cannot tell whether M3 phase 3 has ended: no phase windows are configured and no IMS tags its tasks with phases",
		"missing": m3.phase_facts_missing,
	}
}
