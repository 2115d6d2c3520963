package normalize

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
)

func bigSheetTree(rows int) *document.Tree {
	s := document.Sheet{Name: "Data"}
	s.Rows = append(s.Rows, document.Row{Num: 1, Cells: []document.Cell{{Text: "ID", Kind: "string"}, {Text: "Task", Kind: "string"}}})
	for i := 1; i <= rows; i++ {
		s.Rows = append(s.Rows, document.Row{Num: i + 1, Cells: []document.Cell{
			{Text: strconv.Itoa(i), Kind: "number", Number: float64(i)}, {Text: "Task " + strconv.Itoa(i), Kind: "string"},
		}})
	}
	return &document.Tree{Path: "big.xlsx", Format: document.FormatXlsx, Sheets: []document.Sheet{s}}
}

// A generic artifact keeps at most genericTableRows table rows and says
// how many it left out; other kinds keep them all.
func TestGenericTableRowsAreCappedWithADiagnostic(t *testing.T) {
	n := genericTableRows + 50
	a := Normalize(bigSheetTree(n), classify.Result{Kind: "generic"}, Options{})
	if len(a.Tables) != 1 || len(a.Tables[0].Rows) != genericTableRows {
		t.Fatalf("tables = %d, rows = %d", len(a.Tables), len(a.Tables[0].Rows))
	}
	if last := a.Tables[0].Rows[genericTableRows-1]; last.Cells[0] != strconv.Itoa(genericTableRows) || last.Loc.Row != genericTableRows+1 {
		t.Errorf("last kept row = %+v", last)
	}
	found := false
	for _, d := range a.Diagnostics {
		if d.Code == "TABLE_ROWS_CAPPED" {
			found = true
			if !strings.Contains(d.Message, strconv.Itoa(n)+" data rows") || !strings.Contains(d.Message, "10000") || d.Loc.Sheet != "Data" {
				t.Errorf("diagnostic = %+v", d)
			}
		}
	}
	if !found {
		t.Errorf("no TABLE_ROWS_CAPPED diagnostic: %+v", a.Diagnostics)
	}

	small := Normalize(bigSheetTree(100), classify.Result{Kind: "generic"}, Options{})
	for _, d := range small.Diagnostics {
		if d.Code == "TABLE_ROWS_CAPPED" {
			t.Errorf("a small table was reported capped: %+v", d)
		}
	}
	if len(small.Tables[0].Rows) != 100 {
		t.Errorf("small table rows = %d", len(small.Tables[0].Rows))
	}
}
