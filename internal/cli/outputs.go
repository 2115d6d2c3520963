package cli

import (
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/report"
)

// outputFlags are where and how check, merge and report write a result.
type outputFlags struct {
	formats []string
	output  string
	quiet   bool
	verbose bool
}

// addOutputFlags adds --format, --output and --verbose, and --quiet when
// the command can run for its exit code alone.
func addOutputFlags(f *pflag.FlagSet, o *outputFlags, quiet bool) {
	f.StringArrayVar(&o.formats, "format", nil, "output format NAME or NAME=FILE, repeatable: "+strings.Join(report.Formats(), ", ")+" (default: text to stdout)")
	f.StringVarP(&o.output, "output", "o", "", "write the (single) format to FILE instead of stdout")
	if quiet {
		f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing to stdout; the exit code tells")
	}
	f.BoolVarP(&o.verbose, "verbose", "v", false, "text format: list documents without findings too, with their passed checks")
}

// outputs are the formats the flags ask for.
func (o outputFlags) outputs() ([]report.Output, error) {
	return report.ParseOutputs(o.formats, o.output)
}

// writeOutputs writes the result in every asked format (report.Write),
// telling Main first that a report has begun (it then waits for it rather
// than cutting it off at a signal). Colour goes only to a terminal.
func writeOutputs(cmd *cobra.Command, res *finding.Result, outputs []report.Output, o outputFlags) error {
	startWriting(cmd.Context()) // before the context is checked: Main then waits for a report begun
	color := isTerminal(cmd.OutOrStdout()) && os.Getenv("NO_COLOR") == ""
	return report.Write(cmd.Context(), res, outputs, report.WriteOptions{
		Stdout: cmd.OutOrStdout(), Quiet: o.quiet, Verbose: o.verbose, Color: color})
}
