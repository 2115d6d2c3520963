# METADATA
# title: Cutover waits for an approved Go decision
# description: >-
#   No cutover / go-live task of the IMS (named cutover, go-live or deploy to
#   production, or matching M3 key task 4.17; readiness assessments excluded)
#   has started before an approved Go/No-Go Assessment Report recording a
#   "Go" decision; and M3 phase 4 did not begin without approved Go/No-Go
#   criteria.
# scope: package
# custom:
#   id: M3-4.16-01
#   severity: error
#   kinds: [project]
#   source: >-
#     M3 KT 4.16 (assess readiness for go-live) and 4.17 (cutover); M3 phase 3
#     exit "Go/No-Go Criteria Approved"; phase 4 exit "Go/No-Go Criteria Met"
#   remediation: Hold the go/no-go decision and record it before cutover.
package tollgate.rules.m3.kt416_01

import data.tollgate.lib
import data.tollgate.lib.execution as ex
import data.tollgate.lib.m3
import rego.v1

cutover_kt := m3.key_task("4.17")

cutover(t) if {
	regex.match(`(?i)cut-?over|go[- ]?live|deploy(ment)? (in)?to production`, t.name)
	not regex.match(`(?i)readiness|assess`, t.name)
}

cutover(t) if {
	t.m3_key_task == cutover_kt.id
}

cutover(t) if {
	not m3.tagged(t)
	object.get(t, "phase", cutover_kt.phase) == cutover_kt.phase
	m3.similar(t.name, cutover_kt.name)
}

# go_on: the earliest day an approved assessment report records "Go".
go_on := min(ds) if {
	ds := {d | some doc in m3.docs_for("go-no-go-assessment-report"); m3.go_decision(doc); d := lib.approved_on(doc)}
	count(ds) > 0
}

checked contains s.source.path if some s in m3.schedules

checked contains "" if m3.begun(4)

fail contains f if {
	some s in m3.schedules
	some t in ex.tasks(s)
	cutover(t)
	started := lib.day(t.actual_start)
	not go_by(started)
	f := {
		"msg": sprintf("cutover task %q started on %s %s", [ex.label(t), started, _before(started)]),
		"loc": lib.loc_or_doc(object.get(t, "loc", {})),
		"path": s.source.path,
	}
}

go_by(day) if go_on <= day

_before(_) := "but no approved Go/No-Go Assessment Report records a \"Go\" decision" if not go_on

else := sprintf("before the \"Go\" decision was approved on %s", [go_on])

fail contains f if {
	d := m3.begun(4)
	not m3.approved_by("go-no-go-criteria", d)
	f := {"msg": sprintf("M3 phase 4 began on %s without approved Go/No-Go criteria", [d]), "loc": {}}
}
