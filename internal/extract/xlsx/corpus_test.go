package xlsx

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
)

func TestCorpusWorkbooksReadWithoutFaults(t *testing.T) {
	var files []string
	for _, dir := range []string{"gsa", "packt-tpm2e"} {
		m, err := filepath.Glob(filepath.Join(corpus, dir, "*.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 9 {
		t.Fatalf("expected the GSA and Packt workbooks, found %d files", len(files))
	}
	for _, path := range files {
		rel, _ := filepath.Rel(corpus, path)
		t.Run(rel, func(t *testing.T) {
			tree := mustRead(t, rel)
			if tree.Format != document.FormatXlsx {
				t.Errorf("format = %q", tree.Format)
			}
			rows := 0
			for _, s := range tree.Sheets {
				rows += len(s.Rows)
				for _, r := range s.Rows {
					if n := len(r.Cells); n == 0 || r.Cells[n-1].Text == "" {
						t.Fatalf("sheet %s row %d: empty or untrimmed row %q", s.Name, r.Num, texts(&r))
					}
				}
			}
			if rows == 0 {
				t.Error("no rows read")
			}
		})
	}
}

func TestMasterSchedule(t *testing.T) {
	tree := mustRead(t, "gsa/M3-Playbook-Master-Schedule-Template.xlsx")
	if len(tree.Sheets) != 1 {
		t.Fatalf("sheets = %d", len(tree.Sheets))
	}
	s := &tree.Sheets[0]
	if s.Name != "Schedule Template" {
		t.Errorf("sheet name %q", s.Name)
	}
	header := []string{"Phase", "Task Name", "Duration", "% Complete", "Start", "Finish",
		"Actual Start", "Actual Finish", "Predecessors", "Successors", "Resource Type"}
	if s.Rows[0].Num != 1 || !slices.Equal(texts(&s.Rows[0]), header) {
		t.Fatalf("row %d = %q", s.Rows[0].Num, texts(&s.Rows[0]))
	}
	for i, c := range s.Rows[0].Cells {
		if !c.Styled().Bold || c.Kind != "string" {
			t.Errorf("header %s: bold=%v kind=%q", document.CellRef(i+1, 1), c.Styled().Bold, c.Kind)
		}
	}
	// The sheet XML has 994 <row> elements, most of them styled and empty.
	if len(s.Rows) != 72 {
		t.Errorf("non-empty rows = %d, want 72", len(s.Rows))
	}
	if last := s.Rows[len(s.Rows)-1].Num; last < 72 || last > 994 {
		t.Errorf("last row number %d", last)
	}

	task := cellAt(s, "B7")
	if task.Text != "Conduct a Business Readiness Assessment" || task.Styled().Indent != 2 {
		t.Errorf("B7 = %q indent %d", task.Text, task.Styled().Indent)
	}
	indented, phases, sums := 0, 0, 0
	for _, r := range s.Rows[1:] {
		if len(r.Cells) > 1 && r.Cells[1].Styled().Indent == 2 {
			indented++
			if r.Cells[0].Text != "" {
				t.Errorf("row %d: indented task row has a phase number %q", r.Num, r.Cells[0].Text)
			}
		}
		// Phase rows carry the phase number in A and, except phase 3
		// (row 31, a plain 0 in the template), =SUM(...) in D.
		if a := r.Cells[0]; a.Kind == "number" {
			phases++
			d := r.Cells[3]
			if d.Kind != "number" || d.Text != "0%" {
				t.Errorf("phase row %d: %% Complete %+v", r.Num, d)
			}
			if d.Formula {
				sums++
			} else if r.Num != 31 {
				t.Errorf("phase row %d: %% Complete is not a formula", r.Num)
			}
		}
	}
	if indented < 60 {
		t.Errorf("rows with indent 2 on column B = %d, want the ~63 task rows", indented)
	}
	if phases != 6 || sums != 5 {
		t.Errorf("phase rows = %d with %d formulas, want 6 (phases 0-5) with 5", phases, sums)
	}
	if a3 := cellAt(s, "A3"); a3.Kind != "number" || a3.Number != 0 || a3.Text != "0" {
		t.Errorf("A3 = %+v", a3)
	}
	// Sheet cells carry no Loc of their own: their address is the sheet,
	// row and column.
	if b3 := cellAt(s, "B3"); b3.Loc != nil {
		t.Errorf("B3 has its own loc %+v", *b3.Loc)
	}
	if loc := document.CellLoc(tree.Path, s, rowNumbered(s, 3), 1); loc != (document.Loc{Path: "gsa/M3-Playbook-Master-Schedule-Template.xlsx", Sheet: "Schedule Template", Row: 3, Cell: "B3"}) {
		t.Errorf("B3 loc = %+v", loc)
	}
	if tree.Properties.Creator != "ElaineCRieman" || tree.Properties.LastModifiedBy != "Lee, Lauren" ||
		tree.Properties.Created != "2018-08-29T17:36:18Z" {
		t.Errorf("properties = %+v", tree.Properties)
	}
}

func TestRAIDLog(t *testing.T) {
	tree := mustRead(t, "gsa/M3-Playbook-RAID-Log-Template.xlsx")
	var names []string
	for _, s := range tree.Sheets {
		names = append(names, s.Name)
	}
	want := []string{"Cover", "Dashboard", "Risk Log", "Issue Log", "Risk Log Instructions", "Issue Log Instructions", "Data Mgmt"}
	if !slices.Equal(names, want) {
		t.Fatalf("sheets = %q", names)
	}
	for _, s := range tree.Sheets {
		if hidden := s.Name == "Data Mgmt"; s.Hidden != hidden || s.VeryHidden {
			t.Errorf("sheet %s hidden=%v veryHidden=%v", s.Name, s.Hidden, s.VeryHidden)
		}
	}
	risk := sheetNamed(t, tree, "Risk Log")
	hdr := rowNumbered(risk, 2)
	if hdr == nil || len(hdr.Cells) != 23 {
		t.Fatalf("Risk Log row 2 = %v", hdr)
	}
	if got := hdr.Cells[7].Text; got != "Risk Type " {
		t.Errorf("H2 = %q, want the trailing space kept", got)
	}
	if hdr.Cells[0].Text != "Risk #" || hdr.Cells[22].Text != "Reference Materials" {
		t.Errorf("row 2 = %q", texts(hdr))
	}
	if !slices.Contains(risk.Merged, "A1:O1") || !slices.Contains(risk.Merged, "P1:T1") {
		t.Errorf("merged = %q", risk.Merged)
	}
	// x14 validations pointing at the hidden sheet, resolved to its values.
	if got := risk.Validations["F"]; !slices.Equal(got, []string{"New", "In Progress", "Pending Approval", "Escalated", "Closed", "Cancelled", "Defer"}) {
		t.Errorf("Risk Log F validation = %q", got)
	}
	if got := risk.Validations["E"]; !slices.Equal(got, []string{"Avoid", "Mitigate", "Accept"}) {
		t.Errorf("Risk Log E validation = %q", got)
	}
	issue := sheetNamed(t, tree, "Issue Log")
	if got := issue.Validations["P"]; !slices.Equal(got, []string{"Critical", "High", "Medium", "Low"}) {
		t.Errorf("Issue Log P validation = %q", got)
	}
}

func TestPacktProjectPlanDates(t *testing.T) {
	tree := mustRead(t, "packt-tpm2e/Project Plan.xlsx")
	s := sheetNamed(t, tree, "Project Plan")
	for ref, want := range map[string]string{"I3": "2023-01-02", "J3": "2023-02-13", "I4": "2023-02-14", "J5": "2023-04-19"} {
		c := cellAt(s, ref)
		if c.Kind != "date" || c.Date != want {
			t.Errorf("%s = kind %q date %q text %q, want date %s", ref, c.Kind, c.Date, c.Text, want)
		}
	}
	// Dates are shown in ISO form (excelize would render format 14 as
	// "01-02-23"; see text.go for why the reader renders dates itself).
	if c := cellAt(s, "I3"); c.Text != "2023-01-02" || c.Number != 44928 || c.Formula {
		t.Errorf("I3 = %+v", c)
	}
	if c := cellAt(s, "J3"); !c.Formula {
		t.Errorf("J3 (=I3+((E3*7)/F3)) not marked as a formula")
	}
	if c := cellAt(s, "B6"); c.Kind != "number" || c.Number != 1.1 || c.Text != "1.1" {
		t.Errorf("B6 = %+v", c)
	}
	// Notes (legacy comments mirrored from threaded comments).
	if len(tree.Comments) == 0 {
		t.Fatal("no comments")
	}
	c := tree.Comments[0]
	if c.Loc.Sheet != "Project Plan" || c.Loc.Cell != "B1" || !strings.Contains(c.Text, "requirements doc") {
		t.Errorf("first comment = %+v", c)
	}
}

func TestReadinessChecklistSymbolFontAndOutline(t *testing.T) {
	tree := mustRead(t, "gsa/M3-Playbook-Investment-Readiness-Checklist.xlsx")
	s := sheetNamed(t, tree, "Investment Readiness Assessment")
	b2 := cellAt(s, "B2")
	if b2.Text != "P" || b2.Styled().Font != "Wingdings 2" {
		t.Errorf("B2 = %q font %q, want the Wingdings 2 check mark", b2.Text, b2.Styled().Font)
	}
	if a1 := cellAt(s, "A1"); a1.Styled().Font != "" {
		t.Errorf("A1 font %q: only symbol fonts are reported", a1.Styled().Font)
	}
	if got := s.Validations["B"]; !slices.Equal(got, []string{"P"}) {
		t.Errorf("B validation = %q (list source $D$2)", got)
	}
	levels := map[int]int{}
	for _, r := range s.Rows {
		levels[r.OutlineLevel]++
	}
	if rowNumbered(s, 2).OutlineLevel != 1 || rowNumbered(s, 4).OutlineLevel != 2 || levels[3] == 0 {
		t.Errorf("outline levels: row 2 = %d, row 4 = %d, histogram %v", rowNumbered(s, 2).OutlineLevel, rowNumbered(s, 4).OutlineLevel, levels)
	}
}

func TestRobustRefusals(t *testing.T) {
	for _, tc := range []struct {
		file, rule, text string
	}{
		{"robust/spreadsheet__poc-xmlbomb.xlsx", document.ReadCorrupt, "XML part xl/sharedStrings.xml declares a DTD; refused for safety"},
		{"robust/openxml4j__invalid.xlsx", document.ReadCorrupt, "not a readable zip package"},
		{"robust/spreadsheet__Simple.xlsb", document.ReadUnsupported, ".xlsb"},
		{"robust/spreadsheet__protected_passtika.xlsx", document.ReadEncrypted, "password-protected"},
		{"robust/legacy-biff8-SampleSS.xls.renamed.xlsx", document.ReadLegacy, "97-2003"},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			tree, err := readCorpus(t, tc.file)
			if err == nil {
				t.Fatalf("read without error: %d sheets", len(tree.Sheets))
			}
			f := asFault(t, err)
			if f.Rule != tc.rule || !strings.Contains(f.Message, tc.text) {
				t.Errorf("fault = %s %q, want %s containing %q", f.Rule, f.Message, tc.rule, tc.text)
			}
			if f.Loc.Path != tc.file {
				t.Errorf("fault path %q", f.Loc.Path)
			}
		})
	}
}

