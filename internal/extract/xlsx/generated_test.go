package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// truncatedMasterSchedule cuts the Master Schedule's sheet XML in the
// middle of row 40 and re-zips it: a valid zip holding broken XML.
func truncatedMasterSchedule(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(corpusPath("gsa/M3-Playbook-Master-Schedule-Template.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	entries := unzipAll(t, data)
	cut := false
	for i, e := range entries {
		if e.name != "xl/worksheets/sheet1.xml" {
			continue
		}
		at := bytes.Index(e.data, []byte(`<row r="40"`))
		if at < 0 {
			t.Fatal("row 40 not found")
		}
		entries[i].data = e.data[:at+200]
		cut = true
	}
	if !cut {
		t.Fatal("no sheet1.xml")
	}
	return zipAll(t, entries)
}

func TestTruncatedSheetIsAFault(t *testing.T) {
	tree, err := readBytes(t, truncatedMasterSchedule(t), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	s := &tree.Sheets[0]
	if len(s.Rows) < 30 || s.Rows[0].Cells[0].Text != "Phase" {
		t.Fatalf("rows before the cut were not read: %d rows", len(s.Rows))
	}
	if last := s.Rows[len(s.Rows)-1].Num; last > 40 {
		t.Errorf("read row %d past the cut", last)
	}
	if len(tree.Faults) != 1 {
		t.Fatalf("faults = %v", tree.Faults)
	}
	f := tree.Faults[0]
	want := "sheet Schedule Template: the sheet XML is truncated or malformed after row 39; rows after it are lost"
	if f.Rule != document.ReadPartialLoss || f.Message != want {
		t.Errorf("fault = %s %q", f.Rule, f.Message)
	}
	if f.Loc.Sheet != "Schedule Template" || f.Loc.Row != 39 || f.Loc.Path != "test.xlsx" {
		t.Errorf("fault loc = %+v", f.Loc)
	}
	// Rows before the cut keep their types even though excelize cannot
	// decode the part as a whole.
	if b7 := cellAt(s, "B7"); b7.Styled().Indent != 2 || b7.Kind != "string" {
		t.Errorf("B7 = %+v", b7)
	}
	if d6 := cellAt(s, "D6"); !d6.Formula {
		t.Errorf("D6 = %+v", d6)
	}
}

// corruptedGoogleDocs rewrites googleDocsTest.xlsx with sheet1.xml stored
// or deflated, then flips one byte of that entry's data.
func corruptedGoogleDocs(t testing.TB, method uint16) []byte {
	t.Helper()
	data, err := os.ReadFile(corpusPath("robust/googleDocsTest.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	entries := unzipAll(t, data)
	for i := range entries {
		entries[i].method = zip.Deflate
		if entries[i].name == "xl/worksheets/sheet1.xml" {
			entries[i].method = method
		}
	}
	out := zipAll(t, entries)
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		at := off + int64(f.CompressedSize64)/2
		if method == zip.Store {
			// Change a letter of the XML so it stays well-formed: only the
			// CRC can tell.
			at = off + int64(bytes.Index(out[off:], []byte("sheetData"))) + 1
		}
		out[at] ^= 0x01
		return out
	}
	t.Fatal("no sheet1.xml")
	return nil
}

func TestBadCRCIsRefusedQuickly(t *testing.T) {
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		t.Run(fmt.Sprint("method", method), func(t *testing.T) {
			start := time.Now()
			_, err := readBytes(t, corruptedGoogleDocs(t, method), limits.Default())
			f := asFault(t, err)
			if f.Rule != document.ReadCorrupt || !strings.Contains(f.Message, "xl/worksheets/sheet1.xml") {
				t.Errorf("fault = %s %q", f.Rule, f.Message)
			}
			if method == zip.Store && !errors.Is(err, zip.ErrChecksum) {
				t.Errorf("error %v does not wrap zip.ErrChecksum", err)
			}
			hangguard.Since(t, "refusing the bad CRC", start, 20*time.Second)
		})
	}
}

// dateWorkbook writes A1 = 45000 (built-in date format 14), A2 = 45000.75
// (custom "yyyy-mm-dd hh:mm"), A3 = 0.5 (time only), A4 = 45000 (plain
// number), in the 1900 or 1904 date system.
func dateWorkbook(t testing.TB, date1904 bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
		t.Fatal(err)
	}
	custom := "yyyy-mm-dd hh:mm"
	builtin, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	customID, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	timeID, _ := f.NewStyle(&excelize.Style{NumFmt: 20})
	for _, c := range []struct {
		ref   string
		value float64
		style int
	}{{"A1", 45000, builtin}, {"A2", 45000.75, customID}, {"A3", 0.5, timeID}, {"A4", 45000, 0}} {
		if err := f.SetCellFloat("Sheet1", c.ref, c.value, -1, 64); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", c.ref, c.ref, c.style); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDateSystems(t *testing.T) {
	for _, tc := range []struct {
		date1904 bool
		want     string
	}{{false, "2023-03-15"}, {true, "2027-03-16"}} {
		t.Run(fmt.Sprint("date1904=", tc.date1904), func(t *testing.T) {
			tree, err := readBytes(t, dateWorkbook(t, tc.date1904), limits.Default())
			if err != nil {
				t.Fatal(err)
			}
			s := &tree.Sheets[0]
			for _, ref := range []string{"A1", "A2"} {
				if c := cellAt(s, ref); c.Kind != "date" || c.Date != tc.want {
					t.Errorf("%s = kind %q date %q text %q, want %s", ref, c.Kind, c.Date, c.Text, tc.want)
				}
			}
			if c := cellAt(s, "A2"); c.Text != tc.want+" 18:00" {
				t.Errorf("A2 text = %q", c.Text)
			}
			if c := cellAt(s, "A3"); c.Kind != "number" || c.Number != 0.5 || c.Text != "12:00" {
				t.Errorf("A3 (time of day) = %+v", c)
			}
			if c := cellAt(s, "A4"); c.Kind != "number" || c.Date != "" || c.Text != "45000" {
				t.Errorf("A4 (plain number) = %+v", c)
			}
		})
	}
}

// write200k streams a 200,000-row sheet (plus a header) to a temp file.
func write200k(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err := sw.SetRow("A1", []any{"ID", "Task", "Start", "Work", "Done"}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= bigRows; i++ {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{i, fmt.Sprintf("Task %d", i), excelize.Cell{StyleID: dateStyle, Value: 45000 + i%365}, float64(i) / 4, i%2 == 0}
		if err := sw.SetRow(ref, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t testing.TB, path string, lim limits.Limits) (*document.Tree, error) {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		t.Fatal(err)
	}
	return Read(context.Background(), fh, st.Size(), path, lim)
}

func TestRead200kRows(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("writes and reads a 200,000-row workbook (skipped in -short and under -race)")
	}
	path := write200k(t)
	lim := limits.Default()
	lim.Rows = 1_000_000 // the reader's capacity, past the default row limit (100,000)
	start := time.Now()
	tree, err := readFile(t, path, lim)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Faults) > 0 {
		t.Fatalf("faults: %v", tree.Faults)
	}
	s := &tree.Sheets[0]
	if len(s.Rows) != 200_001 || s.Rows[200_000].Num != 200_001 {
		t.Fatalf("rows = %d", len(s.Rows))
	}
	last := s.Rows[200_000]
	if last.Cells[0].Number != 200_000 || last.Cells[1].Text != "Task 200000" ||
		last.Cells[2].Kind != "date" || last.Cells[2].Date != "2024-02-23" ||
		last.Cells[3].Number != 50_000 || last.Cells[4].Kind != "bool" {
		t.Errorf("last row = %+v", last.Cells)
	}
	// About a second for 1,000,000 cells (it was ~7 s with excelize's row
	// iterator); scripts/budgets.sh holds the budget, the test only the
	// hang bound.
	hangguard.Check(t, "reading 200,001 rows", took, 20*time.Second)
}

func TestLimits(t *testing.T) {
	schedule, err := os.ReadFile(corpusPath("gsa/M3-Playbook-Master-Schedule-Template.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	with := func(change func(*limits.Limits)) limits.Limits {
		lim := limits.Default()
		change(&lim)
		return lim
	}
	t.Run("package limits refuse the file", func(t *testing.T) {
		for _, tc := range []struct {
			lim limits.Limits
			key string
		}{
			{with(func(l *limits.Limits) { l.PartBytes = 4000 }), "limits.part_bytes"},
			{with(func(l *limits.Limits) { l.PackageBytes = 20000 }), "limits.package_bytes"},
			{with(func(l *limits.Limits) { l.ZipEntries = 3 }), "limits.zip_entries"},
			{with(func(l *limits.Limits) { l.ReadTimeout = time.Nanosecond }), "limits.read_timeout"},
		} {
			_, err := readBytes(t, schedule, tc.lim)
			if f := asFault(t, err); f.Rule != document.LimitHit || !strings.Contains(f.Message, tc.key) {
				t.Errorf("%s: fault = %s %q", tc.key, f.Rule, f.Message)
			}
		}
	})
	t.Run("sheet limits keep what was read", func(t *testing.T) {
		for _, tc := range []struct {
			lim  limits.Limits
			key  string
			rows int
		}{
			{with(func(l *limits.Limits) { l.Rows = 10 }), "limits.rows", 10},
			{with(func(l *limits.Limits) { l.Cells = 30 }), "limits.cells", 12}, // 11 header cells + 2 + 3 + 3 … stops in row 13
			{with(func(l *limits.Limits) { l.Columns = 5 }), "limits.columns", 0},
			// Cells sit at depth 4 (worksheet, sheetData, row, c): none
			// is read.
			{with(func(l *limits.Limits) { l.XMLDepth = 3 }), "limits.xml_depth", 0},
		} {
			tree, err := readBytes(t, schedule, tc.lim)
			if err != nil {
				t.Fatalf("%s: %v", tc.key, err)
			}
			if len(tree.Faults) != 1 || tree.Faults[0].Rule != document.LimitHit ||
				!strings.Contains(tree.Faults[0].Message, tc.key) || tree.Faults[0].Loc.Sheet != "Schedule Template" {
				t.Errorf("%s: faults = %v", tc.key, tree.Faults)
			}
			if got := len(tree.Sheets[0].Rows); tc.key != "limits.cells" && got != tc.rows {
				t.Errorf("%s: rows kept = %d, want %d", tc.key, got, tc.rows)
			}
		}
	})
}

func TestCancelledContextIsNotALimit(t *testing.T) {
	data, err := os.ReadFile(corpusPath("gsa/M3-Playbook-Master-Schedule-Template.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Read(ctx, bytes.NewReader(data), int64(len(data)), "x.xlsx", limits.Default())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	var f *document.Fault
	if errors.As(err, &f) {
		t.Errorf("a cancelled run is not a file fault: %v", f)
	}
}

func TestMacroEnabledFormat(t *testing.T) {
	data, err := os.ReadFile(corpusPath("robust/googleDocsTest.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	entries := append(unzipAll(t, data), zipEntry{name: "xl/vbaProject.bin", method: zip.Store, data: []byte("not really VBA")})
	tree, err := readBytes(t, zipAll(t, entries), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if tree.Format != document.FormatXlsm {
		t.Errorf("format = %q", tree.Format)
	}
}

func TestMissingWorkbookPart(t *testing.T) {
	data, err := os.ReadFile(corpusPath("robust/googleDocsTest.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	var kept []zipEntry
	for _, e := range unzipAll(t, data) {
		if e.name != "xl/workbook.xml" {
			kept = append(kept, e)
		}
	}
	_, err = readBytes(t, zipAll(t, kept), limits.Default())
	if f := asFault(t, err); f.Rule != document.ReadCorrupt || !strings.Contains(f.Message, "missing workbook part") {
		t.Errorf("fault = %s %q", f.Rule, f.Message)
	}
}

var bigRows = 200_000

// TestTablesHiddenRowsAndSheetStates builds a workbook with an Excel
// table, a hidden non-empty row, an outline level, a note, an inline list
// validation and hidden / very hidden sheets.
func TestTablesHiddenRowsAndSheetStates(t *testing.T) {
	tree, err := readBytes(t, featureWorkbook(t), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Faults) > 0 {
		t.Fatalf("faults: %v", tree.Faults)
	}
	s := sheetNamed(t, tree, "Sheet1")
	if len(s.Tables) != 1 || s.Tables[0] != (document.ListObject{Name: "Tasks", Ref: "A1:C3", HeaderRowCount: 1}) {
		t.Errorf("tables = %+v", s.Tables)
	}
	if r := rowNumbered(s, 3); r == nil || !r.Hidden || r.Cells[1].Text != "Build" {
		t.Errorf("row 3 = %+v", r)
	}
	if r := rowNumbered(s, 2); r == nil || r.Hidden || r.OutlineLevel != 1 {
		t.Errorf("row 2 = %+v", r)
	}
	if got := s.Validations["C"]; len(got) != 2 || got[0] != "Open" || got[1] != "Closed" {
		t.Errorf("validations = %v", s.Validations)
	}
	if len(tree.Comments) != 1 || tree.Comments[0].Loc.Cell != "B2" || tree.Comments[0].Author != "PMO" ||
		!strings.Contains(tree.Comments[0].Text, "check the dates") {
		t.Errorf("comments = %+v", tree.Comments)
	}
	if l := sheetNamed(t, tree, "Lists"); !l.Hidden || l.VeryHidden {
		t.Errorf("Lists hidden=%v veryHidden=%v", l.Hidden, l.VeryHidden)
	}
	if v := sheetNamed(t, tree, "Secret"); v.Hidden || !v.VeryHidden {
		t.Errorf("Secret hidden=%v veryHidden=%v", v.Hidden, v.VeryHidden)
	}
}
