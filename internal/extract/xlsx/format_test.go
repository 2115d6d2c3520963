package xlsx

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

func TestCustomFormatKind(t *testing.T) {
	for code, want := range map[string]fmtKind{
		"yyyy-mm-dd":              fmtDate,
		"m/d/yyyy":                fmtDate,
		"d-mmm":                   fmtDate,
		"[$-409]mmmm d, yyyy":     fmtDate,
		"dddd":                    fmtDate,
		"m/d/yyyy h:mm":           fmtDate,
		"h:mm AM/PM":              fmtTimeOnly,
		"hh:mm:ss":                fmtTimeOnly,
		"mm:ss":                   fmtTimeOnly,
		"[h]:mm":                  fmtTimeOnly,
		"General":                 fmtNumber,
		"0.00E+00":                fmtNumber,
		"#,##0.00":                fmtNumber,
		"0%":                      fmtNumber,
		`"Day "0`:                 fmtNumber,
		`0" days"`:                fmtNumber,
		`[Red]#,##0;[Blue]0`:      fmtNumber,
		`\d0`:                     fmtNumber,
		`#,##0;"(m)"#,##0`:        fmtNumber, // only the first section counts
		`_(* #,##0_);_(* (#,##0)`: fmtNumber,
	} {
		if got := customFormatKind(code); got != want {
			t.Errorf("customFormatKind(%q) = %d, want %d", code, got, want)
		}
	}
	for id, want := range map[int]fmtKind{0: fmtNumber, 9: fmtNumber, 14: fmtDate, 17: fmtDate, 18: fmtTimeOnly, 22: fmtDate, 27: fmtDate, 36: fmtDate, 45: fmtTimeOnly, 47: fmtTimeOnly, 49: fmtNumber, 50: fmtDate, 58: fmtDate} {
		if got := builtinFormatKind(id); got != want {
			t.Errorf("builtinFormatKind(%d) = %d, want %d", id, got, want)
		}
	}
}

func TestSerialToISO(t *testing.T) {
	for _, tc := range []struct {
		serial   float64
		date1904 bool
		want     string
		ok       bool
	}{
		{1, false, "1900-01-01", true},
		{59, false, "1900-02-28", true},
		{60, false, "1900-02-28", true}, // Excel's fictitious 1900-02-29
		{61, false, "1900-03-01", true},
		{44928, false, "2023-01-02", true},
		{44927.99999999999, false, "2023-01-02", true}, // float artefact of 44928
		{45000.9999, false, "2023-03-15", true},        // 23:59:51 stays on its day
		{0, true, "1904-01-01", true},
		{45000, true, "2027-03-16", true},
		{2958465, false, "9999-12-31", true},
		{0, false, "", false},
		{-1, false, "", false},
		{2958466, false, "", false},
	} {
		got, ok := serialToISO(tc.serial, tc.date1904)
		if got != tc.want || ok != tc.ok {
			t.Errorf("serialToISO(%v, %v) = %q, %v; want %q, %v", tc.serial, tc.date1904, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNumberText(t *testing.T) {
	for _, tc := range []struct {
		code, raw, want string
	}{
		{"", "1.1000000000000001", "1.1"},
		{"", "45000", "45000"},
		{"General", "0.5", "0.5"},
		{"0%", "0", "0%"},
		{"0%", "0.255", "26%"},
		{"0.00%", "0.5", "50.00%"},
		{"#,##0.00", "1234567.891", "1,234,567.89"},
		{"#,##0", "-1234", "-1,234"},
		{`"$"#,##0.00`, "12.5", "$12.50"},
		{`[$€-407]#,##0.00;[Red]-[$€-407]#,##0.00`, "-1234.5", "-€1,234.50"},
		{`#,##0 ;(#,##0)`, "-1234.5", "(1,235)"},
		{`0" days"`, "12", "12 days"},
		{"0.00", "2.675", "2.68"},
		{"0", "0.5", "1"},
		{"0", "-0.4", "0"},
		{"0.0", "9.96", "10.0"},
		{"0.00E+00", "12345", "12345"},
		{"@", "42", "42"},
	} {
		v := mustFloat(t, tc.raw)
		if got := numberText(tc.code, v, false); got != tc.want {
			t.Errorf("numberText(%q, %s) = %q, want %q", tc.code, tc.raw, got, tc.want)
		}
	}
	if got := dateText("2023-01-02", 44928.5, true, false); got != "2023-01-02 12:00" {
		t.Errorf("dateText = %q", got)
	}
	if got := dateText("", 0.75, true, true); got != "18:00:00" {
		t.Errorf("dateText time only = %q", got)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSqrefColumns(t *testing.T) {
	got := sqrefColumns("B2:B4 B95:B110 $D$1 F3:H3")
	want := []string{"B", "D", "F", "G", "H"}
	if len(got) != len(want) {
		t.Fatalf("sqrefColumns = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sqrefColumns = %q, want %q", got, want)
		}
	}
	if vals, ok := inlineList(`"Yes, No,""Maybe"""`); !ok || len(vals) != 3 || vals[1] != "No" || vals[2] != `"Maybe"` {
		t.Errorf("inlineList = %q, %v", vals, ok)
	}
}

// FuzzRead feeds mutated workbooks to Read: it must never panic, must
// return within its read timeout, and any error must be a *document.Fault.
// The seeds are 10-25 KB zips, so give the engine a short minimization
// budget or it spends its time minimizing:
//
//	go test -run '^$' -fuzz FuzzRead -fuzztime 30s -fuzzminimizetime 1s
func FuzzRead(f *testing.F) {
	for _, rel := range []string{"robust/spreadsheet__sample.strict.xlsx", "robust/spreadsheet__InlineStrings.xlsx", "robust/googleDocsTest.xlsx"} {
		data, err := os.ReadFile(corpusPath(rel))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	lim := limits.Default()
	lim.ReadTimeout = 5 * time.Second
	lim.PartBytes = 4 << 20
	lim.PackageBytes = 16 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		tree, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", lim)
		if d := time.Since(start); d > lim.ReadTimeout+time.Second {
			t.Fatalf("Read took %s despite limits.read_timeout %s", d, lim.ReadTimeout)
		}
		if err != nil {
			var fault *document.Fault
			if !errors.As(err, &fault) {
				t.Fatalf("error is not a fault: %v", err)
			}
			if fault.Rule == "" || fault.Message == "" {
				t.Fatalf("empty fault: %+v", fault)
			}
			return
		}
		if tree == nil {
			t.Fatal("nil tree without error")
		}
		for _, s := range tree.Sheets {
			for _, r := range s.Rows {
				if r.Num < 1 || len(r.Cells) == 0 {
					t.Fatalf("sheet %s: bad row %+v", s.Name, r)
				}
			}
		}
	})
}

func BenchmarkReadMasterSchedule(b *testing.B) {
	data, err := os.ReadFile(corpusPath("gsa/M3-Playbook-Master-Schedule-Template.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := readBytes(b, data, limits.Default()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead200kRows(b *testing.B) {
	path := write200k(b)
	for b.Loop() {
		if _, err := readFile(b, path, limits.Default()); err != nil {
			b.Fatal(err)
		}
	}
}
