# METADATA
# title: The report captures lessons and owned follow-up actions
# description: >-
#   At least one knowledge area records what to start, stop or continue;
#   the report makes recommendations, each with an implementation plan and
#   an owner.
# scope: package
# custom:
#   id: LL-002
#   severity: error
#   kinds: [lessons_learned]
#   source: >-
#     M3 LL template (knowledge-area grid); M3 Guidance Lessons Learned Report
#     (successes, challenges, recommendations, plan to implement them,
#     follow-up actions from the tollgate); seed 002 activity 12
#   remediation: >-
#     Capture at least the main successes and challenges and turn
#     recommendations into owned actions.
package tollgate.rules.core.ll_002

import data.tollgate.lib
import rego.v1

ll := object.get(input, "lessons_learned", {})

lessons := [l | some l in object.get(ll, "lessons", []); is_object(l)]

recs := [r | some r in object.get(ll, "recommendations", []); is_object(r)]

not_assessable contains r if {
	lib.absent(input, "lessons_learned.lessons", object.get(ll, "lessons", null))
	r := {"msg": "no Knowledge Area | Start | Stop | Continue grid could be read", "missing": ["lessons_learned.lessons"]}
}

captured(l) if {
	some k in ["start", "stop", "continue"]
	not lib.blank(object.get(l, k, null))
}

fail contains f if {
	lib.found(input, "lessons_learned.lessons")
	not any_captured
	f := {"msg": "no knowledge area records anything to start, stop or continue", "loc": grid_loc}
}

any_captured if {
	some l in lessons
	captured(l)
}

# The grid's table, for a finding about the grid as a whole.
grid_loc := {k: v | some k, v in lessons[0].loc; k in {"path", "section", "table", "sheet"}} if {
	count(lessons) > 0
} else := {}

fail contains f if {
	count(recs) == 0
	f := {"msg": "the report makes no recommendations or follow-up actions", "loc": {}, "severity": "warning"}
}

fail contains f if {
	some r in recs
	missing := [w | some k, w in {"implementation_plan": "implementation plan", "owner": "owner"}; lib.blank(object.get(r, k, null))]
	count(missing) > 0
	f := {
		"msg": sprintf("recommendation %q has no %s", [short(r.text), concat(" or ", sort(missing))]),
		"loc": lib.loc_or_doc(object.get(r, "loc", {})),
		"severity": "warning",
	}
}

short(s) := sprintf("%s…", [substring(s, 0, 60)]) if {
	count(s) > 64
} else := s