func TestStrictWorkbookReadsLikeTransitional(t *testing.T) {
	tree := mustRead(t, "robust/spreadsheet__sample.strict.xlsx")
	var names []string
	for _, s := range tree.Sheets {
		names = append(names, s.Name)
	}
	if !slices.Equal(names, []string{"Sheet1", "rich test", "Sheet3"}) {
		t.Fatalf("sheets = %q", names)
	}
	s := &tree.Sheets[0]
	wantA := []string{"Lorem", "ipsum", "dolor", "sit", "amet", "consectetuer", "adipiscing", "elit", "Nunc", "at"}
	if len(s.Rows) != 10 {
		t.Fatalf("Sheet1 rows = %d", len(s.Rows))
	}
	for i, r := range s.Rows {
		if r.Num != i+1 || r.Cells[0].Text != wantA[i] || r.Cells[0].Kind != "string" {
			t.Errorf("row %d = %+v", r.Num, r.Cells[0])
		}
		if i < 9 && (r.Cells[1].Kind != "number" || r.Cells[1].Number != float64(111*(i+1))) {
			t.Errorf("B%d = %+v", r.Num, r.Cells[1])
		}
	}
	if b10 := cellAt(s, "B10"); b10.Number != 4995 || b10.Text != "4995" {
		t.Errorf("B10 = %+v", b10)
	}
	rich := &tree.Sheets[1]
	if a1 := cellAt(rich, "A1"); a1.Text != "The quick brown fox jumps over the lazy dog" {
		t.Errorf("rich test A1 = %q", a1.Text)
	}
	if d6 := cellAt(rich, "D6"); d6.Text != "hello, xssf" {
		t.Errorf("rich test D6 = %q", d6.Text)
	}
	if tree.Properties.Created != "2007-08-15T06:50:14Z" {
		t.Errorf("created = %q", tree.Properties.Created)
	}
}

