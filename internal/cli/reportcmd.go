package cli

import (
	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/report"
)

// newReportCmd re-renders a saved JSON report in other formats: every
// format renders from the one result, so a report made later says what
// the run said.
func newReportCmd() *cobra.Command {
	var (
		from string
		out  outputFlags
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
			outputs, err := out.outputs()
			if err != nil {
				return toolError(err)
			}
			res, err := report.ReadResult(from)
			if err != nil {
				return toolError(err)
			}
			if err := writeOutputs(cmd, res, outputs, out); err != nil {
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
	addOutputFlags(f, &out, false)
	return cmd
}

type usageError string

func (e usageError) Error() string { return string(e) }

func errUsage(s string) error { return usageError(s) }
