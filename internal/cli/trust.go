package cli

import (
	"fmt"
	"io"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/report"
)

// loadConfig reads the configuration of a run. Without --trusted-config
// the checked tree's .tollgate.yaml (or --config) is the configuration,
// trusted in full: a local run over one's own documents. With it, the
// trusted file decides and the tree's configuration may only tighten it
// (config.Merge); what was not applied is said on stderr, one line each.
func loadConfig(fl checkFlags, args []string, stderr io.Writer) (*config.Config, bool, error) {
	var tree *config.Config
	if p := config.Find(fl.config, args); p != "" {
		if fl.config == "" { // found in the checked tree: it may not link out of it
			if err := config.CheckInside(p); err != nil {
				return nil, false, err
			}
		}
		c, err := config.Load(p)
		if err != nil {
			return nil, false, err
		}
		tree = c
	}
	if fl.trustedConfig == "" {
		if tree == nil {
			tree = &config.Config{}
		}
		return tree, false, nil
	}
	trusted, err := config.Load(fl.trustedConfig)
	if err != nil {
		return nil, false, fmt.Errorf("--trusted-config: %w", err)
	}
	eff, notes := config.Merge(trusted, tree)
	for _, n := range notes {
		// Notes quote the tree's configuration: escaped like any
		// document-derived text.
		fmt.Fprintf(stderr, "tollgate: untrusted config: not applied: %s\n", report.EscapeText(n))
	}
	return eff, true, nil
}
