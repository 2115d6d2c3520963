package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// The RISK rules on the GSA M3 RAID log template filled with the Harbor
// program's risks: the filled log raises no RISK finding; one defect seeded
// into it makes exactly that rule fire, at the risk's row.
func TestRAIDSeededDefects(t *testing.T) {
	t.Parallel()
	const raid = "RAID-Log.xlsx"
	write := func(t *testing.T) string {
		dir := t.TempDir()
		if err := harbor.WriteRAID(testdocs.CorpusDir(), filepath.Join(dir, raid)); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	base := map[string]bool{}
	for _, f := range failing(runDir(t, write(t))) {
		base[key(f)] = true
		if len(f.Rule) > 4 && f.Rule[:4] == "RISK" {
			t.Errorf("the filled RAID log raises %s: %s", f.Rule, f.Message)
		}
	}
	cell := func(c string, v any) testdocs.CellChange {
		return testdocs.CellChange{Sheet: "Risk Log", Cell: c, Value: v}
	}
	for _, fx := range []struct {
		rule   string
		change testdocs.CellChange
		row    int
	}{
		// The Created On header is gone (a warning: the required columns
		// are still there); RISK-001 reports it at the header row.
		{"RISK-001", cell("K2", ""), 2},
		{"RISK-002", cell("A4", "R-001"), 4},
		{"RISK-003", cell("M3", ""), 3},
		{"RISK-004", cell("N4", ""), 4},
		{"RISK-005", cell("C4", "The two mainframe programmers may leave."), 4},
		{"RISK-006", cell("D3", ""), 3},
		{"RISK-007", cell("R3", ""), 3},
		{"RISK-008", cell("T5", ""), 5},
		// R-001 (created September 15) loses its dated status note.
		{"RISK-009", cell("G3", ""), 3},
		{"RISK-010", cell("Q5", "November 4, 2026"), 5},
	} {
		parent := t
		t.Run(fx.rule, func(t *testing.T) {
			dir := write(t)
			editXlsx(raid, fx.change)(t, dir)
			onlyRuleAt(t, newFindings(failing(runDir(t, dir)), base), fx.rule, "", document.Loc{Sheet: "Risk Log", Row: fx.row})
			fixturePassed(t, fx.rule, parent)
		})
	}
}
