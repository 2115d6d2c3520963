package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
)

// XDOC-005 and XDOC-006 on the Harbor program: the Packt status report
// (writeStatus) re-filled with Harbor's status as of the IMS status date,
// 13 November 2026 — its activity and milestone tables copied from the
// Harbor IMS, its risk log from the Harbor RAID log — submitted with the
// compliant program and the RAID log. Each seeded defect makes exactly
// one of the two rules fire, on the status report.

// harborStatus are the status report's tables after writeStatus (the
// tables it inserts come first): 1 activities, 2 milestones, 3 open
// issues, 4 risk log. Rows are [IMS, name, owner, %, finish, actual,
// status, notes] for activities, [IMS, name, owner, finish, actual,
// status, notes] for milestones, [Id, risk, probability, impact,
// strategy] for risks; the first data row is row 2.
var (
	harborActivities = [][]string{
		{"50", "Develop Operations and Maintenance (O&M) Governance", "Business Owner", "100%", "October 19, 2026", "October 19, 2026", "B", "Approved by the governance board"},
		{"51", "Design Target State Processes", "PMO Lead (Provider)", "50%", "December 8, 2026", "", "G", ""},
		{"52", "Design Target State Organization", "Functional Lead (Provider)", "50%", "December 8, 2026", "", "G", ""},
		{"53", "Conduct Security and Privacy Reviews", "Change Manager (Customer)", "50%", "December 8, 2026", "", "G", ""},
	}
	harborMilestones = [][]string{
		{"46", "Program Management Plan approved", "Program Manager (Customer)", "August 24, 2026", "August 24, 2026", "B", ""},
		{"65", "Mock Conversion 3 complete", "Program Manager (Customer)", "March 26, 2027", "", "P", ""},
		{"66", "Go-live on FPSSC payroll", "Program Manager (Customer)", "June 25, 2027", "", "P", ""},
	}
	harborStatusRisks = [][]string{
		{"R-001", "Pay-history conversion: if legacy pay codes do not map one-to-one to FPSSC pay codes, then Mock Conversion 2 misses its reconciliation target", "Highly likely", "Significant", "Mitigate: code-mapping workshops with FPSSC finish by December 15, 2026"},
		{"R-002", "Mainframe programmer attrition before go-live", "Likely", "Moderate", "Mitigate: retention agreements signed; knowledge transfer tracked in the IMS"},
		{"R-003", "Shift-differential configuration in the FPSSC standard offering", "Low", "Significant", "Mitigate: FPSSC configuration estimate due at the next program review"},
	}
)

// setRows fills table rows from the first data row (row 2) on, adding
// copies of the last data row when the table has fewer rows.
func setRows(rows []string, data [][]string) []string {
	for len(rows) < len(data)+1 {
		rows = append(rows, rows[len(rows)-1])
	}
	rows = rows[:len(data)+1]
	for i, r := range data {
		for c, v := range r {
			rows[i+1] = setCell(rows[i+1], c, v)
		}
	}
	return rows
}

// writeHarborStatus writes the Packt status report with Harbor's status as
// of 13 November 2026, built from the given tables.
func writeHarborStatus(t *testing.T, dir string, activities, milestones, risks [][]string) {
	t.Helper()
	writeStatus(t, dir)
	rewriteBody(t, filepath.Join(dir, statusDoc), func(body string) (string, error) {
		var err error
		for _, p := range [][2]string{
			{"Program Status: November 13, 2026", "Harbor Payroll Modernization Program Status: November 13, 2026"},
			{"Status: Yellow", "Status: Green for the Go-live on FPSSC payroll milestone"},
			{"Go-Live Variance", "Go-Live Variance: 0 days"},
			{"Summary:", "Summary: O&M governance approved; target-state design is half done and on track for December 8, 2026."},
			{"Path to Green", "Path to Green: not needed; the program is green."},
			{"Parallel payroll run 2 reconciled", "O&M governance approved by the governance board (October 19, 2026)"},
			{"Interface partner confirmed", "Target-state process workshops half complete (November 12, 2026)"},
			{"Parallel payroll run 3 (", "Target-state design complete (December 8, 2026)"},
			{"Cutover rehearsal (", "Mock Conversion 3 complete (March 26, 2027)"},
		} {
			if body, err = setParagraph(body, p[0], p[1]); err != nil {
				return "", err
			}
		}
		return editTables(body, func(n int, rows []string) []string {
			switch n {
			case 1:
				return setRows(rows, activities)
			case 2:
				return setRows(rows, milestones)
			case 4:
				return setRows(rows, risks)
			}
			return rows
		}), nil
	})
}

func copyRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string(nil), r...)
	}
	return out
}

// TestStatusReportTracesToIMSAndRAID: the compliant Harbor status report
// passes XDOC-005 and XDOC-006; each seeded defect makes exactly that rule
// fire on the report, at the row (or, for a top risk the report leaves
// out, on the report with the RAID row as related location).
func TestStatusReportTracesToIMSAndRAID(t *testing.T) {
	t.Parallel()
	type tables struct{ activities, milestones, risks [][]string }
	compliantTables := func() tables {
		return tables{copyRows(harborActivities), copyRows(harborMilestones), copyRows(harborStatusRisks)}
	}
	write := func(t *testing.T, tb tables) string {
		dir := withExtras(t, []extra{raid})
		writeHarborStatus(t, dir, tb.activities, tb.milestones, tb.risks)
		return dir
	}
	out := runDir(t, write(t, compliantTables()))
	for _, d := range out.Documents {
		if filepath.Base(d.Path) == statusDoc && d.Kind != "status_report" {
			t.Fatalf("%s classified %q", statusDoc, d.Kind)
		}
	}
	base := map[string]bool{}
	for _, f := range failing(out) {
		base[key(f)] = true
	}
	for _, f := range out.Findings {
		if f.Rule == "XDOC-005" || f.Rule == "XDOC-006" || (f.Status == finding.Fail && f.Severity == finding.Error) {
			t.Errorf("the compliant submission raises %s (%s, %s) at %s: %s", f.Rule, f.Status, f.Severity, f.Location, f.Message)
		}
	}
	for _, rule := range []string{"XDOC-005", "XDOC-006"} {
		passed := false
		for _, c := range out.Checks {
			if c.Rule == rule && filepath.Base(c.Path) == statusDoc {
				passed = c.Status == finding.Pass
			}
		}
		if !passed {
			t.Errorf("%s does not pass on %s", rule, statusDoc)
		}
	}
	parent := t
	for _, fx := range []struct {
		name, rule string
		seed       func(*tables)
		loc        document.Loc
		related    document.Loc // when set, a related location of the finding
	}{
		{"planned finish differs from the IMS", "XDOC-005", func(tb *tables) { tb.activities[1][4] = "December 15, 2026" }, document.Loc{Table: 1, Row: 3}, document.Loc{}},
		{"activity not in the IMS", "XDOC-005", func(tb *tables) { tb.activities[2][0], tb.activities[2][1] = "", "Parallel payroll run 3" }, document.Loc{Table: 1, Row: 4}, document.Loc{}},
		{"milestone reported finished, unfinished in the IMS", "XDOC-005", func(tb *tables) { tb.milestones[1][4], tb.milestones[1][5] = "March 26, 2027", "B" }, document.Loc{Table: 2, Row: 3}, document.Loc{}},
		{"reported risk not in the RAID log", "XDOC-006", func(tb *tables) {
			tb.risks = append(tb.risks, []string{"R-009", "If the state tax tables are not certified by December 4, then go-live slips", "Medium", "High", "Mitigate: weekly checkpoint with the state tax office"})
		}, document.Loc{Table: 4, Row: 5}, document.Loc{}},
		{"top risk left out", "XDOC-006", func(tb *tables) { tb.risks = tb.risks[1:] }, document.Loc{}, document.Loc{Sheet: "Risk Log", Row: 3}},
	} {
		t.Run(fx.rule+" "+fx.name, func(t *testing.T) {
			tb := compliantTables()
			fx.seed(&tb)
			fresh := newFindings(failing(runDir(t, write(t, tb))), base)
			for _, f := range onlyRuleAt(t, fresh, fx.rule, statusDoc, fx.loc) {
				if fx.related != (document.Loc{}) {
					ok := false
					for _, r := range f.Related {
						ok = ok || locMatches(fx.related, r)
					}
					if !ok {
						t.Errorf("%s related %v, want %+v", f.Rule, f.Related, fx.related)
					}
				}
				t.Logf("%s: %s", f.Rule, f.Message)
			}
			fixturePassed(t, fx.rule, parent)
		})
	}
}
