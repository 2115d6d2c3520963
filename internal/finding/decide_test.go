package finding

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
)

func sample() *Result {
	return &Result{
		Documents: []Document{{Path: "b.docx", Status: DocOK}, {Path: "a.xlsx", Status: DocUnreadable}},
		Findings: []Finding{
			{Rule: "PMP-006", Severity: Error, Status: Fail, Path: "b.docx", Message: "no procurement plan"},
			{Rule: "GEN-002", Severity: Warning, Status: Fail, Path: "b.docx", Message: "no version"},
			{Rule: "CHARTER-003", Severity: Info, Status: NotAssessable, Path: "b.docx", Message: "n/a"},
			{Rule: "TG-READ-001", Severity: Error, Status: Fail, Path: "a.xlsx", Message: "corrupt", Location: document.Loc{Path: "a.xlsx"}},
		},
		Checks: []Check{
			{Rule: "PMP-006", Path: "b.docx", Status: Fail},
			{Rule: "GEN-002", Path: "b.docx", Status: Fail},
			{Rule: "GEN-001", Path: "b.docx", Status: Pass},
		},
		Rules: []Rule{{ID: "PMP-006"}, {ID: "GEN-001"}, {ID: "GEN-002"}},
	}
}

func TestDecideVerdictByFailOn(t *testing.T) {
	for failOn, want := range map[string]string{"error": "fail", "never": "pass"} {
		r := sample()
		Decide(r, nil, "2026-11-22", failOn)
		if r.Summary.Verdict != want {
			t.Errorf("fail_on %s: verdict %s, want %s", failOn, r.Summary.Verdict, want)
		}
	}
	r := sample()
	Decide(r, nil, "2026-11-22", "error")
	s := r.Summary
	if s.Documents != 2 || s.Unreadable != 1 || s.Errors != 2 || s.Warnings != 1 || s.NotAssessable != 1 || s.PassedChecks != 1 {
		t.Errorf("summary = %+v", s)
	}
	if r.Documents[0].Path != "a.xlsx" || r.Findings[0].Path != "a.xlsx" {
		t.Errorf("not sorted by path: %v / %v", r.Documents[0].Path, r.Findings[0].Path)
	}
	if r.Rules[2].ID != "PMP-006" || r.Rules[2].Failed != 1 || r.Rules[0].Passed != 1 {
		t.Errorf("tallies = %+v", r.Rules)
	}
}

func TestDecideWaivers(t *testing.T) {
	r := sample()
	// Only warnings would remain once PMP-006 is waived; the unreadable file still fails.
	Decide(r, []WaiverRule{
		{Rule: "PMP-006", Path: "*.docx", Reason: "No procurement", ApprovedBy: "QA", Expires: "2027-03-31"},
		{Rule: "GEN-004", Path: "b.docx", Reason: "x", ApprovedBy: "QA"},
		{Rule: "GEN-002", Path: "b.docx", Reason: "x", ApprovedBy: "QA", Expires: "2026-01-01"},
	}, "2026-11-22", "error")
	byRule := map[string]Finding{}
	for _, f := range r.Findings {
		byRule[f.Rule] = f
	}
	if f := byRule["PMP-006"]; f.Status != Waived || f.Waiver == nil || f.Waiver.ApprovedBy != "QA" {
		t.Errorf("PMP-006 = %+v", f)
	}
	if _, ok := byRule["TG-WAIVER-002"]; !ok {
		t.Error("unused waiver not reported")
	}
	if f, ok := byRule["TG-WAIVER-001"]; !ok || f.Path != "b.docx" {
		t.Errorf("expired waiver not reported: %+v", f)
	}
	if byRule["GEN-002"].Status != Fail {
		t.Error("an expired waiver must not waive")
	}
	states := map[string]string{}
	for _, w := range r.Waivers {
		states[w.Rule] = w.State
	}
	if states["PMP-006"] != "active" || states["GEN-004"] != "unused" || states["GEN-002"] != "expired" {
		t.Errorf("waiver states = %v", states)
	}
	for _, c := range r.Checks {
		if c.Rule == "PMP-006" && c.Status != Waived {
			t.Errorf("PMP-006 check = %s, want waived", c.Status)
		}
	}
	if r.Summary.Waived != 1 {
		t.Errorf("waived = %d", r.Summary.Waived)
	}
}

func TestFingerprintStable(t *testing.T) {
	a := Fingerprint("R", "p", "loc", "m")
	if a != Fingerprint("R", "p", "loc", "m") || a == Fingerprint("R", "p", "loc2", "m") || len(a) != 16 {
		t.Errorf("fingerprint %q not stable or not distinct", a)
	}
}
