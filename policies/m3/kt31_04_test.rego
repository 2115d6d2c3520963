package tollgate.rules.m3.kt31_04_test

import data.tollgate.rules.m3.kt31_04
import rego.v1

project := {"as_of": "2026-11-16", "phase_windows": [
	{"phase": 3, "start": "2026-06-01", "end": "2026-08-28"},
	{"phase": 4, "start": "2026-08-31", "end": "2027-06-28"},
]}

qasp(reqs) := {"kind": "qasp", "source": {"path": "QASP.docx"}, "fields_found": ["qasp.performance_requirements"], "metadata": {"document_date": "2026-08-01"}, "qasp": {"performance_requirements": reqs}}

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

test_pass_qasp_with_requirements if {
	count(kt31_04.fail) == 0 with input as bundle([qasp([{"standard": "99.5 % payroll accuracy"}])]) with data.tollgate.project as project
}

test_fail_no_qasp if {
	fs := kt31_04.fail with input as bundle([]) with data.tollgate.project as project
	fs == {{"msg": "no QASP in the submission by 2026-08-31, the end of M3 phase 3 (Engagement)", "loc": {}}}
}

test_fail_qasp_without_requirements if {
	fs := kt31_04.fail with input as bundle([qasp([])]) with data.tollgate.project as project
	fs == {{"msg": "the QASP states no performance requirement to monitor the provider against", "loc": {}, "path": "QASP.docx"}}
}

test_not_assessable_unreadable_requirements if {
	q := {"kind": "qasp", "source": {"path": "QASP.docx"}, "fields_found": [], "metadata": {"document_date": "2026-08-01"}}
	nas := kt31_04.not_assessable with input as bundle([q]) with data.tollgate.project as project
	nas == {{"msg": "the QASP's performance requirements could not be read", "missing": ["qasp.performance_requirements"], "path": "QASP.docx"}}
}

# Without phase 4 under way, the QASP is due at the end of the configured
# phase 3 window once that is past.
window_only := {"as_of": "2026-11-16", "phase_windows": [{"phase": 3, "start": "2026-06-01", "end": "2026-08-28"}]}

test_checked_once_due if {
	kt31_04.checked == {""} with input as bundle([qasp([{"standard": "99.5 % payroll accuracy"}])]) with data.tollgate.project as project
}

test_fail_qasp_dated_after_phase4_began if {
	late := object.union(qasp([{"standard": "99.5 % payroll accuracy"}]), {"metadata": {"document_date": "2026-09-10"}})
	fs := kt31_04.fail with input as bundle([late]) with data.tollgate.project as project
	fs == {{"msg": "no QASP in the submission by 2026-08-31, the end of M3 phase 3 (Engagement)", "loc": {}}}
}

test_fail_no_qasp_after_phase3_window_ended if {
	b := bundle([])
	fs := kt31_04.fail with input as b with data.tollgate.project as window_only
	fs == {{"msg": "no QASP in the submission by 2026-08-28, the end of M3 phase 3 (Engagement)", "loc": {}}}
	kt31_04.checked == {""} with input as b with data.tollgate.project as window_only
}

test_pass_qasp_by_phase3_window_end if {
	b := bundle([qasp([{"standard": "99.5 % payroll accuracy"}])])
	count(kt31_04.fail) == 0 with input as b with data.tollgate.project as window_only
	count(kt31_04.not_assessable) == 0 with input as b with data.tollgate.project as window_only
	kt31_04.checked == {""} with input as b with data.tollgate.project as window_only
}

# Phase 3 is under way and its window has not ended: nothing is due yet,
# so there is no check at all (not a pass).
test_not_due_inside_phase3_window if {
	p := object.union(window_only, {"as_of": "2026-07-15"})
	b := bundle([])
	count(kt31_04.fail) == 0 with input as b with data.tollgate.project as p
	count(kt31_04.not_assessable) == 0 with input as b with data.tollgate.project as p
	count(kt31_04.checked) == 0 with input as b with data.tollgate.project as p
}

test_not_assessable_without_phase_facts if {
	b := bundle([])
	p := {"as_of": "2026-11-16"}
	count(kt31_04.fail) == 0 with input as b with data.tollgate.project as p
	count(kt31_04.checked) == 0 with input as b with data.tollgate.project as p
	nas := kt31_04.not_assessable with input as b with data.tollgate.project as p
	nas == {{
		"msg": "cannot tell whether M3 phase 3 has ended: no phase windows are configured and no IMS tags its tasks with phases",
		"missing": ["project.phase_windows", "project.phase", "schedule.columns.phase"],
	}}
}
