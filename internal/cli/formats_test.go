package cli

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/report"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

const formatGoldens = "../../testdata/golden/report/formats"

// goldenExt is each format's golden file name after "harbor.".
var goldenExt = map[string]string{
	"text": "txt", "json": "json", "sarif": "sarif", "junit": "junit.xml", "github": "github.txt",
	"markdown": "md", "html": "html", "xlsx": "xlsx.txt",
}

// harborResult checks the example program with its configuration plus one
// waiver (testdata/harbor-golden.yaml) and pins what changes from run to
// run (clock, command line, policy digest): the one shared input of every
// format golden (its JSON rendering is harbor.json).
func harborResult(t *testing.T) *finding.Result {
	t.Helper()
	out := filepath.Join(t.TempDir(), "r.json")
	code, _, stderr := run(t, "check", "../../examples/harbor", "--config", "testdata/harbor-golden.yaml", "--format", "json="+out)
	if code != ExitFail {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	res, err := report.ReadResult(out)
	if err != nil {
		t.Fatal(err)
	}
	res.Run.Started, res.Run.DurationMS = "2026-11-16T09:00:00Z", 0
	res.Run.Command = "tollgate check examples/harbor --config internal/cli/testdata/harbor-golden.yaml --format json"
	res.Run.PolicyDigest = strings.Repeat("0", 64) // changes with every rule edit; tested in internal/policy
	res.Run.ConfigDigest = strings.Repeat("c", 64)
	return res
}

func renderFormat(t *testing.T, format string, res *finding.Result) []byte {
	t.Helper()
	r, err := report.New(format, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Render(&b, res); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// TestFormatGoldens renders every format from the one harbor result and
// holds each to its golden file (rerun with -update to rewrite them), and
// checks each is what it claims: the SARIF validates against the 2.1.0
// schema, the JUnit parses with stable names, the workbook opens with its
// four sheets, the JSON validates against schemas/report/report.schema.json.
func TestFormatGoldens(t *testing.T) {
	res := harborResult(t)
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			got := renderFormat(t, format, res)
			check, ok := formatChecks[format]
			if ok {
				check(t, got)
			}
			if format == "xlsx" {
				got = xlsxDump(t, got)
			}
			testdocs.Golden(t, filepath.Join(formatGoldens, "harbor."+goldenExt[format]), got, *update)
		})
	}
	if len(goldenExt) != len(report.Formats()) {
		t.Errorf("formats %v, goldens for %d", report.Formats(), len(goldenExt))
	}
}

