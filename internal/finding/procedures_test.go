package finding

import (
	"slices"
	"testing"
)

func TestEvaluateProcedures(t *testing.T) {
	r := &Result{
		Rules: []Rule{{ID: "PMP-012", Pack: "core"}, {ID: "XDOC-001", Pack: "xdoc"}, {ID: "GEN-003", Pack: "core"},
			{ID: "SCHED-008", Pack: "schedule"}, {ID: "XDOC-009", Pack: "xdoc"}, {ID: "M3-GATE-01", Pack: "m3"}},
		Findings: []Finding{
			{Rule: "XDOC-001", Path: "IMS.xlsx", Severity: Error, Status: Fail, Message: "early"},
			{Rule: "GEN-003", Path: "C.docx", Severity: Warning, Status: Fail, Message: "no history"},
			{Rule: "SCHED-008", Path: "IMS.xlsx", Severity: Info, Status: NotAssessable, Message: "no status date"},
			{Rule: "M3-GATE-01", Severity: Error, Status: Fail, Scope: "phase 1 exit: B", Message: "no B"},
		},
		Checks: []Check{
			{Rule: "PMP-012", Path: "PMP.docx", Status: Pass},
			{Rule: "XDOC-001", Path: "IMS.xlsx", Status: Fail},
			{Rule: "GEN-003", Path: "C.docx", Status: Fail},
			{Rule: "SCHED-008", Path: "IMS.xlsx", Status: NotAssessable},
			{Rule: "M3-GATE-01", Scope: "phase 1 exit: A", Status: Pass},
			{Rule: "M3-GATE-01", Scope: "phase 1 exit: B", Status: Fail},
		},
	}
	// The waiver turns GEN-003's finding and check into waived.
	Decide(r, []WaiverRule{{Rule: "GEN-003", Path: "C.docx", Reason: "r", ApprovedBy: "QA"}}, "2026-11-16", "error")
	procs := []Procedure{
		{ID: "fail", Rules: []ProcedureRule{{ID: "PMP-012"}, {ID: "XDOC-001"}}},
		{ID: "pass", Rules: []ProcedureRule{{ID: "PMP-012"}}},
		{ID: "waived", Rules: []ProcedureRule{{ID: "GEN-003"}, {ID: "PMP-012"}}},
		{ID: "assess", Rules: []ProcedureRule{{ID: "SCHED-008"}, {ID: "PMP-012"}}},
		{ID: "unloaded", Rules: []ProcedureRule{{ID: "PMP-012"}, {ID: "RACI-008"}}},
		{ID: "nothing-judged", Rules: []ProcedureRule{{ID: "XDOC-009"}}},
		{ID: "pack-off", Pack: "qasp", Rules: []ProcedureRule{{ID: "PMP-012"}}},
		{ID: "scope-a", Pack: "m3", Rules: []ProcedureRule{{ID: "M3-GATE-01", Scope: "phase 1 exit: A"}}},
		{ID: "scope-b", Pack: "m3", Rules: []ProcedureRule{{ID: "M3-GATE-01", Scope: "phase 1 exit: B"}}},
		{ID: "scope-c", Pack: "m3", Rules: []ProcedureRule{{ID: "M3-GATE-01", Scope: "phase 2 exit: C"}}},
	}
	want := map[string]string{
		"fail": NotSatisfied, "pass": Satisfied, "waived": ProcWaived, "assess": NotEvaluated,
		"unloaded": NotEvaluated, "nothing-judged": ProcNotAppl, "pack-off": ProcNotAppl,
		"scope-a": Satisfied, "scope-b": NotSatisfied, "scope-c": ProcNotAppl,
	}
	got := EvaluateProcedures(r, procs)
	if len(got) != len(procs) {
		t.Fatalf("%d results for %d procedures", len(got), len(procs))
	}
	for _, p := range got {
		if p.Verdict != want[p.ID] {
			t.Errorf("%s: verdict %s, want %s (%+v)", p.ID, p.Verdict, want[p.ID], p.Rules)
		}
	}
	// Evidence names the findings by ID, and the statuses per rule.
	fail := got[0]
	if fail.Rules[0].Status != "pass" || fail.Rules[1].Status != "fail" || len(fail.Rules[1].Findings) != 1 {
		t.Errorf("evidence = %+v", fail.Rules)
	}
	var x1 string
	for _, f := range r.Findings {
		if f.Rule == "XDOC-001" {
			x1 = f.ID
		}
	}
	if !slices.Equal(fail.Rules[1].Findings, []string{x1}) {
		t.Errorf("XDOC-001 evidence %v, want [%s]", fail.Rules[1].Findings, x1)
	}
	if s := got[4].Rules[1].Status; s != RuleNotLoaded {
		t.Errorf("unloaded rule status %q", s)
	}
	if s := got[2].Rules[0].Status; s != "waived" {
		t.Errorf("waived rule status %q", s)
	}
}
