package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
)

// hostile holds every C0 control character, DEL, the C1 CSI and OSC
// introducers, an ESC/OSC sequence, a Unicode line separator, a
// bidirectional override, invalid UTF-8, and workflow commands placed at
// the start of the value and after each line break.
func hostile() string {
	var b strings.Builder
	b.WriteString("::error file=README.md,line=1::Injected")
	for c := 0; c < 0x20; c++ {
		b.WriteByte(byte(c))
		b.WriteString("::warning::x")
	}
	b.WriteString("\x7f\u009b31m\u009d0;title\x07\x1b]0;pwned\x07\x1b[2J\u2028::stop-commands::tok\u202e\xff\n  ::notice::y\r\n::endgroup::")
	return b.String()
}

// hostileResult puts the hostile string into every document-derived field
// the text report prints: paths (of a document and of a path that is not
// one), kind, format, rule, title, location and message.
func hostileResult(h string) *finding.Result {
	r := &finding.Result{
		Documents: []finding.Document{{Path: h, Format: h, Kind: h, Status: finding.DocOK}},
		Findings: []finding.Finding{
			{Rule: h, Title: h, Severity: finding.Error, Status: finding.Fail, Path: h, Message: h,
				Location: document.Loc{Section: h, Sheet: h, Cell: h, Task: h, Pointer: h}},
			{Rule: "R-1", Title: h, Severity: finding.Warning, Status: finding.Fail, Path: "missing/" + h, Message: h},
			{Rule: "R-2", Title: h, Severity: finding.Info, Status: finding.Fail, Path: "", Message: h},
		},
		Procedures: []finding.ProcedureResult{{ID: h, Title: h, Verdict: finding.NotSatisfied,
			Rules: []finding.ProcedureEvidence{{ID: h, Status: string(finding.Fail)}}}},
	}
	finding.Decide(r, nil, "2026-11-22", "error")
	return r
}

// TestTextReportCannotBeInjected (issue 11, defect 3): a document-derived
// string holding every C0 control, ESC/OSC and "::" at a line start does
// not change the text report's line structure: parsed back, the report
// has exactly the lines the same report with a plain string has, no line
// starts with "::" (after blanks), and no control byte other than the
// line feeds the report itself writes is left.
func TestTextReportCannotBeInjected(t *testing.T) {
	for _, verbose := range []bool{false, true} {
		var plain, evil bytes.Buffer
		if err := (Text{Verbose: verbose}).Render(&plain, hostileResult("plain")); err != nil {
			t.Fatal(err)
		}
		if err := (Text{Verbose: verbose}).Render(&evil, hostileResult(hostile())); err != nil {
			t.Fatal(err)
		}
		want := strings.Count(plain.String(), "\n")
		if got := strings.Count(evil.String(), "\n"); got != want {
			t.Errorf("hostile values changed the report from %d to %d lines:\n%s", want, got, evil.String())
		}
		for i, line := range strings.Split(evil.String(), "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
				t.Errorf("line %d starts a workflow command: %q", i+1, line)
			}
			for _, r := range line {
				if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x202e {
					t.Errorf("line %d holds control %U: %q", i+1, r, line)
					break
				}
			}
		}
		if !strings.Contains(evil.String(), `\x1b]0;pwned\x07`) || !strings.Contains(evil.String(), `\n`) {
			t.Errorf("controls are not shown visibly:\n%s", evil.String())
		}
	}
}

