package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// The QASP and STATUS rules on real documents: the 18F QASP (docx, and its
// Markdown twin rewritten as an SLA) and the Packt status report, each
// filled in to be compliant; then one defect at a time is seeded and
// exactly the rule that encodes it must fire, at the expected place.

// --- WordprocessingML surgery -------------------------------------------------

// elems splits s into the top-level <tag> elements it contains (no nesting
// of the same tag), each element running to the start of the next, so
// joining pre, elems and post gives s back.
func elems(s, tag string) (pre string, out []string, post string) {
	open := func(from int) int {
		best := -1
		for _, o := range []string{"<" + tag + ">", "<" + tag + " "} {
			if i := strings.Index(s[from:], o); i >= 0 && (best < 0 || from+i < best) {
				best = from + i
			}
		}
		return best
	}
	closeTag := "</" + tag + ">"
	start := open(0)
	if start < 0 {
		return s, nil, ""
	}
	pre = s[:start]
	for start >= 0 {
		end := strings.Index(s[start:], closeTag) + start + len(closeTag)
		next := open(end)
		if next < 0 {
			out = append(out, s[start:end])
			post = s[end:]
			break
		}
		out = append(out, s[start:next])
		start = next
	}
	return pre, out, post
}

// wpara is a paragraph of one run in the given style ("" = none).
func wpara(style, text string) string {
	p := `<w:p>`
	if style != "" {
		p += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return p + `<w:r>` + wt(text) + `</w:r></w:p>`
}

// setCell replaces the content of cell col of a <w:tr> with one paragraph.
func setCell(row string, col int, text string) string {
	pre, cells, post := elems(row, "w:tc")
	c := cells[col]
	end := strings.LastIndex(c, "</w:tc>")
	head := c[:strings.Index(c, ">")+1]
	if i := strings.Index(c, "</w:tcPr>"); i >= 0 {
		head = c[:i+len("</w:tcPr>")]
	}
	cells[col] = head + wpara("", text) + c[end:]
	return pre + strings.Join(cells, "") + post
}

// editTables rewrites the rows of each table (1-based index) of a body.
func editTables(body string, fn func(n int, rows []string) []string) string {
	pre, tbls, post := elems(body, "w:tbl")
	for i, tb := range tbls {
		end := strings.LastIndex(tb, "</w:tbl>")
		rpre, rows, rpost := elems(tb[:end], "w:tr")
		tbls[i] = rpre + strings.Join(fn(i+1, rows), "") + rpost + tb[end:]
	}
	return pre + strings.Join(tbls, "") + post
}

// setParagraph replaces the runs of the first paragraph whose text
// contains marker (keeping its paragraph properties) with one run.
func setParagraph(body, marker, text string) (string, error) {
	pre, ps, post := elems(body, "w:p")
	for i, p := range ps {
		if !strings.Contains(plain(p), marker) {
			continue
		}
		end := strings.Index(p, "</w:p>")
		head := p[:strings.Index(p, ">")+1]
		if j := strings.Index(p, "</w:pPr>"); j >= 0 && j < end {
			head = p[:j+len("</w:pPr>")]
		}
		if text == "" {
			ps[i] = p[end+len("</w:p>"):] // the paragraph goes, what follows it stays
		} else {
			ps[i] = head + `<w:r>` + wt(text) + `</w:r>` + p[end:]
		}
		return pre + strings.Join(ps, "") + post, nil
	}
	return "", fmt.Errorf("no paragraph with %q", marker)
}

// insertAfter puts xml after the paragraph whose text contains marker.
func insertAfter(body, marker, xml string) (string, error) {
	pre, ps, post := elems(body, "w:p")
	for i, p := range ps {
		if strings.Contains(plain(p), marker) {
			end := strings.Index(p, "</w:p>") + len("</w:p>")
			ps[i] = p[:end] + xml + p[end:]
			return pre + strings.Join(ps, "") + post, nil
		}
	}
	return "", fmt.Errorf("no paragraph with %q", marker)
}

// plain is the text of the w:t nodes of an XML fragment (entities as written).
func plain(x string) string {
	var b strings.Builder
	for {
		i := strings.Index(x, "<w:t")
		if i < 0 {
			return b.String()
		}
		x = x[i:]
		gt := strings.Index(x, ">")
		if x[gt-1] == '/' || !(x[4] == '>' || x[4] == ' ') { // <w:t/>, <w:tbl>, <w:tc> …
			x = x[gt+1:]
			continue
		}
		end := strings.Index(x, "</w:t>")
		b.WriteString(x[gt+1 : end])
		x = x[end:]
	}
}

func rewriteDocx(t *testing.T, src, dst string, fn func(body string) (string, error)) {
	t.Helper()
	if err := testdocs.RewritePart(src, dst, "word/document.xml", func(b []byte) ([]byte, error) {
		s, err := fn(string(b))
		return []byte(s), err
	}); err != nil {
		t.Fatal(err)
	}
}

// --- the compliant QASP --------------------------------------------------------

const qaspDoc = "QASP.docx"

// qaspRecords fill the 18F QASP's nine record tables (in order) with
// measurable standards, acceptable quality levels and recognized
// surveillance methods, in place of the template's prompts.
var qaspRecords = [9][3]string{
	{"At least 90% of the code delivered in each sprint is covered by automated tests.", "Minimum of 90% coverage in each sprint; all areas of code are meaningfully tested.", "Combination of manual review and execution of the automated tests"},
	{"Code follows the Harbor coding style guide with 0 linting errors in each sprint.", "0 linting errors and 0 warnings", "Automated testing (linter in the build) and code review"},
	{"Every page meets the Web Content Accessibility Guidelines (WCAG) 2.1 AA.", "0 errors reported by an automated scanner and 0 errors in manual testing.", "Combination of automated and manual testing with Accessibility Insights"},
	{"Every merge builds and deploys to staging and production within 30 minutes.", "100% of successful builds deploy automatically; a failed deployment rolls back with no downtime.", "Automated monitoring of the deployment pipeline"},
	{"A summary of the user stories completed is delivered every sprint; all dependencies and their licenses are documented.", "100% of dependencies listed; major functionality documented each sprint.", "Manual review"},
	{"Code is free of known static and runtime vulnerabilities.", "0 medium- or high-level static or dynamic vulnerabilities per release.", "Automated scans (Snyk, OWASP ZAP) and code review"},
	{"Usability testing with end users is conducted at least every 2 sprints.", "Research plans and artifacts are delivered at the end of every applicable sprint.", "The Harbor program office will manually evaluate the artifacts each sprint."},
	{"Each sprint delivers the user stories agreed at sprint planning.", "100% of delivered stories meet their acceptance criteria.", "Manual review"},
	{"All API endpoints are documented and semantically versioned at the end of every sprint.", "100% of endpoints, parameters, defaults and outputs documented each sprint.", "Combination of manual review and automated testing"},
}

// qaspExtra are the record rows the compliant plan adds to every table
// (rows 5–8): PWS trace, frequency, evaluator and remedy.
var qaspExtra = [][2]string{
	{"PWS Reference", "PWS 3.%d"},
	{"Surveillance Frequency", "Every sprint"},
	{"Responsible", "COR (Luis Ortega)"},
	{"Remedy", "Corrective action request; nonconforming work is re-performed at no additional cost"},
}

// writeQASP writes the 18F QASP docx filled in to be compliant.
func writeQASP(t *testing.T, dir string) {
	t.Helper()
	src := filepath.Join(testdocs.CorpusDir(), "18f", "QASP.docx")
	intro := wpara("", "This QASP surveils the Performance Work Statement (PWS) of order 47QTCA26F0012 for the Harbor Payroll Modernization platform.") +
		wpara("", "Contracting Officer: Dana Whitfield") +
		wpara("", "Contracting Officer's Representative (COR): Luis Ortega") +
		wpara("", "The COR records each inspection in the surveillance record and issues a corrective action request for any deliverable below its acceptable quality level. Performance is reviewed quarterly with the contractor.")
	// The signature block goes last, so the record tables keep their numbers.
	approvals := wpara("", "Approval") + testdocs.Render([]testdocs.Block{testdocs.Table([]string{"Name", "Title", "Signature", "Date"},
		[]string{"Dana Whitfield", "Contracting Officer", "/s/ Dana Whitfield", "September 14, 2026"})}, testdocs.Styles{})
	rewriteDocx(t, src, filepath.Join(dir, qaspDoc), func(body string) (string, error) {
		body = editTables(body, func(n int, rows []string) []string {
			for i, text := range qaspRecords[n-1] {
				rows[i+1] = setCell(rows[i+1], 1, text)
			}
			last := rows[len(rows)-1]
			for _, x := range qaspExtra {
				v := x[1]
				if strings.Contains(v, "%d") {
					v = fmt.Sprintf(v, n)
				}
				rows = append(rows, setCell(setCell(last, 0, x[0]), 1, v))
			}
			return rows
		})
		sect := strings.LastIndex(body, "<w:sectPr")
		body = body[:sect] + approvals + body[sect:]
		return insertAfter(body, "The following chart sets forth", intro)
	})
}

// qaspCell blanks or rewrites one cell (table n, 1-based row, column 2).
func qaspCell(n, row int, text string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, qaspDoc)
		rewriteBody(t, p, func(body string) (string, error) {
			return editTables(body, func(i int, rows []string) []string {
				if i == n {
					rows[row-1] = setCell(rows[row-1], 1, text)
				}
				return rows
			}), nil
		})
	}
}

