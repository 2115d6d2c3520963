package normalize_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/schema"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// readWritten reads, classifies and normalizes a workbook a test wrote,
// under the stable path rel (goldens must not hold the temp dir).
func readWritten(t *testing.T, path, rel string) (map[string]any, classify.Result) {
	t.Helper()
	files, err := discover.Walk([]string{path}, discover.Options{})
	if err != nil || len(files) != 1 {
		t.Fatalf("discover %s: %v (%d files)", path, err, len(files))
	}
	f := files[0]
	f.Path = rel
	tree, err := extract.Read(context.Background(), f, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range tree.Faults {
		t.Errorf("reader fault: %v", fl)
	}
	c := classify.Classify(tree, rel, classify.Options{Artifacts: m3Artifacts(t)})
	m, err := normalize.Normalize(tree, c, normalize.Options{SHA256: strings.Repeat("0", 64), SizeBytes: f.Size}).Map()
	if err != nil {
		t.Fatal(err)
	}
	return m, c
}

// TestRTMGolden: the Harbor RTM, laid out as the GSA M3 RTM template (band
// row, header row with "*" marks, instruction row, CR sheet with "*CR
// ID"), classifies as rtm and normalizes to the checked-in artifact.
func TestRTMGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Requirements-Traceability-Matrix.xlsx")
	if err := harbor.WriteRTM(path, harbor.RTMRequirements(), harbor.RTMChangeRequests()); err != nil {
		t.Fatal(err)
	}
	m, c := readWritten(t, path, "harbor/Requirements-Traceability-Matrix.xlsx")
	if c.Kind != "rtm" {
		t.Fatalf("kind = %s (%s)", c.Kind, c.Reason)
	}
	for _, v := range schema.Validate(m) {
		t.Errorf("schema: %s: %s", v.Pointer, v.Message)
	}
	rtm := m["rtm"].(map[string]any)
	if n := len(rtm["requirements"].([]any)); n != len(harbor.RTMRequirements()) {
		t.Errorf("%d requirements, want %d (the instruction row is not one)", n, len(harbor.RTMRequirements()))
	}
	if n := len(rtm["change_requests"].([]any)); n != 3 {
		t.Errorf("%d change requests, want 3", n)
	}
	got, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	testdocs.Golden(t, "../../testdata/golden/normalize/harbor__Requirements-Traceability-Matrix.xlsx.json", append(got, '\n'), *update)
}

func sheet(name string, rows ...[]string) document.Sheet {
	s := document.Sheet{Name: name}
	for i, r := range rows {
		row := document.Row{Num: i + 1}
		for _, v := range r {
			row.Cells = append(row.Cells, document.Cell{Text: v, Kind: "string"})
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

// Without a title, the columns decide: a requirements sheet next to a CR
// sheet is one RTM (not a grab-bag of a change log and something else); an
// RTM with no CR sheet leaves change_requests null (CR-005 cannot look
// there), one with no requirements sheet leaves requirements null.
func TestRTMByColumns(t *testing.T) {
	reqs := sheet("Requirements",
		[]string{"Req ID", "Requirement Description", "Priority", "Fit/Gap", "Status"},
		[]string{"R-1", "Pay employees", "Mandatory", "Fit", "Approved-Active"},
		[]string{"R-2", "Report pay", "Optional", "gap", "Rejected-Deferred"},
	)
	crs := sheet("CR", []string{"Requirement ID", "*CR ID", "CR Name", "CR Description", "CR Status"}, []string{"R-2", "CR-1", "Report", "Add a report", "Approved"})
	for _, tc := range []struct {
		name        string
		sheets      []document.Sheet
		reqs, crNum int // -1: null
	}{
		{"both sheets", []document.Sheet{reqs, crs}, 2, 1},
		{"requirements only", []document.Sheet{reqs}, 2, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree := &document.Tree{Path: "trace.xlsx", Format: document.FormatXlsx, Sheets: tc.sheets}
			c := classify.Classify(tree, "trace.xlsx", classify.Options{Artifacts: m3Artifacts(t)})
			if c.Kind != "rtm" {
				t.Fatalf("kind = %s (%s)", c.Kind, c.Reason)
			}
			a := normalize.Normalize(tree, c, normalize.Options{})
			if len(a.RTM.Requirements) != tc.reqs {
				t.Errorf("requirements = %+v", a.RTM.Requirements)
			}
			if (a.RTM.ChangeRequests == nil) != (tc.crNum < 0) || tc.crNum >= 0 && len(a.RTM.ChangeRequests) != tc.crNum {
				t.Errorf("change requests = %+v", a.RTM.ChangeRequests)
			}
			q := a.RTM.Requirements[1]
			if q.FitGap != "gap" || q.Status != "deferred" || q.Priority != "optional" {
				t.Errorf("requirement 2 = %+v", q)
			}
		})
	}
}
