# METADATA
# title: Document carries a version
# description: The document states a version identifier (cover, properties, front matter or its revision history).
# scope: package
# custom:
#   id: GEN-002
#   severity: warning
#   kinds: ["*"]
#   source: >-
#     M3 template covers carry "Version 1.0"; seed 002 §5 Revision History
#   remediation: >-
#     Put a version identifier on the cover/front matter and keep it in step
#     with the revision history.
package tollgate.rules.core.gen_002

import data.tollgate.lib
import rego.v1

fail contains f if {
	input.kind != "generic"
	lib.blank(object.get(input, ["metadata", "version"], null))
	f := {"msg": "the document states no version", "loc": {}}
}
