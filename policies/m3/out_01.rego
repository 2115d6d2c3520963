# METADATA
# title: Key-task outputs exist before the next phase starts
# description: >-
#   For every key task of an M3 phase that has ended (the next phase has
#   begun), each output the M3 tracker follows (m3.json tasks[].outputs whose
#   artifact has a lifecycle) is in the submission by the day the next phase
#   began. One finding per missing artifact, at the first phase it was due;
#   error for the outputs of kind charter, pmp, raci, schedule, ivv_plan, qasp
#   and risk_register, warning for the others.
# scope: package
# custom:
#   id: M3-OUT-01
#   severity: warning
#   kinds: [project]
#   source: >-
#     m3.json tasks[].outputs (key-task YAML outputs); brief requirement
#     "phase N outputs exist before phase N+1 tasks start"
#   remediation: >-
#     Add the missing output (template filename is in outputs[].filename where
#     M3 provides one) or waive it via the M3 Services Tailoring Guide
#     rationale.
package tollgate.rules.m3.out_01

import data.tollgate.lib.m3
import rego.v1

core_kinds := {"charter", "pmp", "raci", "schedule", "ivv_plan", "qasp", "risk_register"}

# owed contains [artifact key, phase, due day, key task id, template file].
owed contains [o.artifact_key, t.phase, d, t.id, object.get(o, "filename", "")] if {
	some t in m3.playbook.tasks
	d := m3.begun(t.phase + 1)
	some o in t.outputs
	m3.tracked(o.artifact_key)
}

# first_due[key] := the earliest day an artifact was owed.
first_due[key] := min({d | some [k, _, d, _, _] in owed; k == key}) if {
	some [key, _, _, _, _] in owed
}

checked contains "" if m3.has_phase_data

fail contains f if {
	some key, d in first_due
	not m3.exists_by(key, d)
	entries := [e | some e in owed; e[0] == key; e[2] == d]
	n := entries[0][1]
	tasks := concat(", ", sort({e[3] | some e in entries}))
	files := sort({e[4] | some e in entries; e[4] != ""})
	f := {
		"msg": sprintf("no %s by %s, when phase %d began (output of key task %s)%s", [m3.label(key), d, n + 1, tasks, _template(files)]),
		"loc": {},
		"severity": _severity(key),
	}
}

_template(files) := sprintf("; template: %s", [concat(", ", files)]) if count(files) > 0

else := ""

_severity(key) := "error" if m3.artifact(key).kind in core_kinds

else := "warning"

not_assessable contains r if {
	not m3.has_phase_data
	r := {
		"msg": "cannot tell which M3 phases have ended: no phase windows are configured and no IMS tags its tasks with phases",
		"missing": m3.phase_facts_missing,
	}
}
