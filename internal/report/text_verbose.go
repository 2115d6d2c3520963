package report

import (
	"fmt"
	"io"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// passedChecks lists, with -v, the checks that passed on one document (""
// for the submission): the evidence a reviewer reads beside the findings.
func (t Text) passedChecks(w io.Writer, r *finding.Result, path string) {
	if !t.Verbose {
		return
	}
	idx := ruleIndex(r)
	for _, c := range r.Checks {
		if c.Path != path || c.Status != finding.Pass {
			continue
		}
		scope := ""
		if c.Scope != "" {
			scope = "  " + t.paint(ansiDim, c.Scope)
		}
		fmt.Fprintf(w, "  %s %-13s %s%s\n", t.paint(ansiGreen, fmt.Sprintf("%-7s", "pass")), c.Rule, idx[c.Rule].Title, scope)
	}
}