func TestDuplicateEntryIsDeterministic(t *testing.T) {
	first := mustRead(t, "robust/spreadsheet__duplicate-filename.xlsx")
	second := mustRead(t, "robust/spreadsheet__duplicate-filename.xlsx")
	if !reflect.DeepEqual(first, second) {
		t.Fatal("two reads differ")
	}
	if a1 := cellAt(&first.Sheets[0], "A1"); a1.Text != "v2" {
		t.Errorf("A1 = %q, want the last entry's value v2", a1.Text)
	}
	if !slices.ContainsFunc(first.Notes, func(n string) bool { return strings.Contains(n, "duplicate zip entry xl/worksheets/sheet1.xml") }) {
		t.Errorf("notes = %q", first.Notes)
	}
}

func TestUnusualProducersRead(t *testing.T) {
	for _, tc := range []struct {
		file, sheet, ref, text string
		rows                   int
	}{
		{"robust/googleDocsTest.xlsx", "Sheet1", "B2", "hello hello", 2},
		{"robust/macNumbersTest.xlsx", "主动技能", "A1", "编号", 1},
		// Rows without r attributes: numbers come from their order.
		{"robust/spreadsheet__59746_NoRowNums.xlsx", "Features", "A2", "TRUE", 71},
		{"robust/spreadsheet__InlineStrings.xlsx", "Sheet1", "C2", "1st Inline String", 7},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			tree := mustRead(t, tc.file)
			s := sheetNamed(t, tree, tc.sheet)
			if len(s.Rows) != tc.rows {
				t.Errorf("rows = %d, want %d", len(s.Rows), tc.rows)
			}
			if c := cellAt(s, tc.ref); c.Text != tc.text {
				t.Errorf("%s = %q, want %q", tc.ref, c.Text, tc.text)
			}
		})
	}
	tree := mustRead(t, "robust/spreadsheet__59746_NoRowNums.xlsx")
	if a2 := cellAt(&tree.Sheets[0], "A2"); a2.Kind != "bool" || a2.Number != 1 {
		t.Errorf("A2 = %+v", a2)
	}
	tree = mustRead(t, "robust/spreadsheet__InlineStrings.xlsx")
	if d2 := cellAt(&tree.Sheets[0], "D2"); !d2.Formula || d2.Kind != "number" || d2.Number != 12 {
		t.Errorf("D2 = %+v", d2)
	}
}
