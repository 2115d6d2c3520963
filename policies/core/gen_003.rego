# METADATA
# title: Document keeps a revision history
# description: >-
#   The document has a revision history whose entries each give a date, an
#   author and a description, in date order, the newest matching the
#   document's version.
# scope: package
# custom:
#   id: GEN-003
#   severity: warning
#   kinds: ["*"]
#   source: >-
#     seed 002 §5 (record every change, minor or major); M3 "Document History"
#     table (Release No., Date, Author, Revision Description)
#   remediation: >-
#     Add one row per release with date, author and what changed; make the
#     newest row match the cover version.
package tollgate.rules.core.gen_003

import data.tollgate.lib
import rego.v1

history := [r | some r in object.get(input, ["metadata", "revision_history"], []); is_object(r)]

judged if input.kind != "generic"

fail contains f if {
	judged
	count(history) == 0
	f := {"msg": "the document has no revision history", "loc": {}}
}

fail contains f if {
	judged
	some r in history
	missing := [field | some field in ["date", "author", "description"]; lib.blank(object.get(r, field, null))]
	count(missing) > 0
	f := {"msg": sprintf("revision %v lacks %s", [object.get(r, "version", "?"), concat(", ", missing)]), "loc": lib.loc_or_doc(object.get(r, "loc", {}))}
}

dated := [r | some r in history; lib.day(object.get(r, "date", null))]

fail contains f if {
	judged
	some i in numbers.range(1, count(dated) - 1)
	lib.day(dated[i].date) < lib.day(dated[i - 1].date)
	f := {"msg": sprintf("revision %v (%s) is dated before the revision above it (%s)", [object.get(dated[i], "version", "?"), dated[i].date, dated[i - 1].date]), "loc": lib.loc_or_doc(object.get(dated[i], "loc", {}))}
}

fail contains f if {
	judged
	count(dated) > 0

	# Several revisions on the newest date: the last row is the newest.
	same_day := [r | some r in dated; lib.day(r.date) == max({lib.day(x.date) | some x in dated})]
	newest := same_day[count(same_day) - 1]
	version := object.get(input, ["metadata", "version"], "")
	not lib.blank(version)
	not lib.blank(object.get(newest, "version", null))
	newest.version != version
	f := {"msg": sprintf("the newest revision is %v but the document says version %v", [newest.version, version]), "loc": lib.loc_or_doc(object.get(newest, "loc", {}))}
}
