package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/check"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
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
				v, err := parseOne(cmd, f, lim, cfg, tree)
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

func parseOne(cmd *cobra.Command, f discover.File, lim limits.Limits, cfg *config.Config, tree bool) (any, error) {
	return parseFile(cmd.Context(), f, lim, cfg, tree)
}

// parseFile reads one discovered file into its artifact (or, with tree,
// its extraction tree).
func parseFile(ctx context.Context, f discover.File, lim limits.Limits, cfg *config.Config, tree bool) (any, error) {
	if f.Fault != nil {
		return nil, f.Fault
	}
	t, err := extract.Read(ctx, f, lim)
	if err != nil {
		var fault *document.Fault
		if errors.As(err, &fault) {
			return nil, fault
		}
		return nil, fmt.Errorf("read: %w", err)
	}
	if tree {
		return t, nil
	}
	if t.Artifact != nil {
		return t.Artifact, nil
	}
	m3, err := policy.M3Artifacts()
	if err != nil {
		return nil, err
	}
	c := classify.Classify(t, f.Path, classify.Options{Rules: cfg.Documents.Kinds, Artifacts: m3})
	sum, err := check.HashFile(f.Abs)
	if err != nil {
		return nil, err
	}
	nopts := normalize.ConfigOptions(cfg)
	nopts.SHA256, nopts.SizeBytes = sum, f.Size
	a := normalize.Normalize(t, c, nopts)
	return a, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
