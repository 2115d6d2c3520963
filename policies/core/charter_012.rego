# METADATA
# title: Charter names the project manager and their authority
# description: >-
#   The charter names the assigned project manager (error) and states the
#   authority delegated to them (warning).
# scope: package
# custom:
#   id: CHARTER-012
#   severity: error
#   kinds: [charter]
#   source: >-
#     PMBOK3/PMBOK6 §4.1.3.1 (assigned PM, responsibility and authority level);
#     seed 002 §3.2
#   remediation: >-
#     Name the PM and state the authority delegated (staffing, spending limit,
#     decisions that must be escalated).
package tollgate.rules.core.charter_012

import data.tollgate.lib
import rego.v1

pm := object.get(input, ["charter", "project_manager"], {})

loc := lib.loc_or_doc(object.get(pm, "loc", {}))

fail contains f if {
	lib.blank(object.get(pm, "name", null))
	f := lib.missing({"msg": "the charter does not name the project manager", "loc": loc}, "charter.project_manager")
}

fail contains f if {
	not lib.blank(object.get(pm, "name", null))
	lib.blank(object.get(pm, "authority", null))
	f := {
		"msg": sprintf("the charter names %s as project manager but does not state their authority", [pm.name]),
		"loc": loc,
		"severity": "warning",
	}
}
