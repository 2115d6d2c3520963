package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/report"
)

// newReportCmd re-renders a saved JSON report in other formats: every
// format renders from the one result, so a report made later says what
// the run said.
func newReportCmd() *cobra.Command {
	var (
		from    string
		formats []string
		output  string
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "report --from RESULT.json --format NAME[=FILE]...",
		Short: "Render a saved JSON report in other formats",
		Long: `report reads a JSON report written by check --format json (or merge) and
renders it again in any format, several at once (--format html=report.html
--format sarif=results.sarif). The exit code is that of the saved run:
1 when its verdict is fail.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" {
				return toolError(errUsage("--from RESULT.json is required"))
			}
			outputs, err := report.ParseOutputs(formats, output)
			if err != nil {
				return toolError(err)
			}
			res, err := report.ReadResult(from)
			if err != nil {
				return toolError(err)
			}
			if err := writeOutputs(cmd, res, outputs, false, verbose); err != nil {
				return toolError(err)
			}
			if res.Summary.Verdict == "fail" {
				return &exitError{code: ExitFail}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&from, "from", "", "the saved JSON report")
	f.StringArrayVar(&formats, "format", nil, "output format NAME or NAME=FILE, repeatable: "+strings.Join(report.Formats(), ", ")+" (default: text to stdout)")
	f.StringVarP(&output, "output", "o", "", "write the (single) format to FILE instead of stdout")
	f.BoolVarP(&verbose, "verbose", "v", false, "text format: list documents without findings too, with their passed checks")
	return cmd
}

type usageError string

func (e usageError) Error() string { return string(e) }

func errUsage(s string) error { return usageError(s) }
