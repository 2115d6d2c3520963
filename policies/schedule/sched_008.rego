# METADATA
# title: The schedule was statused recently
# description: >-
#   The status date is at most thresholds.schedule.status_max_age_days (7 by
#   default) calendar days before the assessment date (project.as_of).
# scope: package
# custom:
#   id: SCHED-008
#   severity: warning
#   kinds: [schedule]
#   source: >-
#     M3 KT 1.2 activity 9 (manage the schedule weekly); M3 Guidance IMS (update
#     weekly); seed 002 activity 9
#   remediation: Status and republish the schedule at the agreed cadence.
package tollgate.rules.schedule.sched_008

import data.tollgate.lib
import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

sd := sched.status_date(s)

limit := data.tollgate.thresholds.schedule.status_max_age_days

age := sched.days_between(sd, lib.as_of)

metric contains {"value": age, "threshold": limit} if age

fail contains f if {
	age > limit
	f := {
		"msg": sprintf("the status date %s is %v days before the assessment date %s; threshold %v days", [sd, age, lib.as_of, limit]),
		"loc": {},
		"metrics": {"value": age, "threshold": limit},
	}
}

not_assessable contains r if {
	not sd
	r := {"msg": "the schedule has no status date", "missing": sched.status_date_missing}
}

not_assessable contains r if {
	sd
	not lib.as_of
	r := {"msg": "the assessment date is unknown", "missing": ["project.as_of"]}
}
