package finding

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
)

func fnd(rule, path, msg string, loc document.Loc) Finding {
	f := Finding{Rule: rule, Path: path, Message: msg, Location: loc, Severity: Error, Status: Fail}
	f.ID = Fingerprint(rule, path, loc.String(), msg)
	return f
}

// TestMarkBaselineSurvivesUnrelatedEdits: rows inserted above a defect,
// or a number in its message moving, keep it existing; a second defect of
// the same rule is new; so is the same message in another document.
func TestMarkBaselineSurvivesUnrelatedEdits(t *testing.T) {
	prev := []Finding{
		fnd("RACI-001", "RACI.xlsx", `activity "4.12" has 2 Accountable roles`, document.Loc{Sheet: "RACI", Cell: "B9"}),
		fnd("SCHED-008", "IMS.xlsx", "the status date 2026-11-13 is 9 days old", document.Loc{}),
		fnd("XDOC-001", "IMS.xlsx", `task "50 Develop" started on 2026-08-17`, document.Loc{Sheet: "Schedule", Row: 51}),
	}
	r := &Result{Findings: []Finding{
		// two rows inserted above: same message, new cell
		fnd("RACI-001", "RACI.xlsx", `activity "4.12" has 2 Accountable roles`, document.Loc{Sheet: "RACI", Cell: "B11"}),
		// a new defect of the same rule
		fnd("RACI-001", "RACI.xlsx", `activity "4.13" has 3 Accountable roles`, document.Loc{Sheet: "RACI", Cell: "B12"}),
		// the status date moved: same place, new numbers
		fnd("SCHED-008", "IMS.xlsx", "the status date 2026-11-20 is 12 days old", document.Loc{}),
		// rows inserted and the date changed
		fnd("XDOC-001", "IMS.xlsx", `task "50 Develop" started on 2026-08-18`, document.Loc{Sheet: "Schedule", Row: 53}),
		// the same words in another document
		fnd("RACI-001", "RACI-2.xlsx", `activity "4.12" has 2 Accountable roles`, document.Loc{Sheet: "RACI", Cell: "B9"}),
	}}
	MarkBaseline(r, prev)
	want := []string{BaselineExisting, BaselineNew, BaselineExisting, BaselineExisting, BaselineNew}
	for i, f := range r.Findings {
		if f.Baseline != want[i] {
			t.Errorf("finding %d (%s %s): %s, want %s", i, f.Rule, f.Message, f.Baseline, want[i])
		}
	}
	Reverdict(r, "error", true)
	if r.Summary.Verdict != "fail" || r.Summary.Errors != 5 {
		t.Errorf("summary %+v", r.Summary)
	}
	for i := range r.Findings {
		if r.Findings[i].Baseline == BaselineNew {
			r.Findings[i].Status = Waived
		}
	}
	Reverdict(r, "error", true)
	if r.Summary.Verdict != "pass" {
		t.Errorf("only existing findings fail, verdict %s", r.Summary.Verdict)
	}
}

// TestMarkBaselineMatchesEachOldFindingOnce: two identical new findings
// against one old one: one is existing, one is new.
func TestMarkBaselineMatchesEachOldFindingOnce(t *testing.T) {
	old := fnd("GEN-001", "a.md", "placeholder [TBD]", document.Loc{Line: 3})
	r := &Result{Findings: []Finding{
		fnd("GEN-001", "a.md", "placeholder [TBD]", document.Loc{Line: 3}),
		fnd("GEN-001", "a.md", "placeholder [TBD]", document.Loc{Line: 9}),
	}}
	MarkBaseline(r, []Finding{old})
	if r.Findings[0].Baseline != BaselineExisting || r.Findings[1].Baseline != BaselineNew {
		t.Errorf("got %s, %s", r.Findings[0].Baseline, r.Findings[1].Baseline)
	}
}
