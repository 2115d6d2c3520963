package report

import (
	"bufio"
	"fmt"
	"io"
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
		fmt.Fprintf(bw, "%s %s\n", t.paint(ansiBold, d.Path), t.paint(ansiDim, "("+kind+", "+d.Format+")"))
		t.findings(bw, fs)
		delete(byPath, d.Path)
	}
	if fs := byPath[""]; len(fs) > 0 {
		fmt.Fprintf(bw, "%s\n", t.paint(ansiBold, "submission"))
		t.findings(bw, fs)
		delete(byPath, "")
	}
	// Findings on paths that are not documents of the run (waivers on
	// missing files): still shown, never dropped.
	for p, fs := range byPath {
		fmt.Fprintf(bw, "%s\n", t.paint(ansiBold, p))
		t.findings(bw, fs)
	}
	s := r.Summary
	verdict := strings.ToUpper(s.Verdict)
	if s.Verdict == "pass" {
		verdict = t.paint(ansiGreen+ansiBold, verdict)
	} else {
		verdict = t.paint(ansiRed+ansiBold, verdict)
	}
	fmt.Fprintf(bw, "\n%d documents (%d unreadable): %d errors, %d warnings, %d info, %d waived, %d not assessable, %d checks passed — %s\n",
		s.Documents, s.Unreadable, s.Errors, s.Warnings, s.Infos, s.Waived, s.NotAssessable, s.PassedChecks, verdict)
	return bw.Flush()
}

func (t Text) findings(w io.Writer, fs []finding.Finding) {
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
		where := loc.String()
		if where != "" {
			where = "  " + t.paint(ansiDim, where)
		}
		fmt.Fprintf(w, "  %s %-13s %s%s\n", t.paint(color, fmt.Sprintf("%-7s", label)), f.Rule, f.Title, where)
		if f.Message != "" {
			fmt.Fprintf(w, "          %s\n", f.Message)
		}
	}
}
