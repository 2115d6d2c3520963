package report

import (
	"fmt"
	"io"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// audit is the audit record's line (every report carries one): tool and
// OPA versions, as_of, the policy and config digests; with -v each input's
// sha256 too.
func (t Text) audit(w io.Writer, r *finding.Result) {
	cfg := "none"
	if r.Run.ConfigDigest != "" {
		cfg = short(r.Run.ConfigDigest)
	}
	fmt.Fprintf(w, "%s\n", t.paint(ansiDim, fmt.Sprintf("%s %s (OPA %s) · as of %s · policy %s · config %s",
		r.Tool.Name, r.Tool.Version, r.Tool.OPAVersion, r.Run.AsOf, short(r.Run.PolicyDigest), cfg)))
	if !t.Verbose {
		return
	}
	for _, d := range r.Documents {
		if d.SHA256 != "" {
			fmt.Fprintf(w, "%s\n", t.paint(ansiDim, "sha256 "+d.SHA256+"  "+EscapeText(d.Path)))
		}
	}
}

func short(digest string) string {
	if len(digest) > 12 {
		return digest[:12]
	}
	return digest
}

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
		for i := range r.Documents {
			if r.Documents[i].Path == path && path != "" {
				t.evidence(w, &r.Documents[i], idx[c.Rule])
			}
		}
	}
}
