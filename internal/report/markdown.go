package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// Markdown is the report for a pull-request comment or a job summary:
// verdict, counts, compliance by procedure, a scorecard per document, the
// findings with their location and how to fix them, waivers, passed rules
// and the audit record. Summary keeps only the verdict, the counts and
// what failed (GITHUB_STEP_SUMMARY).
//
// Every value from a document or a path goes through md, which keeps it
// on one line and inert: no value can start a line, close a table cell,
// open a code span or inject HTML.
type Markdown struct {
	Summary bool
}

// Render writes the Markdown report.
func (m Markdown) Render(w io.Writer, r *finding.Result) error {
	bw := bufio.NewWriter(w)
	s := r.Summary
	icon := "✅"
	if s.Verdict != "pass" {
		icon = "❌"
	}
	fmt.Fprintf(bw, "## %s tollgate: %s\n\n", icon, strings.ToUpper(s.Verdict))
	fmt.Fprintf(bw, "%d documents checked (%d unreadable) as of %s", s.Documents, s.Unreadable, md(r.Run.AsOf))
	if s.Skipped > 0 {
		fmt.Fprintf(bw, "; %d files skipped as unsupported", s.Skipped)
	}
	bw.WriteString(".\n\n")
	fmt.Fprintf(bw, "| Errors | Warnings | Info | Waived | Not assessable | Checks passed |\n|---:|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(bw, "| %d | %d | %d | %d | %d | %d |\n\n", s.Errors, s.Warnings, s.Infos, s.Waived, s.NotAssessable, s.PassedChecks)
	if s.Documents == 0 {
		bw.WriteString("> **No documents were found**: nothing was checked.\n\n")
	}

	if m.Summary {
		m.failingRules(bw, r)
		m.failingProcedures(bw, r)
		return bw.Flush()
	}
	m.procedures(bw, r)
	m.scorecard(bw, r)
	m.findings(bw, r)
	m.waivers(bw, r)
	m.passed(bw, r)
	m.audit(bw, r)
	return bw.Flush()
}

func (Markdown) failingRules(w *bufio.Writer, r *finding.Result) {
	type row struct {
		rule finding.Rule
		n    int
		docs []string
	}
	var rows []*row
	at := map[string]*row{}
	idx := ruleIndex(r)
	for _, f := range r.Findings {
		if !failing(f) {
			continue
		}
		x := at[f.Rule]
		if x == nil {
			x = &row{rule: idx[f.Rule]}
			at[f.Rule] = x
			rows = append(rows, x)
		}
		x.n++
		if d := docLabel(f.Path); len(x.docs) == 0 || x.docs[len(x.docs)-1] != d {
			x.docs = append(x.docs, d)
		}
	}
	if len(rows) == 0 {
		return
	}
	w.WriteString("### Failing rules\n\n| Rule | Severity | Findings | Documents |\n|---|---|---:|---|\n")
	for _, x := range rows {
		docs := make([]string, len(x.docs))
		for i, d := range x.docs {
			docs[i] = md(d)
		}
		fmt.Fprintf(w, "| %s %s | %s | %d | %s |\n", md(x.rule.ID), md(x.rule.Title), x.rule.Severity, x.n, strings.Join(docs, ", "))
	}
	w.WriteString("\n")
}

func (Markdown) failingProcedures(w *bufio.Writer, r *finding.Result) {
	first := true
	for _, p := range r.Procedures {
		if p.Verdict != finding.NotSatisfied {
			continue
		}
		if first {
			w.WriteString("### Procedure clauses not satisfied\n\n")
			first = false
		}
		fmt.Fprintf(w, "- %s (%s; rules %s)\n", md(p.Title), md(p.ID), md(strings.Join(failedRules(p), ", ")))
	}
	if !first {
		w.WriteString("\n")
	}
}

func (m Markdown) procedures(w *bufio.Writer, r *finding.Result) {
	if len(r.Procedures) == 0 {
		return
	}
	w.WriteString("### Compliance by procedure\n\n| Procedure | Satisfied | Not satisfied | Waived | Not evaluated | Not applicable |\n|---|---:|---:|---:|---:|---:|\n")
	for _, g := range procedureGroups(r.Procedures) {
		c := g.Count
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d |\n", md(g.Name), c[finding.Satisfied], c[finding.NotSatisfied],
			c[finding.ProcWaived], c[finding.NotEvaluated], c[finding.ProcNotAppl])
	}
	w.WriteString("\n")
	m.failingProcedures(w, r)
}

