# METADATA
# title: Key task 3.1 outputs are in place and updated during Engagement
# description: >-
#   By the start of phase 4 (or the end of the phase 3 window, while phase 3
#   is still under way), every output of M3 key task 3.1 (m3.json) is in the
#   submission, and each output the M3 tracker marks "Updated" in phase 3
#   (program charter, resource management plan, PMP, IV&V plan, QASP) shows a
#   revision or approval dated inside the phase 3 window.
# scope: package
# custom:
#   id: M3-3.1-01
#   severity: error
#   kinds: [project]
#   source: >-
#     M3 KT 3.1 outputs (seed 000 and repo); M3 tracker (charter/QASP updated in
#     phase 3; RMP, PMP, IV&V updated in phases 2–4)
#   remediation: Update and re-approve the joint artifacts during Engagement.
package tollgate.rules.m3.kt31_01

import data.tollgate.lib
import data.tollgate.lib.m3
import rego.v1

outputs := [o.artifact_key | some o in m3.key_task("3.1").outputs]

# due: the day the outputs must be in place.
due := d if {
	m3.begun(3)
	d := m3.begun(4)
} else := d if {
	m3.begun(3)
	d := m3.window(3).end
	d <= lib.as_of
}

updated_in_3(key) if 3 in object.get(m3.artifact(key), ["lifecycle", "updated_in_phases"], [])

checked contains "" if due

fail contains f if {
	some key in outputs
	not m3.exists_by(key, due)
	f := {"msg": sprintf("key task 3.1 output %s is not in the submission by %s", [m3.label(key), due]), "loc": {}}
}

fail contains f if {
	w := m3.window(3)
	some key in outputs
	updated_in_3(key)
	m3.exists_by(key, due)
	docs := [d | some d in m3.docs_for(key); m3.existed_on(d) <= due]
	not _any_revised(docs, w)
	some doc in docs
	f := {
		"msg": sprintf("%s shows no revision or approval dated in phase 3 (%s to %s): the M3 tracker has it updated during Engagement", [m3.label(key), w.start, w.end]),
		"loc": {},
		"path": doc.source.path,
	}
}

_any_revised(docs, w) if {
	some d in docs
	m3.revised_in(d, w)
}

not_assessable contains r if {
	due
	not m3.window(3)
	r := {"msg": "the phase 3 window is unknown, so the phase 3 updates cannot be dated", "missing": ["project.phase_windows"]}
}

not_assessable contains r if {
	not m3.has_phase_data
	r := {
		"msg": "cannot tell whether M3 phase 3 has begun: no phase windows are configured and no IMS tags its tasks with phases",
		"missing": m3.phase_facts_missing,
	}
}
