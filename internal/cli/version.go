package cli

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print tollgate's version and the embedded OPA version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "tollgate %s (OPA %s)\n", Version, version.Version)
			return nil
		},
	}
}
