package tollgate.rules.xdoc.xdoc_013_test

import data.tollgate.rules.xdoc.xdoc_013
import rego.v1

project := {"as_of": "2026-11-16", "phase_windows": [
	{"phase": 2, "start": "2026-04-06", "end": "2026-05-29"},
	{"phase": 3, "start": "2026-06-01", "end": "2026-10-30"},
]}

ll(date) := {"kind": "lessons_learned", "source": {"path": "LL.docx"}, "metadata": {}, "lessons_learned": {"date": date}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass_lessons_after_ended_phase if {
	# Phase 3 ended less than 30 days before as_of: not yet due.
	count(xdoc_013.fail) == 0 with input as bundle([ll("2026-06-10")]) with data.tollgate.project as project
	xdoc_013.checked == {""} with input as bundle([ll("2026-06-10")]) with data.tollgate.project as project
}

test_fail_no_lessons_within_30_days if {
	fs := xdoc_013.fail with input as bundle([ll("2026-07-15")]) with data.tollgate.project as project
	fs == {{"msg": "phase 2 ended on 2026-05-29 and no lessons-learned report is dated within 30 days after it (by 2026-06-28)", "loc": {}}}
}

test_fail_without_report if {
	pmp := {"kind": "pmp", "source": {"path": "PMP.docx"}}
	fs := xdoc_013.fail with input as bundle([pmp]) with data.tollgate.project as project
	count(fs) == 1
}

test_threshold_override if {
	fs := xdoc_013.fail with input as bundle([ll("2026-07-15")]) with data.tollgate.project as project
		with data.tollgate.thresholds.lessons_learned.after_phase_days as 60
	count(fs) == 0
}

test_charter_only_is_not_judged if {
	b := bundle([{"kind": "charter", "source": {"path": "C.docx"}}])
	count(xdoc_013.not_assessable) == 0 with input as b with data.tollgate.project as {"as_of": "2026-11-16"}
	count(xdoc_013.checked) == 0 with input as b with data.tollgate.project as {"as_of": "2026-11-16"}
}

test_not_assessable_without_windows if {
	nas := xdoc_013.not_assessable with input as bundle([ll("2026-07-15")]) with data.tollgate.project as {"as_of": "2026-11-16"}
	nas == {{"msg": "no phase windows are configured and no IMS tags its tasks with phases", "missing": ["project.phase_windows", "schedule.columns.phase"]}}
	count(xdoc_013.fail) == 0 with input as bundle([ll("2026-07-15")]) with data.tollgate.project as {"as_of": "2026-11-16"}
}

test_not_assessable_without_as_of if {
	nas := xdoc_013.not_assessable with input as bundle([ll("2026-07-15")]) with data.tollgate.project as {"phase_windows": project.phase_windows}
	some r in nas
	r.missing == ["project.as_of"]
}
