package csv

import (
	"context"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

func read(t *testing.T, name, body string, lim limits.Limits) *document.Tree {
	t.Helper()
	tr, err := Read(context.Background(), strings.NewReader(body), int64(len(body)), name, lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Sheets) != 1 {
		t.Fatalf("%d sheets", len(tr.Sheets))
	}
	return tr
}

func texts(s document.Sheet) [][]string {
	var out [][]string
	for _, r := range s.Rows {
		var row []string
		for _, c := range r.Cells {
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}

func TestDelimitersAreSniffed(t *testing.T) {
	want := "[[ID Risk Owner Score] [R-1 Vendor late, maybe Ana 12] [R-2 Scope creep Bo 6.5]]"
	for name, body := range map[string]string{
		"comma":     "ID,Risk,Owner,Score\nR-1,\"Vendor late, maybe\",Ana,12\nR-2,Scope creep,Bo,6.5\n",
		"semicolon": "ID;Risk;Owner;Score\r\nR-1;Vendor late, maybe;Ana;12\r\nR-2;Scope creep;Bo;6.5\r\n",
		"tab":       "ID\tRisk\tOwner\tScore\nR-1\tVendor late, maybe\tAna\t12\nR-2\tScope creep\tBo\t6.5",
	} {
		t.Run(name, func(t *testing.T) {
			tr := read(t, "plans/risk-register.csv", body, limits.Default())
			if got := fmtRows(texts(tr.Sheets[0])); got != want {
				t.Errorf("rows %s\nwant %s", got, want)
			}
			if tr.Sheets[0].Name != "risk-register" || tr.Format != document.FormatCSV {
				t.Errorf("sheet %q format %q", tr.Sheets[0].Name, tr.Format)
			}
		})
	}
}

func fmtRows(rows [][]string) string {
	var parts []string
	for _, r := range rows {
		parts = append(parts, "["+strings.Join(r, " ")+"]")
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestCellsCarryKindAndLocation(t *testing.T) {
	body := "\xEF\xBB\xBFID,Note,Cost,When\n" +
		"R-1,\"two\nlines\",1e3,2026-03-01\n" +
		",,,\n" +
		"R-2,0x10,-.5,,,\n"
	tr := read(t, "r.csv", body, limits.Default())
	s := tr.Sheets[0]
	if len(s.Rows) != 3 {
		t.Fatalf("rows %v", texts(s))
	}
	if s.Rows[0].Cells[0].Text != "ID" {
		t.Errorf("BOM not stripped: %q", s.Rows[0].Cells[0].Text)
	}
	r1 := s.Rows[1]
	if r1.Num != 2 || r1.Cells[1].Text != "two\nlines" {
		t.Errorf("row 2: %+v", r1)
	}
	if c := r1.Cells[2]; c.Kind != "number" || c.Number != 1000 || c.Loc.Cell != "C2" || c.Loc.Line != 3 || c.Loc.Column != 3 {
		t.Errorf("C2 = %+v", c)
	}
	if c := r1.Cells[3]; c.Kind != "string" || c.Text != "2026-03-01" {
		t.Errorf("a date stays text for the normalizer: %+v", c)
	}
	// ",,," is no row; record 4 keeps its number, trailing empties trimmed.
	r2 := s.Rows[2]
	if r2.Num != 4 || len(r2.Cells) != 3 {
		t.Errorf("last row: %+v", r2)
	}
	if c := r2.Cells[1]; c.Kind != "string" {
		t.Errorf("hex is text: %+v", c)
	}
	if c := r2.Cells[2]; c.Kind != "number" || c.Number != -0.5 || c.Loc.Line != 5 || c.Loc.Cell != "C4" || c.Loc.Path != "r.csv" || c.Loc.Sheet != "r" {
		t.Errorf("C4 = %+v", c)
	}
	if c := r2.Cells[0]; c.Kind != "string" || c.Loc.Row != 4 {
		t.Errorf("A4 = %+v", c)
	}
}

func TestWindows1252IsDecoded(t *testing.T) {
	tr := read(t, "owners.csv", "Owner;Cost\nJos\xe9;5\x80\n", limits.Default())
	if got := tr.Sheets[0].Rows[1].Cells; got[0].Text != "José" || got[1].Text != "5€" {
		t.Errorf("cells %q %q", got[0].Text, got[1].Text)
	}
	if len(tr.Notes) != 1 || !strings.Contains(tr.Notes[0], "Windows-1252") {
		t.Errorf("notes %q", tr.Notes)
	}
}

func TestLimits(t *testing.T) {
	lim := limits.Default()
	lim.Rows = 2
	tr := read(t, "a.csv", "a\nb\nc\nd\n", lim)
	if got := len(tr.Sheets[0].Rows); got != 2 || len(tr.Faults) != 1 || tr.Faults[0].Rule != document.LimitHit || !strings.Contains(tr.Faults[0].Message, "limits.rows") {
		t.Errorf("rows cap: %d rows, faults %v", got, tr.Faults)
	}

	lim = limits.Default()
	lim.Columns = 2
	tr = read(t, "a.csv", "a,b,c\nd,e,f\n", lim)
	if got := tr.Sheets[0].Rows[1].Cells; len(got) != 2 || len(tr.Faults) != 1 || !strings.Contains(tr.Faults[0].Message, "limits.columns") {
		t.Errorf("columns cap: %v, faults %v", got, tr.Faults)
	}

	lim = limits.Default()
	lim.Cells = 5
	tr = read(t, "a.csv", "a,b\nc,d\ne,f\n", lim)
	if got := len(tr.Sheets[0].Rows); got != 2 || len(tr.Faults) != 1 || !strings.Contains(tr.Faults[0].Message, "line 3") {
		t.Errorf("cells cap: %d rows, faults %v", got, tr.Faults)
	}

	lim = limits.Default()
	lim.MarkdownBytes = 4
	_, err := Read(context.Background(), strings.NewReader("a,b,c"), 5, "a.csv", lim)
	if f, ok := err.(*document.Fault); !ok || f.Rule != document.LimitHit {
		t.Errorf("size cap: %v", err)
	}
}

func TestSniffPrefersConsistentSplit(t *testing.T) {
	cases := map[string]rune{
		"a,b,c\n1,2,3\n":                       ',',
		"a;b\n\"x,y,z\";2\n":                   ';', // commas inside quotes do not count
		"name;note\nAna;hello, world, again\n": ';',
		"one column\nvalue\n":                  ',',
		"a\tb, c\n1\t2, 3\n":                   '\t',
	}
	for body, want := range cases {
		if got := sniffDelimiter([]byte(body)); got != want {
			t.Errorf("%q: %q, want %q", body, got, want)
		}
	}
}
