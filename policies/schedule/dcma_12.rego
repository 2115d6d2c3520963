# METADATA
# title: Critical path test — the critical path drives the finish
# description: >-
#   Delaying an incomplete critical task by a large amount (DCMA uses 600
#   working days) moves the project finish by the same amount; a critical path
#   from the status date to the finish exists and runs through detail tasks
#   only. Judged on the result of tollgate's critical-path pass.
# scope: package
# custom:
#   id: SCHED-DCMA-12
#   severity: error
#   kinds: [schedule]
#   source: DCMA-12; GAO BP6 (valid critical path), BP2 (single start/finish)
#   remediation: Fix broken logic and constraints until the critical path is continuous from the status date to the finish milestone.
package tollgate.rules.schedule.dcma_12

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

# Only the tasks on the critical path and the tested task are looked up
# (the schedule index's "critical" fact).
by_uid := sched.first_by_uid([s.tasks[i] | some i in sched.task_set(s, "critical")])

path := [u | some u in sched.derived(s, "critical_path", []); is_string(u)]

cpt := sched.derived(s, "critical_path_test", null)

tested if {
	is_object(cpt)
	is_boolean(cpt.pass)
}

delay := object.get(s, ["derived", "critical_path_test", "delay_days"], 0)

moved := object.get(s, ["derived", "critical_path_test", "finish_moved_days"], 0)

# The metric: how much of the delay reached the finish (1 = all of it).
value := sched.ratio(moved, delay) if {
	is_number(moved)
	is_number(delay)
	delay > 0
} else := 0

metric contains sched.metrics(value, moved, delay, 1) if {
	sched.cpm(s)
	tested
}

fail contains f if {
	sched.cpm(s)
	tested
	cpt.pass == false
	t := object.get(by_uid, cpt.task_uid, {"uid": cpt.task_uid})
	msg := sprintf("critical-path test failed: delaying %q by %v days moved the project finish by %v days%s", [sched.label(t), delay, moved, _reason])
	f := {"msg": msg, "loc": sched.loc(t), "metrics": sched.metrics(value, moved, delay, 1)}
}

_reason := sprintf(" (%s)", [cpt.reason]) if {
	is_string(object.get(cpt, "reason", null))
	cpt.reason != ""
} else := ""

fail contains f if {
	sched.cpm(s)
	sched.task_count(s) > 0
	count(path) == 0
	f := {"msg": "no critical path runs from the status date to the project finish", "loc": {}}
}

# Logic belongs on detail tasks: a path through summary or level-of-effort
# rows is not a real sequence of work.
fail contains f if {
	sched.cpm(s)
	bad := [t | some u in path; t := by_uid[u]; sched.type(t) in {"summary", "loe"}]
	count(bad) > 0
	msg := sprintf("the critical path runs through %d summary or level-of-effort rows (first: %q)", [count(bad), sched.label(bad[0])])
	f := object.remove(sched.summary(msg, [sched.loc(t) | some t in bad], {}), {"metrics"})
}

not_assessable contains r if {
	not sched.cpm(s)
	r := {"msg": "the critical-path pass did not run on this schedule (it needs predecessors and durations)", "missing": ["schedule.derived.cpm_computed"]}
}

not_assessable contains r if {
	sched.cpm(s)
	count(path) > 0
	not tested
	r := {"msg": "the critical-path test could not be run (no incomplete critical task to delay)", "missing": ["schedule.derived.critical_path_test"]}
}
