package normalize

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// A form-style charter writes its sections as rows of a two-column table
// ("Purpose | …", "Objectives | …"): read as the sections they stand for.
func TestFormStyleCharter(t *testing.T) {
	n := 0
	row := func(k, v string) []document.Cell {
		n++
		return []document.Cell{{Text: k, Loc: &document.Loc{Path: "charter.docx", Table: 1, Row: n, Column: 1}},
			{Text: v, Loc: &document.Loc{Path: "charter.docx", Table: 1, Row: n, Column: 2}}}
	}
	tr := &document.Tree{Path: "charter.docx", Format: document.FormatDocx, Blocks: []document.Block{
		{Kind: document.BlockHeading, Level: 0, Text: "Project Charter"},
		{Kind: document.BlockTable, Table: &document.Table{Rows: [][]document.Cell{
			row("Project Name", "Payroll Migration"),
			row("Project Manager", "Jane Doe"),
			row("Project Sponsor", "Robert Lee, CFO"),
			row("Purpose", "The agency's payroll system is out of support; this project moves payroll to a shared service provider to cut cost and risk."),
			row("Objectives", "Migrate all 18,400 employees by June 2027\nCut manual pay adjustments by 80%"),
			row("Scope", "Payroll processing and time reporting for all bureaus. Out of scope: benefits administration."),
			row("Budget", "$2.4M over FY26-FY27"),
		}}},
	}}
	a := Normalize(tr, classify.Result{Kind: "charter"}, Options{})
	c := a.Charter
	if c.ProjectManager.Name != "Jane Doe" || c.Sponsor.Name != "Robert Lee" {
		t.Errorf("PM %q, sponsor %q", c.ProjectManager.Name, c.Sponsor.Name)
	}
	if len(c.Objectives) != 2 || c.Purpose == "" || c.Scope.Description == "" {
		t.Errorf("objectives %d, purpose %q, scope %q", len(c.Objectives), c.Purpose, c.Scope.Description)
	}
	if c.Budget == nil || c.Budget.Amount == nil || *c.Budget.Amount != 2.4e6 {
		t.Errorf("budget = %+v", c.Budget)
	}
}

// A text box of four dated milestones reads as one paragraph of four
// lines: four milestones, not one.
func TestTextBoxMilestones(t *testing.T) {
	tr := &document.Tree{Path: "c.docx", Format: document.FormatDocx, Blocks: []document.Block{
		{Kind: document.BlockHeading, Level: 1, Text: "Project Charter"},
		{Kind: document.BlockHeading, Level: 2, Text: "Milestones"},
		{Kind: document.BlockParagraph, Text: "Kickoff – January 5, 2026\nDesign complete – March 2, 2026\nPilot – June 1, 2026\nGo-live – September 14, 2026"},
	}}
	ms := Normalize(tr, classify.Result{Kind: "charter"}, Options{}).Charter.Milestones
	if len(ms) != 4 || ms[3].Name != "Go-live" || ms[3].Date == nil || *ms[3].Date != "2026-09-14" {
		t.Errorf("milestones = %+v", ms)
	}
}

// A status report's table with only a "Description" column (an activity
// list) is not its risks; one under a risks heading is.
func TestStatusRiskTableNeedsToSayRisk(t *testing.T) {
	tbl := func(n int, rows ...[]string) *document.Table {
		tb := &document.Table{}
		for r, row := range rows {
			var cells []document.Cell
			for c, v := range row {
				cells = append(cells, document.Cell{Text: v, Loc: &document.Loc{Path: "s.md", Table: n, Row: r + 1, Column: c + 1}})
			}
			tb.Rows = append(tb.Rows, cells)
		}
		return tb
	}
	tr := &document.Tree{Path: "s.md", Format: document.FormatMD, Blocks: []document.Block{
		{Kind: document.BlockHeading, Level: 1, Text: "Weekly Status Report"},
		{Kind: document.BlockHeading, Level: 2, Text: "Activities"},
		{Kind: document.BlockTable, Loc: document.Loc{Table: 1, Section: "Activities"}, Table: tbl(1, []string{"Description"}, []string{"Built the login page"})},
		{Kind: document.BlockHeading, Level: 2, Text: "Top Risks"},
		{Kind: document.BlockTable, Loc: document.Loc{Table: 2, Section: "Top Risks"}, Table: tbl(2, []string{"Description"}, []string{"Vendor may slip the API"})},
	}}
	rs := Normalize(tr, classify.Result{Kind: "status_report"}, Options{}).StatusReport.Risks
	if len(rs) != 1 || rs[0].Text != "Vendor may slip the API" {
		t.Errorf("risks = %+v", rs)
	}
}