var formatChecks = map[string]func(t *testing.T, out []byte){
	"sarif": func(t *testing.T, out []byte) { validateJSON(t, "testdata/sarif-schema-2.1.0.json", out) },
	"json":  func(t *testing.T, out []byte) { validateJSON(t, "../../schemas/report/report.schema.json", out) },
	"junit": func(t *testing.T, out []byte) {
		var s struct {
			Suites []struct {
				Name  string `xml:"name,attr"`
				Cases []struct {
					Name    string    `xml:"name,attr"`
					Failure *struct{} `xml:"failure"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(out, &s); err != nil {
			t.Fatalf("JUnit does not parse: %v", err)
		}
		names := map[string]bool{}
		failures := 0
		for _, su := range s.Suites {
			for _, c := range su.Cases {
				if !strings.Contains(c.Name, ": ") {
					t.Errorf("testcase name %q is not RULE-ID: title", c.Name)
				}
				names[su.Name+"\x00"+c.Name] = true
				if c.Failure != nil {
					failures++
				}
			}
		}
		if !names["RACI.xlsx\x00RACI-001: Exactly one Accountable per activity"] {
			t.Error("no RACI.xlsx testcase for RACI-001")
		}
		if failures == 0 {
			t.Error("no failure")
		}
	},
	"xlsx": func(t *testing.T, out []byte) {
		f, err := excelize.OpenReader(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("workbook does not open: %v", err)
		}
		defer f.Close()
		if n := len(f.GetSheetList()); n < 3 {
			t.Fatalf("%d sheets, want ≥ 3", n)
		}
		p, err := f.GetPanes("Matrix")
		if err != nil || !p.Freeze {
			t.Errorf("Matrix header not frozen: %+v %v", p, err)
		}
	},
	"html": func(t *testing.T, out []byte) {
		s := string(out)
		for _, bad := range []string{"<script", "http://", "https://", "<link", "@import", "url("} {
			if strings.Contains(strings.ReplaceAll(s, `xmlns="http://www.w3.org/2000/svg"`, ""), bad) {
				t.Errorf("HTML is not self-contained: holds %q", bad)
			}
		}
		if !strings.Contains(s, "<svg") || !strings.Contains(s, "<style>") {
			t.Error("HTML lacks inline SVG or CSS")
		}
	},
}

func validateJSON(t *testing.T, schemaPath string, out []byte) {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	url := "file:///" + filepath.Base(schemaPath)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaPath, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("output does not validate against %s: %v", schemaPath, err)
	}
}

// xlsxDump is a workbook's sheets as text (the zip itself carries
// timestamps), for the golden.
func xlsxDump(t *testing.T, out []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	for _, sh := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sh)
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.Bytes()
}

// TestReportFromSavedJSON: report --from renders what check rendered, in
// several formats at once, each written to its file.
func TestReportFromSavedJSON(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "r.json")
	md1 := filepath.Join(dir, "check.md")
	code, _, stderr := run(t, "check", "../../examples/harbor", "--format", "json="+saved, "--format", "markdown="+md1, "--format", "sarif="+filepath.Join(dir, "c.sarif"))
	if code != ExitFail {
		t.Fatalf("check exit %d: %s", code, stderr)
	}
	md2 := filepath.Join(dir, "report.md")
	html := filepath.Join(dir, "report.html")
	code, _, stderr = run(t, "report", "--from", saved, "--format", "markdown="+md2, "--format", "html="+html)
	if code != ExitFail {
		t.Fatalf("report exit %d (want the saved verdict's 1): %s", code, stderr)
	}
	a, _ := os.ReadFile(md1)
	b, _ := os.ReadFile(md2)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("report --from markdown differs from check's")
	}
	if st, err := os.Stat(html); err != nil || st.Size() == 0 {
		t.Errorf("no HTML written: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 5 {
		t.Errorf("files left: %d, want 5 (no temporaries)", len(ents))
	}
	if code, _, _ := run(t, "report", "--format", "text"); code != ExitToolError {
		t.Errorf("report without --from: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "report", "--from", saved, "--format", "pdf"); code != ExitToolError {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}

// TestStepSummary: with --format github and GITHUB_STEP_SUMMARY set, the
// run appends the Markdown job summary (verdict, counts, failing rules).
func TestStepSummary(t *testing.T) {
	p := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(p, []byte("earlier step\n"), 0o644)
	t.Setenv("GITHUB_STEP_SUMMARY", p)
	code, out, _ := run(t, "check", "../../examples/harbor", "--format", "github")
	if code != ExitFail {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "::error file=examples/harbor/RACI.xlsx,title=RACI-001 ") {
		t.Errorf("annotations lack the repository-relative RACI-001 error:\n%s", out)
	}
	b, _ := os.ReadFile(p)
	s := string(b)
	for _, want := range []string{"earlier step\n", "tollgate: FAIL", "### Failing rules", "| RACI-001 Exactly one Accountable", "### Procedure clauses not satisfied"} {
		if !strings.Contains(s, want) {
			t.Errorf("job summary lacks %q:\n%s", want, s)
		}
	}
}

// TestReportSchemaValidatesEveryJSONGolden: every JSON report golden
// validates against the published report schema.
func TestReportSchemaValidatesEveryJSONGolden(t *testing.T) {
	var files []string
	for _, glob := range []string{"../../testdata/golden/report/*.json", formatGoldens + "/*.json"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) < 2 {
		t.Fatalf("only %d JSON goldens found", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) { validateJSON(t, "../../schemas/report/report.schema.json", b) })
	}
}
