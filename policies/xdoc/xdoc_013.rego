# METADATA
# title: Lessons learned are captured after each phase
# description: >-
#   For every phase window that ended at least 30 days before as_of (the
#   configured project.phase_windows, else the phase windows the IMS gives),
#   a lessons_learned document is dated (lessons_learned.date, else its
#   document date) within 30 days after the window's end. The 30 days are
#   thresholds.lessons_learned.after_phase_days. Judged once the program is
#   past initiation (the submission holds a PMP, a schedule or a lessons
#   learned report).
# scope: package
# custom:
#   id: XDOC-013
#   severity: info
#   kinds: [project]
#   source: >-
#     seed 002 activity 12 (lessons learned at phase completion); M3 KT 5.2;
#     M3 phase 3 progress review ("Lessons Learned")
#   remediation: Hold the lessons-learned session and publish the report.
package tollgate.rules.xdoc.xdoc_013

import data.tollgate.lib
import data.tollgate.lib.m3
import rego.v1

days := object.get(data.tollgate.thresholds, ["lessons_learned", "after_phase_days"], 30)

reports := object.get(input, ["by_kind", "lessons_learned"], [])

report_date(r) := d if {
	d := lib.day(object.get(r, ["lessons_learned", "date"], null))
} else := lib.day(object.get(r, ["metadata", "document_date"], null))

# closed contains [phase, window]: windows that ended long enough ago.
closed contains [n, w] if {
	some p in m3.playbook.phases
	n := p.phase
	w := m3.window(n)
	m3.add_days(w.end, days) <= lib.as_of
}

# A charter alone is a program still in initiation: no phase has closed.
underway if {
	some k in ["pmp", "schedule", "lessons_learned"]
	count(object.get(input, ["by_kind", k], [])) > 0
}

checked contains "" if {
	underway
	lib.as_of
	m3.has_phase_data
}

fail contains f if {
	underway
	some [n, w] in closed
	by := m3.add_days(w.end, days)
	not _reported(w.end, by)
	f := {
		"msg": sprintf("phase %d ended on %s and no lessons-learned report is dated within %d days after it (by %s)", [n, w.end, days, by]),
		"loc": {},
	}
}

_reported(from, to) if {
	some r in reports
	d := report_date(r)
	from <= d
	d <= to
}

not_assessable contains r if {
	underway
	not lib.as_of
	r := {"msg": "the run has no as_of date to tell which phases have ended", "missing": ["project.as_of"]}
}

not_assessable contains r if {
	underway
	not m3.has_phase_data
	r := {"msg": "no phase windows are configured and no IMS tags its tasks with phases", "missing": ["project.phase_windows", "schedule.columns.phase"]}
}
