package cli

import (
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/report"
	"github.com/tollgate-dev/tollgate/schemas"
)

// newSchemaCmd prints the artifact schemas, and docs/model.md from them.
func newSchemaCmd() *cobra.Command {
	var list, typeCheck bool
	var format string
	cmd := &cobra.Command{
		Use:   "schema [KIND]",
		Short: "Print the JSON Schema of an artifact kind (default: the envelope every artifact carries)",
		Long: `schema prints the JSON Schema (draft 2020-12) of one artifact kind's payload,
or of the envelope when no KIND is given. --list names the kinds.
--type-check prints instead the self-contained draft-07 rendering of the whole
artifact (envelope and payload) that OPA's type checker reads for
METADATA "schemas: [{input: schema.KIND}]" and for rules of that one kind.
--format markdown prints the field reference (docs/model.md) of every kind.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			if list {
				for _, k := range policy.TypeSchemaKinds() {
					fmt.Fprintln(w, k)
				}
				return nil
			}
			if format == "markdown" {
				if len(args) > 0 {
					return toolError(fmt.Errorf("--format markdown documents every kind; give no KIND"))
				}
				return report.ModelMarkdown(w)
			}
			if format != "json" {
				return toolError(fmt.Errorf("--format %q: want json or markdown", format))
			}
			kind := "envelope"
			if len(args) == 1 {
				kind = args[0]
			}
			if typeCheck {
				m, err := policy.TypeSchemas()
				if err != nil {
					return toolError(err)
				}
				s, ok := m[kind]
				if !ok {
					return toolError(fmt.Errorf("no artifact kind %q (tollgate schema --list)", kind))
				}
				return writeJSON(w, s)
			}
			b, err := fs.ReadFile(schemas.FS, kind+".schema.json")
			if err != nil {
				return toolError(fmt.Errorf("no schema for %q (tollgate schema --list)", kind))
			}
			_, err = w.Write(b)
			return err
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "list the artifact kinds")
	cmd.Flags().BoolVar(&typeCheck, "type-check", false, "print the draft-07 rendering OPA's type checker reads")
	cmd.Flags().StringVar(&format, "format", "json", "json, or markdown for the field reference of every kind")
	return cmd
}
