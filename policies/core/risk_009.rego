# METADATA
# title: Open risks are reviewed regularly
# description: >-
#   An open risk was modified (else created) no more than risk.stale_days
#   before the as-of date: 30 days by default, 14 in M3 mode (weekly risk
#   monitoring). The M3 Risk Log has no Modified On column; the latest date
#   written in its status notes counts as the last review.
# scope: package
# custom:
#   id: RISK-009
#   severity: warning
#   kinds: [risk_register]
#   source: >-
#     M3 Phase 3 Guidance RAID ("monitor risks on a weekly basis"); PMBOK6 §11.7
#     Monitor Risks
#   remediation: Review the risk, update status notes and the modified date, or close it.
package tollgate.rules.core.risk_009

import data.tollgate.lib
import rego.v1

rr := object.get(input, "risk_register", {})

stale_days := data.tollgate.thresholds.risk.m3_stale_days if {
	data.tollgate.project.framework == "m3"
	is_number(data.tollgate.thresholds.risk.m3_stale_days)
} else := object.get(data.tollgate.thresholds, ["risk", "stale_days"], 30)

open_risks := [x | some x in object.get(rr, "risks", []); is_object(x); x.status in {"open", "deferred", "unknown"}]

label(x) := sprintf("%s %s", [x.id, x.title]) if not lib.blank(object.get(x, "id", null))

else := object.get(x, "title", "(untitled)")

# reviewed(x): the risk's last modification, else its creation date.
reviewed(x) := d if {
	d := lib.day(x.modified_on)
} else := lib.day(x.created_on)

age(d) := (time.parse_ns("2006-01-02", lib.as_of) - time.parse_ns("2006-01-02", d)) / ((24 * 60) * 60e9)

dated if {
	some k in ["modified_on", "created_on", "status_notes"]
	lib.found(input, sprintf("risk_register.columns.%s", [k]))
}

fail contains f if {
	lib.as_of
	some x in open_risks
	d := reviewed(x)
	days := age(d)
	days > stale_days
	f := {
		"msg": sprintf("open risk %q was last reviewed on %s, %d days before %s (limit %d days)", [label(x), d, days, lib.as_of, stale_days]),
		"loc": lib.loc_or_doc(object.get(x, "loc", {})),
		"metrics": {"value": days, "threshold": stale_days},
	}
}

fail contains f if {
	dated
	some x in open_risks
	not reviewed(x)
	f := {"msg": sprintf("open risk %q has no modified or created date, so its last review is unknown", [label(x)]), "loc": lib.loc_or_doc(object.get(x, "loc", {}))}
}

not_assessable contains r if {
	not lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	not dated
	r := {"msg": "the register has no Modified On, Created On or status-notes column to date its reviews", "missing": ["risk_register.columns.modified_on", "risk_register.columns.created_on"]}
}

not_assessable contains r if {
	lib.absent(input, "risk_register.risks", object.get(rr, "risks", null))
	r := {"msg": "no risk rows could be read from the register", "missing": ["risk_register.risks"]}
}