// --- the SLA (the 18F QASP in Markdown, as service levels) ---------------------

const slaDoc = "SLA.md"

// writeSLA rewrites the 18F QASP.md as an SLA: a front-matter title, the
// template's bracket prompts filled, and each record table given a
// measurement period, reporting owner and service credit.
func writeSLA(t *testing.T, dir string) {
	t.Helper()
	md := string(testdocs.Corpus(t, "18f/QASP.md"))
	for _, r := range [][2]string{
		{"[Link to an agency-specific coding style guide, like some of the appropriate [TTS Engineering Practices Guides](https://engineering.18f.gov/)]", "The Harbor coding style guide"},
		{"**[Government must select one of the following scenarios]**", "builds to trigger automatically from version control"},
		{"[the agency]", "Harbor"}, {"[Agency]", "Harbor"}, {"[repository]", "repository"},
	} {
		if !strings.Contains(md, r[0]) {
			t.Fatalf("QASP.md no longer holds %q", r[0])
		}
		md = strings.ReplaceAll(md, r[0], r[1])
	}
	var out []string
	for _, line := range strings.Split(md, "\n") {
		out = append(out, line)
		if strings.HasPrefix(line, "| **Method of Assessment**") {
			out = append(out,
				"| **Measurement Period**       | Monthly |",
				"| **Reporting Owner**          | Service Delivery Manager |",
				"| **Service Credit**           | 2% of the monthly fee for each month below the level |")
		}
	}
	doc := "---\ntitle: Harbor Payroll Platform Service Level Agreement\n---\n\n" + strings.Join(out, "\n")
	if err := os.WriteFile(filepath.Join(dir, slaDoc), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
}

// --- the compliant status report -------------------------------------------------

const statusDoc = "Status-Report.docx"

var (
	packtTable = testdocs.Styles{Table: "TableGrid", TableHead: "IMG-Caption", TableText: "IMG-Caption"}
	activities = testdocs.Table(
		[]string{"IMS", "Activities", "Owner", "% Complete", "Baseline/ Projected Finish", "Actual Finish", "Status", "Notes and Escalation"},
		[]string{"4.2.1", "Parallel payroll run 2", "M. Chen", "100%", "November 6, 2026", "November 6, 2026", "B", "Reconciled to the cent"},
		[]string{"4.2.2", "Parallel payroll run 3", "M. Chen", "50%", "November 27, 2026", "", "G", ""},
		[]string{"4.3.1", "Interface file format update", "R. Osei", "75%", "November 10, 2026", "", "Y", "Partner six days late"},
		[]string{"4.4.1", "Cutover rehearsal", "L. Ortega", "0%", "December 11, 2026", "", "P", ""},
	)
	milestones = testdocs.Table(
		[]string{"IMS", "Milestones", "Owner", "Baseline/ Projected Finish", "Actual Finish", "Status", "Notes"},
		[]string{"M-4.1", "Parallel run 2 accepted", "M. Chen", "November 9, 2026", "November 9, 2026", "B", ""},
		[]string{"M-4.2", "Go/No-Go decision", "A. Patel", "December 14, 2026", "", "P", ""},
	)
)

// writeStatus writes the Packt status report template filled in with a
// Harbor status as of 13 November 2026, with the M3 template's activity
// and milestone tables, dated accomplishments and upcoming work, and spend.
func writeStatus(t *testing.T, dir string) {
	t.Helper()
	src := filepath.Join(testdocs.CorpusDir(), "packt-tpm2e", "Status Report.docx")
	added := wpara("", "Go-Live Variance: 6 days") +
		wpara("", "Spend to Date: $3.1M of $12.5M budget") +
		wpara("H2-Heading", "Major Activities") + testdocs.Render([]testdocs.Block{activities}, packtTable) +
		wpara("H2-Heading", "Major Milestones") + testdocs.Render([]testdocs.Block{milestones}, packtTable) +
		wpara("H2-Heading", "Key Recent Accomplishments") +
		wpara("L-Bullets", "Parallel payroll run 2 reconciled to the cent (November 6, 2026)") +
		wpara("L-Bullets", "Interface partner confirmed the file format (November 12, 2026)") +
		wpara("H2-Heading", "Key Upcoming Activities") +
		wpara("L-Bullets", "Parallel payroll run 3 (November 27, 2026)") +
		wpara("L-Bullets", "Cutover rehearsal (December 11, 2026)")
	rewriteDocx(t, src, filepath.Join(dir, statusDoc), func(body string) (string, error) {
		var err error
		for _, p := range [][2]string{
			{"Status: [Date of Report]", "Harbor Payroll Modernization Program Status: November 13, 2026"},
			{"Next Status: [Date]", "Next Status: November 20, 2026"},
			{"[next milestone", "Status: Yellow for the parallel payroll run 3 milestone"},
			{"Summary:", "Summary: Parallel run 2 reconciled; the interface partner's file format change is six days late and is absorbed in the run 3 window."},
			{"Path to Green", "Path to Green: Yellow until the interface file format update is in test; ETA November 20, 2026."},
			{"Leadership Review", "Next Leadership Review: December 1, 2026"}, // the first one is "Next Leadership Review"
			{"Senior Leadership Review", "Next Senior Leadership Review: December 15, 2026"},
			{"Next Status: [Date]", "Next Status: November 20, 2026"}, // the one under Communication Schedule
		} {
			if body, err = setParagraph(body, p[0], p[1]); err != nil {
				return "", err
			}
		}
		body = editTables(body, func(n int, rows []string) []string {
			switch n {
			case 1: // Open Issues: Id | Issue | Update | Status | Owner | Date
				for c, v := range []string{"1", "Interface file format change late", "Partner delivers November 20", "Yellow", "R. Osei", "November 20, 2026"} {
					rows[1] = setCell(rows[1], c, v)
				}
			case 2: // Risk Log: Id | Risk | Probability | Impact | Strategy
				for c, v := range []string{"1", "If the state tax tables are not certified by December 4, then go-live slips", "Medium", "High", "Mitigation: weekly checkpoint with the state tax office"} {
					rows[1] = setCell(rows[1], c, v)
				}
			}
			return rows
		})
		if body, err = setParagraph(body, "Development Lead:", "TPM: A. Patel"); err != nil {
			return "", err
		}
		return insertAfter(body, "Path to Green", added)
	})
}

// statusCell rewrites a cell of a table of the status report (1-based
// table and row, 0-based column).
func statusCell(n, row, col int, text string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		rewriteBody(t, filepath.Join(dir, statusDoc), func(body string) (string, error) {
			return editTables(body, func(i int, rows []string) []string {
				if i == n {
					rows[row-1] = setCell(rows[row-1], col, text)
				}
				return rows
			}), nil
		})
	}
}

