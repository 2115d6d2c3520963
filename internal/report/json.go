package report

import (
	"encoding/json"
	"io"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// JSON renders the report contract (docs/architecture.md, "JSON report").
type JSON struct{}

// Render writes r as indented JSON. Empty lists are written as [] so
// consumers never meet null where the contract promises an array.
func (JSON) Render(w io.Writer, r *finding.Result) error {
	out := *r
	if out.Documents == nil {
		out.Documents = []finding.Document{}
	}
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	if out.Checks == nil {
		out.Checks = []finding.Check{}
	}
	if out.Rules == nil {
		out.Rules = []finding.Rule{}
	}
	if out.Procedures == nil {
		out.Procedures = []finding.ProcedureResult{}
	}
	if out.Waivers == nil {
		out.Waivers = []finding.WaiverUse{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}
