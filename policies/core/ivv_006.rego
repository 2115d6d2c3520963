# METADATA
# title: IV&V plan follows the IEEE 1012 outline
# description: >-
#   Every section of the IEEE 1012 plan outline is present (purpose, references, definitions, V&V overview, processes, reporting, administrative and test documentation requirements).
# scope: package
# custom:
#   id: IVV-006
#   severity: warning
#   kinds: [ivv_plan]
#   source: >-
#     IEEE 1012 plan outline (1012-2004 cl. 7; later editions' VVP outline)
#   remediation: >-
#     Add the missing sections (or state "not applicable" with reason).
package tollgate.rules.core.ivv_006

import data.tollgate.lib
import rego.v1

plan := object.get(input, "ivv_plan", {})

names := {
	"purpose": "purpose", "references": "referenced documents", "definitions": "definitions",
	"organization": "V&V overview and organization", "master_schedule": "master schedule",
	"integrity_levels": "integrity level scheme", "resources": "resources", "responsibilities": "responsibilities",
	"tools": "tools, techniques and methods", "processes": "V&V processes and tasks", "reporting": "reporting requirements",
	"administrative": "administrative requirements", "test_documentation": "test documentation requirements",
}

missing := sort([key | some key, _ in names; object.get(plan, ["outline", key], false) != true])

fail contains f if {
	lib.found(input, "ivv_plan.outline")
	count(missing) > 0
	f := object.union(
		{"msg": sprintf("the plan lacks the IEEE 1012 section(s): %s", [concat(", ", [names[k] | some k in missing])]), "loc": {}},
		_severity,
	)
}

# Integrity levels alone missing is advisory.
_severity := {"severity": "info"} if missing == ["integrity_levels"]

else := {}

not_assessable contains r if {
	not lib.found(input, "ivv_plan.outline")
	r := {"msg": "the plan's sections could not be read", "missing": ["ivv_plan.outline"]}
}
