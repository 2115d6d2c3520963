# METADATA
# title: Living artifacts are re-issued in the phases the M3 tracker names
# description: >-
#   A submitted document whose M3 artifact the tracker marks "Updated" in a
#   phase (m3.json artifacts[].lifecycle.updated_in_phases) has a revision
#   history entry or approval dated inside that phase's window, for every
#   such phase that has ended while the document existed.
# scope: package
# custom:
#   id: M3-DOC-01
#   severity: warning
#   kinds: [project]
#   source: M3 tracker (M3 Documents sheet — Version 1 / Updated by phase)
#   remediation: >-
#     Review and re-issue the artifact during that phase, even if only to
#     confirm it.
package tollgate.rules.m3.doc_01

import data.tollgate.lib.m3
import rego.v1

# owed contains [document, phase, window]: the document existed when an
# update phase of its artifact ended.
owed contains [d, p, w] if {
	some d in m3.documents
	some p in m3.updated_phases(d)
	end := m3.ended(p)
	w := m3.window(p)
	m3.existed_on(d) <= end
}

checked contains d.source.path if {
	some [d, _, _] in owed
}

fail contains f if {
	some [d, p, w] in owed
	not m3.revised_in(d, w)
	f := {
		"msg": sprintf("the M3 tracker has this artifact updated in phase %d, but no revision or approval is dated in that phase (%s to %s)", [p, w.start, w.end]),
		"loc": {},
		"path": d.source.path,
	}
}

not_assessable contains r if {
	not m3.has_phase_data
	some d in m3.documents
	count(m3.updated_phases(d)) > 0
	r := {
		"msg": "cannot tell when M3 phases began and ended: no phase windows are configured and no IMS tags its tasks with phases",
		"missing": m3.phase_facts_missing,
		"path": d.source.path,
	}
}
