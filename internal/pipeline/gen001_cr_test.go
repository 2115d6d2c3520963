package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// GEN-001 on the real GSA M3 Change Request Form: left unfilled, every
// field of its request, impact and board tables reports its prompt —
// including the choice lists "<New Requirement, Change to Existing
// Requirement, Defect>", "<Low, Med, High>" and "<Approved, Rejected, More
// information>" — as an error at the value cell; filled with Harbor's
// CR-2026-014 it reports none.
func TestGEN001OnTheGSAChangeRequestForm(t *testing.T) {
	t.Parallel()
	project := map[string]any{"as_of": "2026-11-16"}
	run := func(dir string) map[[2]int]finding.Finding {
		out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{dir}, Jobs: 1, Limits: limits.Default()})
		if err != nil {
			t.Fatal(err)
		}
		cells := map[[2]int]finding.Finding{}
		for _, f := range out.Findings {
			if f.Rule == "GEN-001" && f.Status == finding.Fail && f.Severity != finding.Info && f.Location.Table > 0 {
				cells[[2]int{f.Location.Table, f.Location.Row}] = f
			}
		}
		return cells
	}

	unfilled := t.TempDir()
	b, err := os.ReadFile(filepath.Join(testdocs.CorpusDir(), "gsa", "M3-Playbook-Change-Request-Form-Template.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(unfilled, "cr.docx"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	got := run(unfilled)
	// table 3: CR #, Type of Change, Associated RTM #, Priority, Description,
	// Reason, Application Impact, Assumptions; table 4: the five impact
	// rows; table 5: Board Decision, Approver, Decision Date, Explanation.
	for table, rows := range map[int]int{3: 8, 4: 5, 5: 4} {
		for row := 1; row <= rows; row++ {
			f, ok := got[[2]int{table, row}]
			if !ok {
				t.Errorf("no GEN-001 at table %d row %d", table, row)
				continue
			}
			if f.Severity != finding.Error || f.Location.Column != 2 {
				t.Errorf("table %d row %d: %s at %s, want error at column 2", table, row, f.Severity, f.Location)
			}
		}
	}
	for _, c := range []struct {
		table, row int
		prompt     string
	}{{3, 2, "<New Requirement, Change to Existing Requirement, Defect>"}, {3, 4, "<Low, Med, High>"}, {5, 1, "<Approved, Rejected, More information>"}} {
		if f := got[[2]int{c.table, c.row}]; f.Message != "template placeholder left in the document: \""+c.prompt+"\"" {
			t.Errorf("table %d row %d: %q, want the prompt %s", c.table, c.row, f.Message, c.prompt)
		}
	}

	filled := t.TempDir()
	if err := harbor.WriteChangeRequest(testdocs.CorpusDir(), filepath.Join(filled, "cr.docx"), harbor.CRFields()); err != nil {
		t.Fatal(err)
	}
	for _, f := range run(filled) {
		t.Errorf("filled form: GEN-001 %s at %s: %s", f.Severity, f.Location, f.Message)
	}

	// A prompt whose brackets an editor turned into guillemets is residue
	// too: seeded into the filled form's Decision Explanation.
	fields := harbor.CRFields()
	fields["Decision Explanation"] = "<‹Enter explanation from the board if necessary>>"
	seeded := t.TempDir()
	if err := harbor.WriteChangeRequest(testdocs.CorpusDir(), filepath.Join(seeded, "cr.docx"), fields); err != nil {
		t.Fatal(err)
	}
	got = run(seeded)
	if f, ok := got[[2]int{5, 4}]; !ok || f.Severity != finding.Error || len(got) != 1 {
		t.Errorf("seeded <‹…>> prompt: GEN-001 findings %v, want one error at table 5 row 4", got)
	}
	fixturePassed(t, "GEN-001")
}
