package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/spf13/pflag"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/report"
)

// gateFlags are the CI gate's flags of check (and merge).
type gateFlags struct {
	baseline         string
	failOnNew        bool
	requireDocuments bool
}

func addGateFlags(f *pflag.FlagSet, g *gateFlags) {
	f.StringVar(&g.baseline, "baseline", "", "a previous JSON report: mark each finding new or existing")
	f.BoolVar(&g.failOnNew, "fail-on-new", false, "with --baseline, only new findings fail the run (config: fail_on_new)")
	f.BoolVar(&g.requireDocuments, "require-documents", false, "exit 2 when no document was found")
}

// readResult reads a saved JSON report.
func readResult(p string) (*finding.Result, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	var r finding.Result
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("%s: not a tollgate JSON report: %w", p, err)
	}
	if r.SchemaVersion == "" {
		return nil, fmt.Errorf("%s: not a tollgate JSON report (no schema_version)", p)
	}
	return &r, nil
}

// writeGitHubOutputs appends the verdict and counts to $GITHUB_OUTPUT
// (the step's outputs) when the run prints GitHub annotations and the
// variable is set.
func writeGitHubOutputs(res *finding.Result, outputs []outputSpec) error {
	p := os.Getenv("GITHUB_OUTPUT")
	if p == "" || !slices.ContainsFunc(outputs, func(o outputSpec) bool { return o.format == "github" }) {
		return nil
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("GITHUB_OUTPUT: %w", err)
	}
	s := res.Summary
	if _, err := fmt.Fprintf(f, "verdict=%s\nerrors=%d\nwarnings=%d\n", s.Verdict, s.Errors, s.Warnings); err != nil {
		f.Close()
		return fmt.Errorf("GITHUB_OUTPUT: %w", err)
	}
	return f.Close()
}

// writeStepSummary appends the Markdown job summary to $GITHUB_STEP_SUMMARY
// when the run prints GitHub annotations and the variable is set.
func writeStepSummary(res *finding.Result, outputs []outputSpec) error {
	p := os.Getenv("GITHUB_STEP_SUMMARY")
	if p == "" || !slices.ContainsFunc(outputs, func(o outputSpec) bool { return o.format == "github" }) {
		return nil
	}
	var buf bytes.Buffer
	if err := (report.Markdown{Summary: true}).Render(&buf, res); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	return f.Close()
}
