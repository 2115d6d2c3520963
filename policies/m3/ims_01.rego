# METADATA
# title: The IMS covers the key tasks of the current and next phase
# description: >-
#   Every M3 key task of the current phase and the next one (m3.json tasks)
#   has a task in the IMS — tagged with its m3_key_task, or named like it
#   (word overlap of at least 60 % with a key task of the same phase) —
#   unless project.tailored_out lists it.
# scope: package
# custom:
#   id: M3-IMS-01
#   severity: warning
#   kinds: [schedule]
#   source: >-
#     M3 Master Schedule template (one row per key task); M3 KT 3.1 activity 8
#     (agree the IMS); GAO BP1
#   remediation: Add the missing key tasks or record the tailoring decision.
package tollgate.rules.m3.ims_01

import data.tollgate.lib
import data.tollgate.lib.execution as ex
import data.tollgate.lib.m3
import rego.v1

# phase: the configured phase, else the latest phase this IMS has started.
phase := m3.project.phase if is_number(m3.project.phase)

else := max(ns) if {
	ns := {t.phase | some t in ex.tasks(input); is_number(t.phase); lib.day(t.actual_start)}
	count(ns) > 0
}

tailored := {t | some t in object.get(m3.project, "tailored_out", [])}

required contains kt if {
	some kt in m3.playbook.tasks
	kt.phase in {phase, phase + 1}
	not kt.id in tailored
}

covered(kt) if {
	some t in ex.tasks(input)
	t.m3_key_task == kt.id
}

covered(kt) if {
	some t in ex.tasks(input)
	not m3.tagged(t)
	object.get(t, "phase", kt.phase) == kt.phase
	m3.similar(t.name, kt.name)
}

fail contains f if {
	some kt in required
	not covered(kt)
	f := {"msg": sprintf("the IMS has no task for M3 key task %s %q (phase %d)", [kt.id, kt.name, kt.phase]), "loc": {}}
}

not_assessable contains r if {
	not phase
	r := {"msg": "the current M3 phase is unknown", "missing": ["project.phase", "schedule.columns.phase"]}
}
