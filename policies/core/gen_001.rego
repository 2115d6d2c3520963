# METADATA
# title: No unfilled template placeholders
# description: >-
#   The document holds no template residue: <<…>> and <Enter …> prompts,
#   [Program Name]-style bracket prompts, "Month, Day, Year", xx/xx dates or
#   FYXX. Residue is an error, a warning while the document is a draft;
#   a bare TBD/TBA is a warning; a blank signature line is reported for review.
# scope: package
# custom:
#   id: GEN-001
#   severity: error
#   kinds: ["*"]
#   source: >-
#     All M3 templates use <<…>>/[…] prompts (e.g. RMP cover, CR form, LL form);
#     seed 002's own header still reads "Effective Date: Month, Day, Year"
#   remediation: >-
#     Replace each prompt with project content or delete it, including the
#     template's own instruction paragraphs (<<This document should be …>>).
package tollgate.rules.core.gen_001

import data.tollgate.lib
import rego.v1

placeholders := object.get(input, ["metadata", "placeholders"], null)

draft if input.metadata.status == "draft"

fail contains f if {
	some p in placeholders
	p.pattern in lib.residue_patterns
	not lib.tbd_only(p.text)
	f := {
		"msg": sprintf("template placeholder left in the document: %q", [p.text]),
		"loc": lib.loc_or_doc(object.get(p, "loc", {})),
		"severity": residue_severity,
	}
}

fail contains f if {
	some p in placeholders
	tbd(p)
	f := {
		"msg": sprintf("%q marks content still to be determined", [trim_space(p.text)]),
		"loc": lib.loc_or_doc(object.get(p, "loc", {})),
		"severity": "warning",
	}
}

# A blank signature line is evidence for the reviewer (GEN-004 judges the
# approval itself), so it is reported at info.
fail contains f if {
	some p in placeholders
	p.pattern == "signature_line"
	f := {
		"msg": "blank signature line: nobody has signed here",
		"loc": lib.loc_or_doc(object.get(p, "loc", {})),
		"severity": "info",
	}
}

tbd(p) if p.pattern == "tbd"

tbd(p) if {
	p.pattern in lib.residue_patterns
	lib.tbd_only(p.text)
}

residue_severity := "warning" if draft

default residue_severity := "error"

not_assessable contains r if {
	lib.absent(input, "metadata.placeholders", placeholders)
	r := {"msg": "the document's text could not be scanned for placeholders", "missing": ["metadata.placeholders"]}
}
