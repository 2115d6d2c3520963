package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// Text is the human report: findings grouped by document, then one summary
// line. Colour only when asked (a terminal without NO_COLOR).
type Text struct {
	Color   bool
	Verbose bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiDim    = "\x1b[2m"
	ansiGreen  = "\x1b[32m"
)

func (t Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

// Render writes the text report.
func (t Text) Render(w io.Writer, r *finding.Result) error {
	bw := bufio.NewWriter(w)
	byPath := map[string][]finding.Finding{}
	for _, f := range r.Findings {
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	for _, d := range r.Documents {
		fs := byPath[d.Path]
		if len(fs) == 0 && !t.Verbose {
			continue
		}
		kind := d.Kind
		if d.Status != finding.DocOK {
			kind = d.Status
		}
		how := ""
		if d.KindReason != "" && d.Status == finding.DocOK {
			how = " — " + d.KindReason
		}
		fmt.Fprintf(bw, "%s %s\n", t.paint(ansiBold, EscapeText(d.Path)), t.paint(ansiDim, "("+EscapeText(kind)+", "+EscapeText(d.Format)+EscapeText(how)+")"))
		t.findingsOf(bw, fs, &d, r)
		t.passedChecks(bw, r, d.Path)
		t.dcma(bw, r, d.Path)
		delete(byPath, d.Path)
	}
	if fs := byPath[""]; len(fs) > 0 {
		fmt.Fprintf(bw, "%s\n", t.paint(ansiBold, "submission"))
		t.findings(bw, fs)
		t.passedChecks(bw, r, "")
		delete(byPath, "")
	}
	// Findings on paths that are not documents of the run (waivers on
	// missing files): still shown, never dropped, in path order (a map's
	// order would make two runs print different reports).
	rest := make([]string, 0, len(byPath))
	for p := range byPath {
		rest = append(rest, p)
	}
	sort.Strings(rest)
	for _, p := range rest {
		fmt.Fprintf(bw, "%s\n", t.paint(ansiBold, EscapeText(p)))
		t.findings(bw, byPath[p])
	}
	t.procedures(bw, r.Procedures)
	s := r.Summary
	verdict := strings.ToUpper(s.Verdict)
	if s.Verdict == "pass" {
		verdict = t.paint(ansiGreen+ansiBold, verdict)
	} else {
		verdict = t.paint(ansiRed+ansiBold, verdict)
	}
	skipped := ""
	if s.Skipped > 0 {
		skipped = fmt.Sprintf(", %d skipped as unsupported", s.Skipped)
	}
	fmt.Fprintf(bw, "\n%d documents (%d unreadable%s): %d errors, %d warnings, %d info, %d waived, %d not assessable, %d checks passed — %s\n",
		s.Documents, s.Unreadable, skipped, s.Errors, s.Warnings, s.Infos, s.Waived, s.NotAssessable, s.PassedChecks, verdict)
	t.audit(bw, r)
	return bw.Flush()
}

func (t Text) findings(w io.Writer, fs []finding.Finding) { t.findingsOf(w, fs, nil, nil) }

// findingsOf prints findings of document d (nil for the submission); with
// -v, each finding is followed by the evidence its rule reads.
func (t Text) findingsOf(w io.Writer, fs []finding.Finding, d *finding.Document, r *finding.Result) {
	var idx map[string]finding.Rule
	if t.Verbose && d != nil && r != nil {
		idx = ruleIndex(r)
	}
	for _, f := range fs {
		label, color := string(f.Severity), ansiBlue
		switch {
		case f.Status == finding.Waived:
			label, color = "waived", ansiDim
		case f.Status == finding.NotAssessable:
			label, color = "n/a", ansiDim
		case f.Severity == finding.Error:
			color = ansiRed
		case f.Severity == finding.Warning:
			color = ansiYellow
		}
		loc := f.Location
		loc.Path = ""
		where := EscapeText(loc.String())
		if where != "" {
			where = "  " + t.paint(ansiDim, where)
		}
		fmt.Fprintf(w, "  %s %-13s %s%s\n", t.paint(color, fmt.Sprintf("%-7s", label)), EscapeText(f.Rule), EscapeText(f.Title), where)
		if f.Message != "" {
			fmt.Fprintf(w, "          %s\n", EscapeText(f.Message))
		}
		if f.Status == finding.Fail && f.Remediation != "" {
			fmt.Fprintf(w, "          %s %s\n", t.paint(ansiGreen, "fix:"), EscapeText(f.Remediation))
		}
		if idx != nil {
			t.evidence(w, d, idx[f.Rule])
		}
	}
}

// evidence prints, under a finding or a passed check, where the facts the
// rule reads were read from — or mentioned without a value that could be
// read — so a reviewer sees why.
func (t Text) evidence(w io.Writer, d *finding.Document, rule finding.Rule) {
	for _, field := range rule.Reads {
		for _, e := range d.Evidence {
			if e.Field != field {
				continue
			}
			verb := "read"
			if !e.Read {
				verb = "mentioned, not read"
			}
			loc := e.Loc
			loc.Path = ""
			where := loc.String()
			if where != "" {
				where += ": "
			}
			fmt.Fprintf(w, "          %s %s ← %s%q\n", t.paint(ansiDim, verb+":"), EscapeText(e.Field), EscapeText(where), EscapeText(e.Text))
		}
	}
}

// dcma prints the compact DCMA 14-point table of one schedule: each check
// with its measured value, threshold and result, passing checks included
// (a reviewer reads the whole assessment, not only what failed).
func (t Text) dcma(w io.Writer, r *finding.Result, path string) {
	var rows []finding.Check
	for _, c := range r.Checks {
		if c.Path == path && strings.HasPrefix(c.Rule, "SCHED-DCMA-") {
			rows = append(rows, c)
		}
	}
	if len(rows) == 0 {
		return
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Rule < rows[j].Rule })
	titles := map[string]string{}
	for _, rule := range r.Rules {
		title := rule.Title
		if i := strings.Index(title, " —"); i > 0 {
			title = title[:i] // "Logic — open tasks have …" → "Logic"
		}
		titles[rule.ID] = title
	}
	fmt.Fprintf(w, "  %s\n", t.paint(ansiBold, "DCMA 14-point assessment"))
	fmt.Fprintf(w, "    %-3s %-22s %16s %10s  %s\n", "#", "check", "value", "threshold", "result")
	for _, c := range rows {
		value, threshold := "-", "-"
		if m := c.Metrics; m != nil {
			if m.Numerator != nil && m.Denominator != nil && m.Value != nil {
				value = fmt.Sprintf("%g (%g/%g)", *m.Value, *m.Numerator, *m.Denominator)
			} else if m.Value != nil {
				value = fmt.Sprintf("%g", *m.Value)
			}
			if m.Threshold != nil {
				threshold = fmt.Sprintf("%g", *m.Threshold)
			}
		}
		result, color := string(c.Status), ansiGreen
		switch c.Status {
		case finding.Fail:
			color = ansiYellow
		case finding.NotAssessable, finding.NotApplicable:
			result, color = "n/a", ansiDim
		}
		fmt.Fprintf(w, "    %-3s %-22s %16s %10s  %s\n", EscapeText(strings.TrimPrefix(c.Rule, "SCHED-DCMA-")), EscapeText(titles[c.Rule]), value, threshold, t.paint(color, result))
	}
}

// procedures prints one line of verdict counts for the procedure clauses,
// then the clauses that are not satisfied with the rules that failed them.
func (t Text) procedures(w io.Writer, ps []finding.ProcedureResult) {
	if len(ps) == 0 {
		return
	}
	count := map[string]int{}
	for _, p := range ps {
		count[p.Verdict]++
	}
	fmt.Fprintf(w, "\n%s %d satisfied, %d not satisfied, %d waived, %d not applicable, %d not evaluated\n",
		t.paint(ansiBold, "procedures:"), count[finding.Satisfied], count[finding.NotSatisfied], count[finding.ProcWaived],
		count[finding.ProcNotAppl], count[finding.NotEvaluated])
	for _, p := range ps {
		if p.Verdict != finding.NotSatisfied {
			continue
		}
		var failed []string
		for _, e := range p.Rules {
			if e.Status == string(finding.Fail) && !slices.Contains(failed, e.ID) {
				failed = append(failed, e.ID)
			}
		}
		fmt.Fprintf(w, "  %s %s  %s (%s)\n", t.paint(ansiRed, "not satisfied"), EscapeText(p.ID), EscapeText(p.Title), EscapeText(strings.Join(failed, ", ")))
	}
}
