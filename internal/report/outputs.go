package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// Output is one --format entry: a format, and the file it goes to ("" =
// stdout).
type Output struct {
	Format string
	File   string
}

// ParseOutputs reads --format NAME[=FILE] entries (default: text to
// stdout) and --output FILE (the file of a single format).
func ParseOutputs(formats []string, output string) ([]Output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var specs []Output
	stdout := 0
	for _, f := range formats {
		name, file, _ := strings.Cut(f, "=")
		if _, err := New(name, Options{}); err != nil {
			return nil, err
		}
		if file == "" && output != "" && len(formats) == 1 {
			file = output
		}
		if file == "" {
			stdout++
		}
		specs = append(specs, Output{Format: name, File: file})
	}
	if stdout > 1 {
		return nil, errors.New("at most one --format may go to stdout; give the others =FILE")
	}
	if output != "" && len(formats) > 1 {
		return nil, errors.New("--output names the file of a single format; with several, use --format NAME=FILE")
	}
	return specs, nil
}

// WriteOptions say where and how Write writes.
type WriteOptions struct {
	Stdout  io.Writer
	Quiet   bool // nothing to Stdout
	Verbose bool // text: documents without findings too, with their passed checks
	Color   bool // text to Stdout may be coloured (a terminal)
}

// Write writes res in every format of outputs. A file is written whole
// through a temporary file or not at all, and a format to Stdout is
// rendered fully before it is written, so a run interrupted (ctx ends)
// leaves no half report. With the github format, the job summary and the
// step outputs go to $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT when set.
func Write(ctx context.Context, res *finding.Result, outputs []Output, opts WriteOptions) error {
	if err := writeStepSummary(res, outputs); err != nil {
		return err
	}
	if err := writeGitHubOutputs(res, outputs); err != nil {
		return err
	}
	for _, o := range outputs {
		color := opts.Color && o.File == "" && o.Format == "text"
		r, err := New(o.Format, Options{Color: color, Verbose: opts.Verbose})
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if o.File != "" {
			// A signal during rendering abandons the temporary file: the
			// report in place (if any) is not replaced.
			render := func(w io.Writer) error {
				if err := r.Render(w, res); err != nil {
					return err
				}
				return ctx.Err()
			}
			if err := WriteFileAtomic(o.File, render); err != nil {
				return err
			}
			continue
		}
		if opts.Quiet {
			continue
		}
		// Render fully before writing, so an interrupted run prints no
		// half report.
		var buf bytes.Buffer
		if err := r.Render(&buf, res); err != nil {
			return err
		}
		if _, err := opts.Stdout.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeGitHubOutputs appends the verdict and counts to $GITHUB_OUTPUT
// (the step's outputs) when the run prints GitHub annotations and the
// variable is set.
func writeGitHubOutputs(res *finding.Result, outputs []Output) error {
	p := os.Getenv("GITHUB_OUTPUT")
	if p == "" || !slices.ContainsFunc(outputs, func(o Output) bool { return o.Format == "github" }) {
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
func writeStepSummary(res *finding.Result, outputs []Output) error {
	p := os.Getenv("GITHUB_STEP_SUMMARY")
	if p == "" || !slices.ContainsFunc(outputs, func(o Output) bool { return o.Format == "github" }) {
		return nil
	}
	var buf bytes.Buffer
	if err := (Markdown{Summary: true}).Render(&buf, res); err != nil {
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

// ReadResult reads a saved JSON report (report --from, merge, --baseline).
func ReadResult(p string) (*finding.Result, error) {
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
