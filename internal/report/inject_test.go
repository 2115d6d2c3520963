package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
)

// hostile holds every C0 control character, DEL, ESC sequences, "::"
// workflow commands, Markdown and HTML syntax and XML-significant
// characters: what a document's title, a sheet name or a path could hold.
func injected() string {
	var b strings.Builder
	for c := rune(0); c < 0x20; c++ {
		b.WriteRune(c)
	}
	b.WriteString("\x7f\x1b[31mred\x1b[0m\n::error file=x.md,line=1::injected\r\n::set-output name=verdict::pass\n")
	b.WriteString("%0A::warning::percent-encoded | pipe ` backtick <script>alert(1)</script> <b>bold</b> & ]]> \"quote\" 'apos' # heading\n- item\n1. one\n=SUM(A1) \u2028sep\u0085nel")
	return b.String()
}

func injectedResult() *finding.Result {
	h := injected()
	path := "docs/" + strings.ReplaceAll(h, "/", "_") + ".md"
	r := &finding.Result{
		SchemaVersion: "1",
		Tool:          finding.Tool{Name: "tollgate", Version: "0.1.0", OPAVersion: "1.0.0"},
		Run:           finding.Run{AsOf: "2026-11-16", Command: "tollgate check " + h},
		Documents: []finding.Document{
			{Path: path, Format: "md", Kind: "charter", Status: finding.DocOK},
		},
		Rules: []finding.Rule{{ID: "CHARTER-001", Title: "Title " + h, Severity: finding.Error, Pack: "core", Remediation: "Fix " + h}},
		Findings: []finding.Finding{
			{Rule: "CHARTER-001", Title: "Title " + h, Severity: finding.Error, Status: finding.Fail, Path: path,
				Message: "Message " + h, Remediation: "Fix " + h, Location: document.Loc{Path: path, Section: "Section " + h, Line: 3}},
			{Rule: "CHARTER-001", Title: "Title " + h, Severity: finding.Error, Status: finding.Fail, Path: path,
				Message: "Second " + h, Location: document.Loc{Path: path, Sheet: "Sheet " + h, Cell: "B2"}},
		},
		Checks: []finding.Check{{Rule: "CHARTER-001", Path: path, Status: finding.Fail}},
		Procedures: []finding.ProcedureResult{{ID: "P/1", Title: "Clause " + h, Source: h, Verdict: finding.NotSatisfied,
			Rules: []finding.ProcedureEvidence{{ID: "CHARTER-001", Status: "fail"}}}},
	}
	finding.Decide(r, []finding.WaiverRule{{Rule: "CHARTER-001", Path: path, Location: "Sheet", Reason: "Reason " + h, ApprovedBy: "Approver " + h, Expires: "2027-01-01"}}, "2026-11-16", "error")
	return r
}

func render(t *testing.T, r Renderer, res *finding.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.Render(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGitHubAnnotationsCannotBeInjected: every output line is one of the
// commands tollgate writes (one per failing finding plus the verdict), and
// no raw control character reaches the log.
func TestGitHubAnnotationsCannotBeInjected(t *testing.T) {
	res := injectedResult()
	out := string(render(t, GitHub{}, res))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if want := 1 + 1; len(lines) != want { // one failing finding (the other is waived) + the verdict
		t.Fatalf("%d lines, want %d:\n%q", len(lines), want, out)
	}
	if !strings.HasPrefix(lines[0], "::error file=") || !strings.HasPrefix(lines[1], "::notice title=") {
		t.Errorf("unexpected commands:\n%q", out)
	}
	for _, l := range lines {
		// Properties end at the first "::" after the command; the rest is
		// the message, which must not hold a raw line break.
		head, msg, ok := strings.Cut(strings.TrimPrefix(l, "::"), "::")
		if !ok {
			t.Fatalf("not a workflow command: %q", l)
		}
		for _, prop := range strings.Split(strings.SplitN(head, " ", 2)[1], ",") {
			if k, _, ok := strings.Cut(prop, "="); !ok || !(k == "file" || k == "line" || k == "title") {
				t.Errorf("property %q: a value broke out of its property", prop)
			}
		}
		if strings.ContainsAny(msg, "\r\x1b\x00\x7f") {
			t.Errorf("raw control character in the message: %q", msg)
		}
		if unescaped := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(msg, "%25", ""), "%0A", ""), "%0D", ""); strings.Contains(unescaped, "%") {
			t.Errorf("unescaped %% in %q", msg)
		}
	}
	if !strings.Contains(lines[0], "::injected%0D%0A::set-output") && !strings.Contains(lines[0], "%3A%3Ainjected") {
		t.Errorf("hostile text not carried escaped: %q", lines[0])
	}
}

