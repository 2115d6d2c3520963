# METADATA
# title: Every deliverable IV&V reviews has its review in the IMS
# description: >-
#   Each deliverable the IV&V plan lists for review has an IMS task or
#   milestone named after it (at least half of the deliverable's words), so
#   the review is planned in the WBS.
# scope: package
# custom:
#   id: XDOC-011
#   severity: warning
#   kinds: [project]
#   source: >-
#     M3 Phase 2 Guidance IV&V Plan (deliverables for IV&V review included in
#     the WBS)
#   remediation: Add IV&V review tasks for each listed deliverable to the IMS.
package tollgate.rules.xdoc.xdoc_011

import data.tollgate.lib
import data.tollgate.lib.m3tasks as m3
import rego.v1

# (Bodies iterate the documents this rule is about before looking at the
# IMS: without one, the IMS's tasks are never scanned.)

plans := object.get(input, ["by_kind", "ivv_plan"], [])

schedules := object.get(input, ["by_kind", "schedule"], [])

task_names := [t.name |
	some s in schedules
	some t in object.get(s, ["schedule", "tasks"], [])
	is_object(t)
	is_string(t.name)
]

deliverables(p) := [d |
	some d in object.get(p, ["ivv_plan", "deliverables_under_review"], [])
	is_object(d)
	not lib.blank(object.get(d, "name", null))
]

in_ims(d) if {
	some n in task_names
	m3.share(d.name, n) >= 0.5
}

checked contains p.source.path if {
	some p in plans
	count(task_names) > 0
	count(deliverables(p)) > 0
}

fail contains f if {
	some p in plans
	count(task_names) > 0
	some d in deliverables(p)
	not in_ims(d)
	f := {"msg": sprintf("deliverable %q is listed for IV&V review but no IMS task or milestone names it", [d.name]), "loc": lib.loc_or_doc(object.get(d, "loc", {})), "path": p.source.path}
}

not_assessable contains r if {
	some p in plans
	count(task_names) == 0
	count(deliverables(p)) > 0
	r := {"msg": "the submission holds no schedule with named tasks to find the IV&V reviews in", "missing": ["schedule.tasks"], "path": p.source.path}
}
