package tollgate.rules.core.status_005_test

import data.tollgate.rules.core.status_005
import rego.v1

found := ["status_report.risks", "status_report.accomplishments", "status_report.upcoming"]

risk := {"text": "Interface partner slips file format change", "response": "Mitigation: weekly checkpoint with the partner", "loc": {"table": 2, "row": 2}}

doc(sr) := {"kind": "status_report", "fields_found": found, "status_report": object.union({"risks": [risk], "accomplishments": [], "upcoming": []}, sr)}

test_pass if {
	count(status_005.fail) == 0 with input as doc({"accomplishments": [{"text": "Run 2 reconciled", "date": "2026-11-06", "loc": {"paragraph": 9}}]})
}

test_fail_risk_without_response if {
	fs := status_005.fail with input as doc({"risks": [object.union(risk, {"response": ""})]})
	fs == {{"msg": "risk \"Interface partner slips file format change\" has no response or mitigation", "loc": {"table": 2, "row": 2}}}
}

test_fail_no_risks if {
	count(status_005.fail) == 1 with input as doc({"risks": []})
}

test_fail_undated_upcoming if {
	fs := status_005.fail with input as doc({"upcoming": [{"text": "Cutover rehearsal", "date": null, "loc": {"paragraph": 12}}]})
	fs == {{"msg": "upcoming activity \"Cutover rehearsal\" has no date", "loc": {"paragraph": 12}}}
}

test_not_assessable if {
	count(status_005.not_assessable) == 1 with input as {"kind": "status_report", "fields_found": []}
}
