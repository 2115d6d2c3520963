# METADATA
# title: The risk register has the required columns
# description: >-
#   The risk log maps a column for each of: ID, title or description,
#   probability, impact, owner, response or response plan, and status; a
#   missing created-date column is a warning.
# scope: package
# custom:
#   id: RISK-001
#   severity: error
#   kinds: [risk_register]
#   source: >-
#     M3 RAID template Risk Log columns; M3 Guidance §1.3 RAID Log; PMBOK6
#     §11.2.3.1/§11.3.3 (register contents)
#   remediation: Use the RAID template or add the missing columns.
package tollgate.rules.core.risk_001

import data.tollgate.lib
import rego.v1

rr := object.get(input, "risk_register", {})

columns := object.get(rr, "columns", {})

header := lib.loc_or_doc(object.get(rr, "columns_loc", {}))

# Each requirement is met by any one of its columns.
required := [
	{"what": "ID", "any": ["id"]},
	{"what": "title or description", "any": ["title", "description"]},
	{"what": "probability", "any": ["probability"]},
	{"what": "impact", "any": ["impact"]},
	{"what": "owner", "any": ["owner"]},
	{"what": "response or response plan", "any": ["response", "response_plan"]},
	{"what": "status", "any": ["status"]},
]

has(keys) if {
	some k in keys
	columns[k]
}

risk_table if lib.found(input, "risk_register.risks")

fail contains f if {
	risk_table
	missing := [q.what | some q in required; not has(q.any)]
	count(missing) > 0
	f := {"msg": sprintf("the risk log has no %s column", [concat(", no ", missing)]), "loc": header}
}

fail contains f if {
	risk_table
	not has(["created_on"])
	f := {"msg": "the risk log has no created-date column (Created On, Date Raised …)", "loc": header, "severity": "warning"}
}

not_assessable contains r if {
	not risk_table
	r := {"msg": "no risk table with a recognisable header could be read from the register", "missing": ["risk_register.risks"]}
}
