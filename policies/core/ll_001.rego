# METADATA
# title: The lessons-learned report completes its project overview
# description: >-
#   The report's project overview block gives the date, project name,
#   customer and provider points of contact, who submitted it and a project
#   description.
# scope: package
# custom:
#   id: LL-001
#   severity: warning
#   kinds: [lessons_learned]
#   source: >-
#     M3 Lessons Learned Report template (project overview block)
#   remediation: >-
#     Complete the header block.
package tollgate.rules.core.ll_001

import data.tollgate.lib
import rego.v1

ll := object.get(input, "lessons_learned", {})

# overview field -> [value key, words]
overview := {
	"date": ["date_raw", "date"],
	"project_name": ["project_name", "project name"],
	"customer_contact": ["customer_contact", "customer agency and point of contact"],
	"provider_contact": ["provider_contact", "provider agency and point of contact"],
	"submitted_by": ["submitted_by", "submitter"],
	"description": ["description", "project description"],
}

not_assessable contains r if {
	missing := sort([sprintf("lessons_learned.%s", [k]) | some k, _ in overview; not lib.found(input, sprintf("lessons_learned.%s", [k]))])
	count(missing) > 0
	r := {"msg": "the report has no project overview field for these", "missing": missing}
}

fail contains f if {
	some k, spec in overview
	lib.found(input, sprintf("lessons_learned.%s", [k]))
	lib.blank(object.get(ll, spec[0], null))
	f := {"msg": sprintf("the project overview gives no %s", [spec[1]]), "loc": lib.loc_or_doc(object.get(ll, ["locs", k], {}))}
}