func TestGhEscaping(t *testing.T) {
	if got := ghData("a%b\r\nc::d"); got != "a%25b%0D%0Ac::d" {
		t.Errorf("ghData = %q", got)
	}
	if got := ghProperty("a%b\r\nc::d,e"); got != "a%25b%0D%0Ac%3A%3Ad%2Ce" {
		t.Errorf("ghProperty = %q", got)
	}
}

// TestMarkdownCannotBeInjected: no line starts with "::", no raw HTML tag,
// table rows keep their column count, and values stay on their line.
func TestMarkdownCannotBeInjected(t *testing.T) {
	for _, m := range []Markdown{{}, {Summary: true}} {
		res := injectedResult()
		out := string(render(t, m, res))
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "::") {
				t.Errorf("line starts with '::': %q", l)
			}
			if strings.ContainsAny(l, "\r\x1b\x00\x7f\u2028\u0085") {
				t.Errorf("raw control character: %q", l)
			}
			if strings.HasPrefix(l, "|") {
				cells := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|")
				if cells < 2 {
					t.Errorf("bad row %q", l)
				}
			}
			if strings.HasPrefix(l, "  ") && (strings.HasPrefix(strings.TrimSpace(l), "- ") || strings.HasPrefix(strings.TrimSpace(l), "#")) {
				t.Errorf("a value opened a block: %q", l)
			}
		}
		for _, bad := range []string{"<script", "<b>", "](", "`"} {
			if strings.Contains(strings.ReplaceAll(out, "\\`", ""), bad) {
				t.Errorf("markdown holds raw %q", bad)
			}
		}
		// Every table keeps one cell count per row.
		var want int
		for _, l := range strings.Split(out, "\n") {
			if !strings.HasPrefix(l, "|") {
				want = 0
				continue
			}
			n := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|")
			if want == 0 {
				want = n
			} else if n != want {
				t.Errorf("row has %d cells, table %d: %q", n, want, l)
			}
		}
	}
}

// TestJUnitCannotBeInjected: the XML parses back with the same suites and
// cases, and the hostile text comes back as text.
func TestJUnitCannotBeInjected(t *testing.T) {
	out := render(t, JUnit{}, injectedResult())
	var s junitSuites
	if err := xml.Unmarshal(out, &s); err != nil {
		t.Fatalf("JUnit does not parse: %v\n%s", err, out)
	}
	if len(s.Suites) != 1 || len(s.Suites[0].Cases) != 1 || s.Suites[0].Cases[0].Failure == nil {
		t.Fatalf("structure changed: %+v", s)
	}
	if msg := s.Suites[0].Cases[0].Failure.Message; !strings.Contains(msg, "<script>alert(1)</script>") {
		t.Errorf("message not carried as text: %q", msg)
	}
}

