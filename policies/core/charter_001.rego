# METADATA
# title: Charter states its purpose
# description: >-
#   The charter has a purpose / business-need section of at least
#   thresholds.charter.purpose_min_words words (20 by default).
# scope: package
# custom:
#   id: CHARTER-001
#   severity: error
#   kinds: [charter]
#   source: >-
#     PMBOK6/PMBOK3 §4.1.3.1 (purpose/justification, business need); OSI BPWeb
#     charter description; M3 KT 1.2 best practice (state the "why" of the change)
#   remediation: >-
#     Add a purpose/business-need section explaining the problem and why the
#     program exists.
package tollgate.rules.core.charter_001

import data.tollgate.lib
import rego.v1

default min_words := 20

min_words := data.tollgate.thresholds.charter.purpose_min_words

purpose := object.get(input, ["charter", "purpose"], "")

loc := lib.loc_or_doc(object.get(input, ["charter", "purpose_loc"], {}))

fail contains f if {
	lib.blank(purpose)
	f := {
		"msg": "the charter has no purpose or business-need statement",
		"loc": loc,
		"metrics": {"value": 0, "threshold": min_words},
	}
}

fail contains f if {
	not lib.blank(purpose)
	n := lib.words(purpose)
	n < min_words
	f := {
		"msg": sprintf("the purpose statement has %d words; at least %d are expected to explain the problem and why the program exists", [n, min_words]),
		"loc": loc,
		"metrics": {"value": n, "threshold": min_words},
	}
}
