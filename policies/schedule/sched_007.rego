# METADATA
# title: The schedule has a status date
# description: >-
#   The schedule's status (data) date is known: exported with the schedule or
#   given as project.status_date in the configuration. DCMA checks 9, 11, 13
#   and 14 need it.
# scope: package
# custom:
#   id: SCHED-007
#   severity: error
#   kinds: [schedule]
#   source: GAO BP9; prerequisite for DCMA-9/11/13/14
#   remediation: Set the status (data) date in the tool and export it, or pass it in config.
package tollgate.rules.schedule.sched_007

import data.tollgate.lib.schedule as sched
import rego.v1

s := sched.payload(input)

fail contains f if {
	not sched.status_date(s)
	f := {"msg": "the schedule has no status date, in the file or as project.status_date in .tollgate.yaml", "loc": {}}
}
