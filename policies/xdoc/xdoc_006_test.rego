package tollgate.rules.xdoc.xdoc_006_test

import data.tollgate.rules.xdoc.xdoc_006
import rego.v1

bundle(docs) := {"artifacts": docs, "by_kind": {k: [d | some d in docs; d.kind == k] | some d0 in docs; k := d0.kind}}

report(path, as_of, risks) := {
	"kind": "status_report", "source": {"path": path},
	"status_report": {"as_of_date": as_of, "activities": [], "milestones": [], "risks": risks},
}

reported(id, text, row) := {"register_id": id, "text": text, "response": "Mitigate", "loc": {"table": 4, "row": row}}

raid(risks) := {"kind": "risk_register", "source": {"path": "RAID.xlsx"}, "risk_register": {"risks": risks, "issues": []}}

risk(id, title, p, i, st, row) := {
	"id": id, "title": title, "description": "", "status": st,
	"probability": {"score": p}, "impact": {"score": i}, "score": p * i, "loc": {"sheet": "Risk Log", "row": row},
}

harbor_raid := raid([
	risk("R-001", "Pay-history conversion", 4, 4, "open", 3),
	risk("R-002", "Mainframe programmer attrition", 3, 3, "open", 4),
	risk("R-003", "Shift-differential configuration", 2, 4, "open", 5),
	risk("R-004", "Legacy print vendor exit", 1, 2, "closed", 6),
])

all_three := [
	reported("R-001", "Pay-history conversion", 2),
	reported("", "Mainframe programmer attrition before go-live", 3),
	reported("R-003", "Shift differentials", 4),
]

test_pass_the_report_lists_the_open_top_risks if {
	b := bundle([report("Status.docx", "2026-11-13", all_three), harbor_raid])
	count(xdoc_006.fail) == 0 with input as b
	count(xdoc_006.not_assessable) == 0 with input as b
	xdoc_006.checked == {"Status.docx"} with input as b
}

test_fail_reported_risk_not_in_the_register if {
	b := bundle([report("Status.docx", "2026-11-13", array.concat(all_three, [reported("R-009", "State tax tables late", 5)])), harbor_raid])
	xdoc_006.fail == {{"msg": "reported risk \"State tax tables late\" is not in the RAID log", "loc": {"table": 4, "row": 5}, "path": "Status.docx"}} with input as b
}

test_fail_reported_risk_closed_in_the_register if {
	b := bundle([report("Status.docx", "2026-11-13", array.concat(all_three, [reported("R-004", "Legacy print vendor exit", 5)])), harbor_raid])
	[f] := [f | some f in xdoc_006.fail] with input as b
	f.msg == "reported risk \"Legacy print vendor exit\" is no longer open in the RAID log (R-004 \"Legacy print vendor exit\": closed)"
	f.related == [{"sheet": "Risk Log", "row": 6}]
}

test_fail_top_risk_missing_from_the_latest_report if {
	b := bundle([
		report("Status-11-06.docx", "2026-11-06", all_three),
		report("Status-11-13.docx", "2026-11-13", [all_three[1], all_three[2]]),
		harbor_raid,
	])
	[f] := [f | some f in xdoc_006.fail] with input as b
	f.msg == "open risk R-001 \"Pay-history conversion\" (score 16) is among the RAID log's top 5 but the latest status report (as of 2026-11-13) does not list it"
	f.path == "Status-11-13.docx"
	f.related == [{"sheet": "Risk Log", "row": 3}]
}

# Only the top N are required: with N = 2 the third risk may be left out,
# and a tie at the cut is met by any N risks scored as high.
test_top_n_is_configurable if {
	b := bundle([report("Status.docx", "2026-11-13", [all_three[0], all_three[1]]), harbor_raid])
	count(xdoc_006.fail) == 1 with input as b
	count(xdoc_006.fail) == 0 with input as b with data.tollgate.thresholds.xdoc.status_top_risks as 2
}

test_not_assessable_without_raid_log if {
	b := bundle([report("Status.docx", "2026-11-13", all_three)])
	count(xdoc_006.fail) == 0 with input as b
	count(xdoc_006.checked) == 0 with input as b
	xdoc_006.not_assessable == {{"msg": "the submission holds no RAID log to compare the status report's risks with", "missing": ["risk_register.risks"], "path": "Status.docx"}} with input as b
}

test_not_assessable_which_report_is_latest if {
	b := bundle([report("A.docx", null, all_three), report("B.docx", null, []), harbor_raid])
	count(xdoc_006.fail) == 0 with input as b
	count(xdoc_006.not_assessable) == 2 with input as b
}
