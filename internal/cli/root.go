// Package cli holds tollgate's cobra commands. It only wires the pipeline
// stages together; each stage lives in its own package.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/report"
)

// Exit codes (docs/architecture.md, "Command line").
const (
	ExitOK          = 0
	ExitFail        = 1
	ExitToolError   = 2
	ExitInterrupted = 130
)

// Version is set at build time with -ldflags "-X …cli.Version=…".
var Version = "0.1.0-dev"

// exitError carries an exit code through cobra's error return.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// toolError marks an error as "the tool could not do its job" (exit 2).
func toolError(err error) error { return &exitError{code: ExitToolError, err: err} }

// interruptGrace is how long Main waits, after SIGINT or SIGTERM, for the
// command to wind down through its context before it returns
// ExitInterrupted anyway (the process then exits, abandoning any work still
// running): every stage checks the context, but a loop that does not must
// not keep a signalled run alive. Under 2 s in all.
const interruptGrace = 1500 * time.Millisecond

// reportWriting is set, in the context of a run, once writing a report
// has begun: from then on Main waits for the command itself, so a report
// is written whole or its temporary file removed, never left half done.
type reportWriting struct{}

// startWriting records, before the first report is written, that writing
// has begun (see reportWriting).
func startWriting(ctx context.Context) {
	if w, ok := ctx.Value(reportWriting{}).(*atomic.Bool); ok {
		w.Store(true)
	}
}

// Main runs the command line and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	writing := &atomic.Bool{}
	ctx = context.WithValue(ctx, reportWriting{}, writing)
	prof := &profiling{}
	root := newRoot(stdout, stderr)
	prof.flags(root)
	root.PersistentPreRunE = func(*cobra.Command, []string) error { return prof.start() }
	defer prof.stop(stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		select {
		case err = <-done:
		case <-time.After(interruptGrace):
			if !writing.Load() {
				fmt.Fprintln(stderr, "tollgate: interrupted; no report was written")
				return ExitInterrupted
			}
			err = <-done
		}
	}
	var ee *exitError
	finished := err == nil || errors.As(err, &ee) && ee.code == ExitFail
	if ctx.Err() != nil && !finished {
		// Reports are written whole or not at all (temporary file and
		// rename), and none is started once the signal has come.
		fmt.Fprintln(stderr, "tollgate: interrupted; no report was written")
		return ExitInterrupted
	}
	if err == nil {
		return ExitOK
	}
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "tollgate:", report.EscapeLines(ee.err.Error()))
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown flag, bad args) is a usage error.
	fmt.Fprintln(stderr, "tollgate:", report.EscapeLines(err.Error()))
	return ExitToolError
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "tollgate",
		Short: "Check project-management documents against procedure rules (policy-as-code)",
		Long: `tollgate reads the documents a program submits (charters, management plans,
schedules, RACI matrices, IV&V plans, QASPs, risk logs, status reports) as Word,
Excel and Markdown files, normalizes each to typed JSON, validates it against a
JSON Schema and evaluates Rego policies that encode procedure rules.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newCheckCmd(), newParseCmd(), newRulesCmd(), newExplainCmd(), newVersionCmd(), newTestCmd(), newSchemaCmd(), newFmtCmd(), newInitCmd())
	// The CI gate's commands (reportcmd.go, merge.go).
	root.AddCommand(newReportCmd(), newMergeCmd())
	return root
}
