# METADATA
# title: Charter lists objectives
# description: The charter lists the program's objectives.
# scope: package
# custom:
#   id: CHARTER-002
#   severity: error
#   kinds: [charter]
#   source: >-
#     PMBOK6 §4.1.3.1; M3 KT 1.2 best practice (clear goals and objectives);
#     M3 KT 0.1 (vision and objectives)
#   remediation: List the program objectives.
package tollgate.rules.core.charter_002

import rego.v1

objectives := [o |
	some o in object.get(input, ["charter", "objectives"], [])
	is_object(o)
	trim_space(object.get(o, "text", "")) != ""
]

fail contains f if {
	count(objectives) == 0
	f := {"msg": "the charter lists no objectives", "loc": {}}
}
