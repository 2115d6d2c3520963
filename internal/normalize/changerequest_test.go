package normalize

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
)

func sheetRows(rows ...[]string) []document.Row {
	var out []document.Row
	for i, r := range rows {
		row := document.Row{Num: i + 2}
		for _, v := range r {
			row.Cells = append(row.Cells, document.Cell{Text: v, Kind: "string"})
		}
		out = append(out, row)
	}
	return out
}

// A change log sheet (title row, then header) yields one entry per CR row;
// a blank row and a row with no id, name or description are skipped.
func TestChangeLogRows(t *testing.T) {
	tree := &document.Tree{Path: "log.xlsx", Format: document.FormatXlsx, Sheets: []document.Sheet{{Name: "Change Log", Rows: sheetRows(
		[]string{"Harbor change requests"},
		[]string{"CR #", "Requirement ID", "Title", "Status", "Decision Date"},
		[]string{"CR-1", "PAY-1; PAY-2", "Rounding", "Approved", "2026-08-12"},
		[]string{"", "", "", "", ""},
		[]string{"CR-2", "N/A", "Offset file", "Pending approval", ""},
		[]string{"", "", "", "Approved", ""},
	)}}}
	a := Normalize(tree, classify.Result{Kind: "change_log"}, Options{})
	es := a.ChangeLog.Entries
	if len(es) != 2 {
		t.Fatalf("entries = %+v", es)
	}
	if es[0].ID != "CR-1" || len(es[0].RequirementIDs) != 2 || es[0].Status != "approved" || es[0].DecisionDate == nil || *es[0].DecisionDate != "2026-08-12" || es[0].Loc.Row != 4 {
		t.Errorf("entry 1 = %+v", es[0])
	}
	if es[1].Status != "pending" || len(es[1].RequirementIDs) != 0 {
		t.Errorf("entry 2 = %+v", es[1])
	}
}

// A CR written as "Label: value" paragraphs (Markdown) reads like the form;
// labels the text lacks stay out of fields_found.
func TestChangeRequestFromLabelledParagraphs(t *testing.T) {
	tree := &document.Tree{Path: "cr.md", Format: document.FormatMD, Blocks: []document.Block{
		{Kind: document.BlockParagraph, Text: "**CR #:** CR-7"},
		{Kind: document.BlockParagraph, Text: "Type of Change: Defect\nPriority: Medium"},
		{Kind: document.BlockParagraph, Text: "Est. Schedule Impact: <Enter any schedule impact the change may have to the project>"},
	}}
	a := Normalize(tree, classify.Result{Kind: "change_request"}, Options{})
	cr := a.ChangeRequest
	if cr.ID != "CR-7" || cr.Type != "defect" || cr.Priority != "med" || cr.Impact.Schedule != "" {
		t.Errorf("change request = %+v", cr)
	}
	has := map[string]bool{}
	for _, f := range a.FieldsFound {
		has[f] = true
	}
	if !has["change_request.impact.schedule"] || has["change_request.impact.cost"] || has["change_request.board.decision"] {
		t.Errorf("fields_found = %v", a.FieldsFound)
	}
}