// TestSARIFCarriesHostileTextExactly: JSON carries any string; the
// message decodes to the finding's own words.
func TestSARIFCarriesHostileTextExactly(t *testing.T) {
	res := injectedResult()
	out := render(t, SARIF{}, res)
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if n := len(log.Runs[0].Results); n != 2 {
		t.Fatalf("%d results, want 2", n)
	}
	var failing, waived *sarifResult
	for i := range log.Runs[0].Results {
		r := &log.Runs[0].Results[i]
		if len(r.Suppressions) > 0 {
			waived = r
		} else {
			failing = r
		}
	}
	if failing == nil || waived == nil {
		t.Fatal("want one failing and one suppressed result")
	}
	if !strings.HasPrefix(failing.Message.Text, "Message "+injected()) {
		t.Errorf("message changed: %q", failing.Message.Text)
	}
	if waived.Suppressions[0].Justification != "Reason "+injected() {
		t.Errorf("justification changed")
	}
	if failing.Locations[0].PhysicalLocation.Region == nil || failing.Locations[0].PhysicalLocation.Region.StartLine != 3 {
		t.Errorf("no startLine for a Markdown finding")
	}
	if len(waived.Locations[0].LogicalLocations) == 0 {
		t.Errorf("an Excel address has no logical location")
	}
}

// TestHTMLCannotBeInjected: the page parses to no script, no element the
// template did not write, and the hostile text shows as text.
func TestHTMLCannotBeInjected(t *testing.T) {
	out := render(t, HTML{}, injectedResult())
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "iframe" || n.Data == "img" || n.Data == "link") {
			t.Errorf("hostile text made a <%s> element", n.Data)
		}
		if n.Type == html.ElementNode && n.Data == "b" && n.FirstChild != nil && n.FirstChild.Data == "bold" {
			t.Errorf("hostile text made a <b> element")
		}
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !strings.Contains(text.String(), "<script>alert(1)</script>") {
		t.Error("hostile text is not shown as text")
	}
}

// TestXLSXCannotBeInjected: the hostile text is a string cell (never a
// formula) and the workbook still opens with its four sheets.
func TestXLSXCannotBeInjected(t *testing.T) {
	out := render(t, XLSX{}, injectedResult())
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(XLSXSheets, ",") {
		t.Errorf("sheets %v", got)
	}
	rows, err := f.GetRows("Findings")
	if err != nil || len(rows) != 3 {
		t.Fatalf("findings rows %d: %v", len(rows), err)
	}
	for _, cell := range []string{"H2", "H3"} {
		formula, _ := f.GetCellFormula("Findings", cell)
		if formula != "" {
			t.Errorf("%s is a formula: %q", cell, formula)
		}
	}
	if !strings.Contains(rows[1][7], "=SUM(A1)") {
		t.Errorf("message not carried: %q", rows[1][7])
	}
}

// TestJSONCarriesHostileTextExactly: the JSON report round-trips.
func TestJSONCarriesHostileTextExactly(t *testing.T) {
	res := injectedResult()
	out := render(t, JSON{}, res)
	var back finding.Result
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if back.Findings[0].Message != res.Findings[0].Message {
		t.Errorf("message changed")
	}
}

// TestMarkdownFitsAComment: a run with thousands of findings still makes a
// Markdown report a pull-request comment can hold.
func TestMarkdownFitsAComment(t *testing.T) {
	r := &finding.Result{Documents: []finding.Document{{Path: "big.xlsx", Status: finding.DocOK}}}
	for i := range 3000 {
		r.Findings = append(r.Findings, finding.Finding{Rule: "SCHED-001", Title: "Task identity and references are sound",
			Severity: finding.Error, Status: finding.Fail, Path: "big.xlsx", Remediation: "Fix the task's predecessors.",
			Message:  strings.Repeat("task has a dangling predecessor ", 3) + string(rune('a'+i%26)),
			Location: document.Loc{Sheet: "Schedule", Row: i + 2}})
	}
	finding.Decide(r, nil, "2026-11-16", "error")
	out := render(t, Markdown{}, r)
	if len(out) > 65536 {
		t.Errorf("Markdown report is %d bytes, more than a comment holds", len(out))
	}
	if !bytes.Contains(out, []byte("and 2850 more findings")) {
		t.Error("the report does not say findings were left out")
	}
}
