# METADATA
# title: Status report risks are the RAID log's open top risks
# description: >-
#   Every risk a status report lists is an open risk (or issue) of the RAID
#   log — the one its register ID names, else the one its text describes —
#   and the latest status report lists the RAID log's top open risks by
#   score (the configured number, 5 by default).
# scope: package
# custom:
#   id: XDOC-006
#   severity: warning
#   kinds: [project]
#   source: >-
#     M3 Guidance Status Reports (report high-impact risks); M3 tollgate 3
#     "Top Risks" slide (top 5–10 risks)
#   remediation: >-
#     Report the register's top risks; close or re-open register entries to
#     match reality.
package tollgate.rules.xdoc.xdoc_006

import data.tollgate.lib
import data.tollgate.lib.status
import rego.v1

top_n := object.get(data.tollgate.thresholds, ["xdoc", "status_top_risks"], 5)

min_similarity := object.get(data.tollgate.thresholds, ["xdoc", "status_risk_similarity"], 0.5)

reports := object.get(input, ["by_kind", "status_report"], [])

registers := object.get(input, ["by_kind", "risk_register"], [])

# entries are the register's risks and issues.
entries := [x |
	some reg in registers
	some list in ["risks", "issues"]
	some x in object.get(reg, ["risk_register", list], [])
	is_object(x)
]

risks := [x |
	some reg in registers
	some x in object.get(reg, ["risk_register", "risks"], [])
	is_object(x)
]

open(x) if x.status in {"open", "deferred"}

# Registers whose status column could not be read leave "unknown": not
# judged closed.
not_closed(x) if not x.status in {"closed", "cancelled"}

norm(s) := lower(trim_space(s)) if is_string(s)

stop := {"a", "an", "and", "the", "of", "on", "to", "for", "in", "by", "if", "then", "is", "be", "are", "not"}

tokens(s) := {w |
	some w in regex.split(`[^a-z0-9]+`, lower(s))
	count(w) > 1
	not w in stop
} if is_string(s)

else := set()

# share(a, b): the part of the register text's words the report text has.
share(reg_text, text) := count(tokens(reg_text) & tokens(text)) / count(tokens(reg_text)) if count(tokens(reg_text)) > 0

else := 0

reg_texts(x) := [t | some k in ["title", "description"]; t := object.get(x, k, ""); is_string(t); t != ""]

by_id(r) := [x |
	not lib.blank(object.get(r, "register_id", null))
	some x in entries
	norm(x.id) == norm(r.register_id)
]

by_text(r) := [x |
	some x in entries
	some t in reg_texts(x)
	share(t, r.text) >= min_similarity
]

# matches(r): the register entries a reported risk stands for.
matches(r) := by_id(r) if count(by_id(r)) > 0

else := by_text(r)

score(x) := x.score if is_number(x.score)

else := x.probability.score * x.impact.score if {
	is_number(x.probability.score)
	is_number(x.impact.score)
}

label(x) := sprintf("%s %q", [x.id, x.title]) if {
	not lib.blank(object.get(x, "id", null))
	not lib.blank(object.get(x, "title", null))
} else := sprintf("%q", [x.title]) if not lib.blank(object.get(x, "title", null))

else := x.id

risks_of(doc) := [r | some r in object.get(status.sr(doc), "risks", []); is_object(r)]

as_of(doc) := lib.day(object.get(status.sr(doc), "as_of_date", null))

latest_date := max({d | some doc in reports; d := as_of(doc)})

# The latest report: the one with the latest as-of date, or the only one.
latest contains doc if {
	some doc in reports
	as_of(doc) == latest_date
}

latest contains doc if {
	count(reports) == 1
	some doc in reports
}

open_scored := [x | some x in risks; open(x); score(x)]

# ident(x) tells register entries apart (IDs may repeat: RISK-002's finding).
ident(x) := [object.get(x, "id", ""), object.get(x, "loc", {})]

reported(doc) := {ident(x) | some r in risks_of(doc); some x in matches(r)}

# top(x): fewer than top_n open risks score higher than x.
top(x) if count([y | some y in open_scored; score(y) > score(x)]) < top_n

checked contains doc.source.path if {
	count(registers) > 0
	some doc in reports
}

fail contains f if {
	count(entries) > 0
	some doc in reports
	some r in risks_of(doc)
	count(matches(r)) == 0
	f := {"msg": sprintf("reported risk %q is not in the RAID log", [r.text]), "loc": lib.loc_or_doc(object.get(r, "loc", {})), "path": doc.source.path}
}

fail contains f if {
	some doc in reports
	some r in risks_of(doc)
	ms := matches(r)
	count(ms) > 0
	every x in ms {
		not not_closed(x)
	}
	f := {
		"msg": sprintf("reported risk %q is no longer open in the RAID log (%s)", [r.text, concat(", ", [sprintf("%s: %s", [label(x), x.status]) | some x in ms])]),
		"loc": lib.loc_or_doc(object.get(r, "loc", {})), "path": doc.source.path,
		"related": [lib.loc_or_doc(object.get(x, "loc", {})) | some x in ms],
	}
}

# A top risk the latest report leaves out, unless the report already lists
# top_n register risks scored at least as high (ties at the cut).
fail contains f if {
	some doc in latest
	some x in open_scored
	top(x)
	not ident(x) in reported(doc)
	count([y | some y in open_scored; ident(y) in reported(doc); score(y) >= score(x)]) < top_n
	f := {
		"msg": sprintf("open risk %s (score %v) is among the RAID log's top %d but the latest status report (as of %s) does not list it", [label(x), score(x), top_n, as_of_text(doc)]),
		"loc": {}, "path": doc.source.path,
		"related": [lib.loc_or_doc(object.get(x, "loc", {}))],
	}
}

as_of_text(doc) := d if d := as_of(doc)

else := "no date"

not_assessable contains r if {
	count(registers) == 0
	some doc in reports
	r := {"msg": "the submission holds no RAID log to compare the status report's risks with", "missing": ["risk_register.risks"], "path": doc.source.path}
}

# Several reports and none dated: which is the latest cannot be told.
not_assessable contains r if {
	count(registers) > 0
	count(reports) > 1
	count(latest) == 0
	some doc in reports
	r := {"msg": "the status reports carry no as-of date: the latest one, which must list the top risks, cannot be told", "missing": ["status_report.as_of_date"], "path": doc.source.path}
}