func (Markdown) scorecard(w *bufio.Writer, r *finding.Result) {
	if len(r.Documents) == 0 {
		return
	}
	cards := scorecards(r)
	w.WriteString("### Documents\n\n| Document | Kind | Checks passed | Failed | Waived | Not assessable | Errors | Warnings |\n|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, d := range r.Documents {
		c := cards[d.Path]
		if c == nil {
			c = &scorecard{}
		}
		kind := d.Kind
		if d.Status != finding.DocOK {
			kind = d.Status
		}
		fmt.Fprintf(w, "| %s | %s | %d | %d | %d | %d | %d | %d |\n", md(d.Path), md(kind), c.Pass, c.Fail, c.Waived, c.NotAssessable, c.Errors, c.Warnings)
	}
	w.WriteString("\n")
	for _, d := range r.Documents {
		if d.Status == finding.DocSkipped {
			fmt.Fprintf(w, "- Not checked: %s (%s)\n", md(d.Path), md(d.Error))
		}
	}
	if r.Summary.Skipped > 0 {
		w.WriteString("\n")
	}
}

func (Markdown) findings(w *bufio.Writer, r *finding.Result) {
	if len(r.Findings) == 0 {
		return
	}
	w.WriteString("### Findings\n\n")
	shown := 0
	for _, g := range groupByDocument(r, false) {
		if shown >= mdMaxFindings {
			break
		}
		fmt.Fprintf(w, "#### %s\n\n", md(docLabel(g.Path)))
		for _, f := range g.Findings {
			if shown >= mdMaxFindings {
				break
			}
			shown++
			loc := where(f.Location)
			if loc != "" {
				loc = " — " + md(loc)
			}
			tag := ""
			if f.Baseline == "new" {
				tag = " 🆕"
			}
			fmt.Fprintf(w, "- **%s** %s: %s%s%s\n", md(findingLabel(f)), md(f.Rule), md(f.Title), loc, tag)
			if f.Message != "" {
				fmt.Fprintf(w, "  %s\n", md(f.Message))
			}
			if f.Status == finding.Waived && f.Waiver != nil {
				fmt.Fprintf(w, "  *Waived:* %s (approved by %s%s)\n", md(f.Waiver.Reason), md(f.Waiver.ApprovedBy), mdExpires(f.Waiver.Expires))
			} else if failing(f) && f.Remediation != "" {
				fmt.Fprintf(w, "  *Fix:* %s\n", md(f.Remediation))
			}
		}
		w.WriteString("\n")
	}
	if n := len(r.Findings); n > shown {
		fmt.Fprintf(w, "*… and %d more findings: see the HTML, XLSX or SARIF report.*\n\n", n-shown)
	}
}

// mdMaxFindings bounds the findings a Markdown report lists one by one: a
// pull-request comment holds at most 65,536 characters. The counts, the
// procedures and the scorecard still cover everything.
const mdMaxFindings = 150

func mdExpires(e string) string {
	if e == "" {
		return ""
	}
	return ", expires " + md(e)
}

func (Markdown) waivers(w *bufio.Writer, r *finding.Result) {
	if len(r.Waivers) == 0 {
		return
	}
	w.WriteString("### Waivers\n\n| Rule | Path | Reason | Approved by | Expires | State | Matched |\n|---|---|---|---|---|---|---:|\n")
	for _, x := range r.Waivers {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %d |\n", md(x.Rule), md(x.Path), md(x.Reason), md(x.ApprovedBy), md(x.Expires), md(x.State), x.Matched)
	}
	w.WriteString("\n")
}

func (Markdown) passed(w *bufio.Writer, r *finding.Result) {
	ps := passedRules(r)
	if len(ps) == 0 {
		return
	}
	fmt.Fprintf(w, "<details><summary>%d rules passed every check</summary>\n\n", len(ps))
	for _, ru := range ps {
		fmt.Fprintf(w, "- %s: %s (%d checks)\n", md(ru.ID), md(ru.Title), ru.Checked)
	}
	w.WriteString("\n</details>\n\n")
}

func (Markdown) audit(w *bufio.Writer, r *finding.Result) {
	w.WriteString("<details><summary>Audit record</summary>\n\n| | |\n|---|---|\n")
	row := func(k, v string) { fmt.Fprintf(w, "| %s | %s |\n", k, md(v)) }
	row("Tool", r.Tool.Name+" "+r.Tool.Version)
	row("OPA", r.Tool.OPAVersion)
	row("Policy digest", r.Run.PolicyDigest)
	row("Config digest", r.Run.ConfigDigest)
	row("As of", r.Run.AsOf)
	row("Command", r.Run.Command)
	for _, d := range r.Documents {
		row("sha256 "+md(d.Path), d.SHA256)
	}
	w.WriteString("\n</details>\n")
}

// md makes a value inert in Markdown: one line (line breaks and other
// control characters become spaces), HTML-significant characters as
// entities, inline Markdown punctuation backslash-escaped (no pipe ends a
// table cell, no backtick opens a code span, no bracket makes a link), and
// a value's first character escaped when it could open a block (a list
// item, heading, quote, "1." list) or a "::" command.
func md(s string) string {
	var b strings.Builder
	digits := 0
	for i, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_[]|~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case i == 0 && r == ':':
			b.WriteString("&#58;")
		case i == 0 && strings.ContainsRune("#+-=!", r), i == digits && digits > 0 && (r == '.' || r == ')'):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		if i == digits && r >= '0' && r <= '9' {
			digits++
		}
	}
	return b.String()
}
