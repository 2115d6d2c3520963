package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
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

// applyGate applies the baseline and the fail-on-new verdict to a decided
// result, and says so when no document was found (an error with
// --require-documents).
func applyGate(stderr io.Writer, res *finding.Result, cfg *config.Config, g gateFlags, failOn string) error {
	onlyNew := g.failOnNew || cfg.FailOnNew
	res.Run.FailOn = failOn
	if g.baseline != "" {
		prev, err := readResult(g.baseline)
		if err != nil {
			return toolError(fmt.Errorf("--baseline: %w", err))
		}
		finding.MarkBaseline(res, prev.Findings)
		res.Run.Baseline = g.baseline
	} else if onlyNew {
		return toolError(errors.New("--fail-on-new (fail_on_new) needs --baseline: without one every finding is new"))
	}
	res.Run.FailOnNew = onlyNew
	finding.Reverdict(res, failOn, onlyNew)
	if countOK(res) == 0 {
		fmt.Fprintln(stderr, "tollgate: no documents were found: nothing was checked")
		if g.requireDocuments {
			return toolError(errors.New("no documents were found (--require-documents)"))
		}
	}
	return nil
}

func countOK(res *finding.Result) int {
	n := 0
	for _, d := range res.Documents {
		if d.Status == finding.DocOK {
			n++
		}
	}
	return n
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

// runRoot is where document paths are relative to, as a slash path from
// the repository root (the nearest directory above holding .git; the
// working directory when there is none), when the run checked one
// directory; "" when it is that root itself or the run checked files.
func runRoot(args []string) string {
	if len(args) != 1 {
		return ""
	}
	st, err := os.Stat(args[0])
	if err != nil || !st.IsDir() {
		return ""
	}
	abs, err := filepath.Abs(args[0])
	if err != nil {
		return ""
	}
	base := repoRoot(abs)
	if base == "" {
		if base, err = os.Getwd(); err != nil {
			return ""
		}
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// repoRoot is the nearest directory at or above dir that holds .git.
func repoRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
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

// addSkipped lists the files in formats tollgate does not read as
// documents with status "skipped" and the reason (every shard lists them;
// merge keeps each path once).
func addSkipped(res *finding.Result, args []string, cfg *config.Config) error {
	sk, err := discover.Skipped(args, discover.Options{Exclude: cfg.Documents.Exclude, IgnoreFile: true})
	if err != nil {
		return err
	}
	for _, s := range sk {
		res.Documents = append(res.Documents, finding.Document{Path: s.Path, Format: s.Format,
			Status: finding.DocSkipped, Error: s.Reason})
	}
	return nil
}
