package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// GitHub prints GitHub Actions workflow commands, one annotation per
// failing finding: "::error file=…,line=…,title=RULE-ID::message". Every
// value is escaped the way the runner unescapes it (ghData, ghProperty),
// so a document's text holding "%", line breaks or "::" cannot end the
// annotation or start another command.
type GitHub struct{}

// Render writes the annotations and one closing notice with the verdict.
func (GitHub) Render(w io.Writer, r *finding.Result) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		if !failing(f) {
			continue
		}
		cmd := "notice"
		switch f.Severity {
		case finding.Error:
			cmd = "error"
		case finding.Warning:
			cmd = "warning"
		}
		var props []string
		if f.Path != "" {
			props = append(props, "file="+ghProperty(uri(r.Run.Root, f.Path)))
			if f.Location.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Location.Line))
			}
		}
		props = append(props, "title="+ghProperty(f.Rule+" "+f.Title))
		msg := f.Message
		if f.Location.Line == 0 && where(f.Location) != "" {
			msg += "\nat " + fullWhere(f)
		}
		if f.Remediation != "" {
			msg += "\nFix: " + f.Remediation
		}
		if f.Baseline != "" {
			msg += "\n(" + f.Baseline + " against the baseline)"
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData(msg))
	}
	s := r.Summary
	fmt.Fprintf(bw, "::notice title=%s::%s\n", ghProperty("tollgate "+strings.ToUpper(s.Verdict)),
		ghData(fmt.Sprintf("%d documents: %d errors, %d warnings, %d info, %d waived, %d not assessable, %d checks passed\n%s %s (OPA %s), as of %s, policy digest %s, config digest %s",
			s.Documents, s.Errors, s.Warnings, s.Infos, s.Waived, s.NotAssessable, s.PassedChecks,
			r.Tool.Name, r.Tool.Version, r.Tool.OPAVersion, r.Run.AsOf, r.Run.PolicyDigest, firstNonEmptyStr(r.Run.ConfigDigest, "none"))))
	return bw.Flush()
}

// ghData escapes a workflow command's message the way the runner
// unescapes it (%25, %0D, %0A); other control characters, which the
// runner would pass to the log as they are, become U+FFFD.
func ghData(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ghProperty escapes a workflow command property value: ghData plus ":"
// and ",", which separate properties.
func ghProperty(s string) string {
	s = ghData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}