func statusPara(marker, text string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		rewriteBody(t, filepath.Join(dir, statusDoc), func(body string) (string, error) { return setParagraph(body, marker, text) })
	}
}

// --- the fixtures -------------------------------------------------------------

// findings lists the fail findings of a run at any severity (STATUS-006 and
// XDOC-013 are info).
func findings(out *finding.Result) []finding.Finding {
	var fs []finding.Finding
	for _, f := range out.Findings {
		if f.Status == finding.Fail {
			fs = append(fs, f)
		}
	}
	return fs
}

func TestQASPStatusSeededDefects(t *testing.T) {
	t.Parallel()
	write := func(t *testing.T) string {
		dir := t.TempDir()
		writeQASP(t, dir)
		writeSLA(t, dir)
		writeStatus(t, dir)
		return dir
	}
	ours := func(rule string) bool { return strings.HasPrefix(rule, "QASP-") || strings.HasPrefix(rule, "STATUS-") }
	base := map[string]bool{}
	out := runDir(t, write(t))
	kinds := map[string]string{}
	for _, d := range out.Documents {
		kinds[filepath.Base(d.Path)] = d.Kind
	}
	for name, want := range map[string]string{qaspDoc: "qasp", slaDoc: "sla", statusDoc: "status_report"} {
		if kinds[name] != want {
			t.Fatalf("%s classified as %q, want %s", name, kinds[name], want)
		}
	}
	for _, f := range findings(out) {
		base[key(f)] = true
		if ours(f.Rule) || f.Severity == finding.Error {
			t.Errorf("the compliant documents raise %s (%s) at %s: %s", f.Rule, f.Severity, f.Location, f.Message)
		}
	}
	for _, f := range out.Findings {
		if ours(f.Rule) && f.Status == finding.NotAssessable {
			t.Errorf("the compliant documents leave %s not assessable: %s", f.Rule, f.Message)
		}
	}
	removeQASPTables := func(t *testing.T, dir string) {
		rewriteBody(t, filepath.Join(dir, qaspDoc), func(body string) (string, error) {
			pre, tbls, post := elems(body, "w:tbl")
			var keep []string
			for _, tb := range tbls {
				if strings.Contains(plain(tb), "Signature") {
					keep = append(keep, tb)
				} else {
					keep = append(keep, tb[strings.LastIndex(tb, "</w:tbl>")+len("</w:tbl>"):])
				}
			}
			return pre + strings.Join(keep, "") + post, nil
		})
	}
	slaCell := func(old, new string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, slaDoc)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			// Only the fourth record table loses its owner.
			s := string(b)
			at := strings.Index(s, "**Deployed code**")
			i := strings.Index(s[at:], old) + at
			if err := os.WriteFile(p, []byte(s[:i]+new+s[i+len(old):]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, fx := range []struct {
		name, rule string
		seed       func(*testing.T, string)
		file       string
		at         document.Loc
	}{
		{"no requirements", "QASP-001", removeQASPTables, qaspDoc, document.Loc{}},
		{"unmeasurable standard", "QASP-002", qaspCell(3, 2, "The user interface is accessible and easy to use."), qaspDoc, document.Loc{Table: 3, Row: 2}},
		{"no AQL", "QASP-003", qaspCell(5, 3, ""), qaspDoc, document.Loc{Table: 5, Row: 3}},
		{"unknown method", "QASP-004", qaspCell(6, 4, "As the government sees fit"), qaspDoc, document.Loc{Table: 6, Row: 4}},
		{"no evaluator", "QASP-005", qaspCell(7, 7, ""), qaspDoc, document.Loc{Table: 7, Row: 7}},
		{"no PWS reference", "QASP-006", qaspCell(8, 5, ""), qaspDoc, document.Loc{Table: 8, Row: 5}},
		{"SLA without owner", "QASP-007", slaCell("Service Delivery Manager", ""), slaDoc, document.Loc{Table: 4, Row: 6}},
		{"no as-of date", "STATUS-001", statusPara("Program Status: November 13, 2026", "Harbor Payroll Modernization Program Status"), statusDoc, document.Loc{}},
		{"no colour", "STATUS-002", statusPara("Status: Yellow", "Status: On schedule for the parallel payroll run 3 milestone"), statusDoc, document.Loc{Section: "Executive Summary"}},
		{"colour contradicts variance", "STATUS-002", statusPara("Go-Live Variance", "Go-Live Variance: 14 days"), statusDoc, document.Loc{Section: "Executive Summary"}},
		{"no owner", "STATUS-003", statusCell(1, 4, 2, ""), statusDoc, document.Loc{Table: 1, Row: 4}},
		{"complete without actual finish", "STATUS-004", statusCell(1, 3, 6, "B"), statusDoc, document.Loc{Table: 1, Row: 3}},
		{"risk without response", "STATUS-005", statusCell(4, 2, 4, ""), statusDoc, document.Loc{Table: 4, Row: 2}},
		{"no spend", "STATUS-006", statusPara("Spend to Date", ""), statusDoc, document.Loc{}},
	} {
		parent := t
		t.Run(fx.rule+" "+fx.name, func(t *testing.T) {
			dir := write(t)
			fx.seed(t, dir)
			onlyRuleAt(t, newFindings(findings(runDir(t, dir)), base), fx.rule, fx.file, fx.at)
			fixturePassed(t, fx.rule, parent)
		})
	}
}
