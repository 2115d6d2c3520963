# METADATA
# title: Status report shows spend once the provider is engaged
# description: >-
#   From M3 phase 3 (provider engaged) on, the report states expenditure to date against budget.
# scope: package
# custom:
#   id: STATUS-006
#   severity: info
#   kinds: [status_report]
#   source: >-
#     seed 000 best practice (regular provider reporting on expenditure to date); seed 002 activity 8 (performance reporting)
#   remediation: >-
#     Add spend-to-date against budget.
package tollgate.rules.core.status_006

import data.tollgate.lib
import rego.v1

sr := object.get(input, "status_report", {})

phase := data.tollgate.project.phase

windows := data.tollgate.project.phase_windows

default windows := []

# The provider is engaged from M3 phase 3: the configured phase, or a
# phase window of phase 3 or later that has begun by the as-of date.
engaged if phase >= 3

engaged if {
	some w in windows
	w.phase >= 3
	lib.day(w.start) <= lib.as_of
}

phase_known if is_number(phase)

phase_known if count(windows) > 0

spend_missing if {
	lib.found(input, "status_report.spend")
	not is_number(object.get(sr, ["spend", "to_date"], null))
}

fail contains f if {
	spend_missing
	engaged
	f := {"msg": "the provider is engaged (M3 phase 3 or later) but the report states no spend to date", "loc": {}}
}

not_assessable contains r if {
	spend_missing
	not phase_known
	r := {"msg": "the report states no spend, and whether the provider is engaged (M3 phase 3 or later) is unknown", "missing": ["project.phase (or project.phase_windows) in .tollgate.yaml"]}
}

not_assessable contains r if {
	not lib.found(input, "status_report.spend")
	r := {"msg": "the report's spend could not be read", "missing": ["status_report.spend"]}
}