// TestEscapeGitHubParsesBack: a workflow command built with the GitHub
// helpers is one line, its properties split where the format says, and the
// runner's unescaping gives back the value (CR, LF, "%", ":" and ",").
func TestEscapeGitHubParsesBack(t *testing.T) {
	v := "a%b\r\nc::error::d,e:f%0A"
	line := "::error file=" + EscapeGitHubProperty(v) + ",title=" + EscapeGitHubProperty(v) + "::" + EscapeGitHubData(v)
	if strings.ContainsAny(line, "\r\n") {
		t.Fatalf("command spans lines: %q", line)
	}
	rest := strings.TrimPrefix(line, "::error ")
	props, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no data separator: %q", line)
	}
	kv := strings.Split(props, ",")
	if len(kv) != 2 {
		t.Fatalf("properties = %q, want 2", kv)
	}
	unprop := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	undata := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%")
	for _, p := range kv {
		_, val, _ := strings.Cut(p, "=")
		if got := unprop.Replace(val); got != v {
			t.Errorf("property parses back to %q, want %q", got, v)
		}
	}
	if got := undata.Replace(data); got != v {
		t.Errorf("data parses back to %q, want %q", got, v)
	}
	if got := EscapeGitHubData("\x1b[31m"); got != `\x1b[31m` {
		t.Errorf("ESC in data = %q", got)
	}
}

func TestEscapeHelpers(t *testing.T) {
	for in, want := range map[string]string{
		"plain path/plan.docx": "plain path/plan.docx",
		"Café — ok":            "Café — ok",
		"a\nb":                 `a\nb`,
		"  ::x":                `  \x3a:x`,
		"a::b":                 "a::b",
		"\u202eevil":           `\u202eevil`,
		"bad\xffbyte":          `bad\xffbyte`,
	} {
		if got := EscapeText(in); got != want {
			t.Errorf("EscapeText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := EscapeMarkdown("a|b\n<script>"); got != `a\|b\\n\<script\>` {
		t.Errorf("EscapeMarkdown = %q", got)
	}
	if got := EscapeXML("a\x00b\tc"); got != "a\\x00b\tc" {
		t.Errorf("EscapeXML = %q", got)
	}
}

// TestTextOrderIsStable (issue 11, defect 14): findings on paths that are
// not documents of the run print in path order, the same on every run.
func TestTextOrderIsStable(t *testing.T) {
	mk := func() *finding.Result {
		r := &finding.Result{}
		for _, p := range []string{"q.md", "b.md", "z.md", "a.md", "m.md", "c.md", "x.md"} {
			r.Findings = append(r.Findings, finding.Finding{Rule: "TG-WAIVER-002", Title: "Unused waiver",
				Severity: finding.Warning, Status: finding.Fail, Path: p, Message: "waiver on " + p})
		}
		finding.Decide(r, nil, "2026-11-22", "error")
		return r
	}
	var first string
	for i := 0; i < 20; i++ {
		var b bytes.Buffer
		if err := (Text{}).Render(&b, mk()); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.String()
			if !(strings.Index(first, "a.md") < strings.Index(first, "b.md") && strings.Index(first, "q.md") < strings.Index(first, "z.md")) {
				t.Fatalf("paths not sorted:\n%s", first)
			}
		} else if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", i, b.String(), first)
		}
	}
}

// TestEscapeMarkdownAndXMLParseBack: a hostile value in a Markdown table
// row stays one row of the same cells, and in XML stays well-formed
// character data (the JUnit and Markdown formats build on these helpers).
func TestEscapeMarkdownAndXMLParseBack(t *testing.T) {
	h := hostile()
	row := "| " + EscapeMarkdown(h) + " | " + EscapeMarkdown(h) + " |"
	if strings.ContainsAny(row, "\r\n") {
		t.Fatalf("the row spans lines: %q", row)
	}
	cells := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++ // an escaped character
		case '|':
			cells++
		}
	}
	if cells != 3 {
		t.Errorf("the row has %d unescaped pipes, want 3: %q", cells, row)
	}
	if strings.Contains(row, "<") && !strings.Contains(row, `\<`) {
		t.Errorf("raw HTML in the row: %q", row)
	}
	var b bytes.Buffer
	if err := xml.EscapeText(&b, []byte(EscapeXML(h))); err != nil {
		t.Fatal(err)
	}
	doc := "<testcase><failure>" + b.String() + "</failure></testcase>"
	var v struct {
		Failure string `xml:"failure"`
	}
	if err := xml.Unmarshal([]byte(doc), &v); err != nil {
		t.Errorf("XML does not parse back: %v\n%q", err, doc)
	}
}
