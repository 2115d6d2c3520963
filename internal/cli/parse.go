package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/pipeline"
)

func newParseCmd() *cobra.Command {
	var (
		tree      bool
		cfgPath   string
		limitArgs []string
	)
	cmd := &cobra.Command{
		Use:   "parse FILE...",
		Short: "Print the normalized artifact JSON of documents (or, with --tree, what the reader extracted)",
		Long: `parse reads each file as check would and prints its normalized artifact as JSON
(one object for one file, an array for several). With --tree it prints the
format-neutral extraction tree instead. An unreadable file prints its TG-READ-*
finding to stderr and makes the exit code 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg := &config.Config{}
			if p := config.Find(cfgPath, nil); p != "" {
				var err error
				if cfg, err = config.Load(p); err != nil {
					return toolError(err)
				}
			}
			lim, err := runLimits(cfg, limitArgs)
			if err != nil {
				return toolError(err)
			}
			files, err := discover.Walk(args, discover.Options{Limits: lim})
			if err != nil {
				return toolError(err)
			}
			var outs []any
			failed := false
			for _, f := range files {
				v, err := parseFile(cmd.Context(), f, lim, cfg, tree)
				if err != nil {
					failed = true
					fmt.Fprintf(cmd.ErrOrStderr(), "%s: %v\n", f.Path, err)
					continue
				}
				outs = append(outs, v)
			}
			var v any = outs
			if len(outs) == 1 && len(files) == 1 {
				v = outs[0]
			}
			if len(outs) > 0 {
				if err := writeJSON(cmd.OutOrStdout(), v); err != nil {
					return toolError(err)
				}
			}
			if failed {
				return &exitError{code: ExitFail}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&tree, "tree", false, "print the extraction tree instead of the artifact")
	cmd.Flags().StringVar(&cfgPath, "config", "", "configuration file (for documents.kinds, limits and project.status_date)")
	addLimitFlag(cmd.Flags(), &limitArgs)
	return cmd
}

// parseFile reads one discovered file as check does (pipeline.ReadFile)
// into its artifact, or with tree its extraction tree. A file that cannot
// be read is an error naming its first finding.
func parseFile(ctx context.Context, f discover.File, lim limits.Limits, cfg *config.Config, tree bool) (any, error) {
	d := pipeline.ReadFile(ctx, f, pipeline.ReadOptions{Limits: lim, Kinds: cfg.Documents.Kinds,
		Normalize: normalize.ConfigOptions(cfg), TreeOnly: tree})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch {
	case tree && d.Tree != nil:
		return d.Tree, nil
	case !tree && d.Artifact != nil:
		return d.Artifact, nil
	}
	for _, fd := range d.Findings {
		return nil, fmt.Errorf("%s: %s", fd.Rule, fd.Message)
	}
	return nil, fmt.Errorf("not read: %s", d.Info.Error)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
