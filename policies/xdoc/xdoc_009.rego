# METADATA
# title: An approved IV&V plan exists before execution starts
# description: >-
#   An IV&V plan in the submission is approved (else dated) no later than the
#   earliest start of any execution task (M3 phase 4 and later by default, or
#   the tasks project.execution selects).
# scope: package
# custom:
#   id: XDOC-009
#   severity: error
#   kinds: [project]
#   source: >-
#     M3 KT 1.2 (IV&V Plan is a phase-1 output); M3 phase 1 tollgate (IV&V Plan
#     required); M3 tracker (IV&V plan version 1 in phase 1, updated phases
#     2–4); M3 KT 3.1 activity 5 (review and update the IV&V plan)
#   remediation: Complete and approve the IV&V plan before migration work starts.
package tollgate.rules.xdoc.xdoc_009

import data.tollgate.lib
import data.tollgate.lib.execution as ex
import rego.v1

schedules := object.get(input, ["by_kind", "schedule"], [])

plans := object.get(input, ["by_kind", "ivv_plan"], [])

# exists_by: approved on, else the document date (RULES.md conventions).
plan_date(p) := d if {
	d := lib.approved_on(p)
} else := lib.day(object.get(p, ["metadata", "document_date"], null))

earliest_plan := min({d | some p in plans; d := plan_date(p)})

execution_start(s) := min({d | some t in ex.tasks(s); ex.execution(t); d := ex.task_date(t)})

checked contains s.source.path if {
	some s in schedules
	ex.assessable(s)
}

fail contains f if {
	some s in schedules
	ex.assessable(s)
	start := execution_start(s)
	not earliest_plan
	f := {"msg": sprintf("execution starts on %s but the submission holds no approved or dated IV&V plan", [start]), "loc": {}, "path": s.source.path}
}

fail contains f if {
	some s in schedules
	ex.assessable(s)
	start := execution_start(s)
	earliest_plan > start
	f := {"msg": sprintf("execution starts on %s, before the IV&V plan was approved on %s", [start, earliest_plan]), "loc": {}, "path": s.source.path}
}

not_assessable contains r if {
	some s in schedules
	not ex.assessable(s)
	r := {"msg": "execution tasks cannot be told apart or have no dates", "missing": ["schedule.columns.phase", "project.execution", "schedule.columns.start"], "path": s.source.path}
}
