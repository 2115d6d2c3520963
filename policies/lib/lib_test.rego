package tollgate.lib_test

import data.tollgate.lib
import rego.v1

test_words if {
	lib.words("  If the vendor slips,\tthen cutover moves ") == 7
	lib.words("") == 0
	lib.words(null) == 0
	lib.words(12) == 0
}

test_absent_only_when_not_found_and_missing if {
	lib.absent({"fields_found": []}, "x.rows", null)
	lib.absent({"fields_found": []}, "x.rows", [])
	not lib.absent({"fields_found": ["x.rows"]}, "x.rows", [])
	not lib.absent({"fields_found": []}, "x.rows", object.get({"rows": [{"id": 1}]}, "rows", null))
}

# A signature or a date is enough for signed_or_dated.
test_signed_or_dated if {
	lib.signed_or_dated({"signed": true, "date": null})
	lib.signed_or_dated({"signed": false, "date": "2024-04-30"})
	not lib.signed_or_dated({"signed": false, "date": "April"})
}

doc := {"kind": "charter", "metadata": {"approvals": [
	{"role": "sponsor", "decision": "approved", "date": "2024-04-30"},
	{"role": "cio", "decision": null, "signed": true, "date": "2024-05-02"},
	{"role": "pm", "decision": "accepted", "date": "2024-05-10T09:00:00Z"},
	{"role": "cfo", "decision": "not_accepted", "date": "2024-05-20"},
	{"role": "pmo", "decision": "approved", "date": null},
]}}

# Without configured approvers the latest accepting, dated approval counts;
# with them, the latest of theirs once every one has approved.
test_approved_on if {
	lib.approved_on(doc) == "2024-05-10" with data.tollgate.project as {}
	lib.approved_on(doc) == "2024-05-02" with data.tollgate.project as {"approvers": {"charter": ["sponsor", "cio"]}}
	lib.approved_on(doc) == "2024-05-10" with data.tollgate.project as {"approvers": {"pmp": ["cfo"]}}
	not lib.approved_on(doc) with data.tollgate.project as {"approvers": {"charter": ["sponsor", "cfo"]}}
	not lib.approved_on({"kind": "charter", "metadata": {"approvals": [doc.metadata.approvals[3]]}}) with data.tollgate.project as {}
}

test_activity_name if {
	lib.activity_name({"id": "1.2", "name": "Plan"}) == "1.2 Plan"
	lib.activity_name({"name": "Plan"}) == "Plan"
	lib.activity_name({"id": "1.2", "name": ""}) == "1.2"
	lib.activity_name({"name": ""}) == "(unnamed activity)"
	lib.activity_name({"id": "", "name": " "}) == "(unnamed activity)"
	lib.activity_name({"id": null, "name": null}) == "(unnamed activity)"
}
