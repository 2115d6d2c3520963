package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// addLimitFlag registers the repeatable --limit KEY=VALUE flag: every
// limit (limits.Keys) can be raised or lowered for one run, over the
// configuration's `limits:` and the defaults.
func addLimitFlag(f *pflag.FlagSet, into *[]string) {
	f.StringArrayVar(into, "limit", nil, "safety limit KEY=VALUE, repeatable, over the config's limits: "+
		strings.Join(limits.Keys(), ", ")+" (sizes like 64MiB, times like 10s)")
}

// runLimits merges the defaults, the configuration and --limit flags.
func runLimits(cfg *config.Config, flags []string) (limits.Limits, error) {
	lim, err := cfg.ApplyLimits(limits.Default())
	if err != nil {
		return lim, err
	}
	for _, kv := range flags {
		key, value, ok := strings.Cut(kv, "=")
		if !ok {
			return lim, fmt.Errorf("--limit %q: want KEY=VALUE (keys: %s)", kv, strings.Join(limits.Keys(), ", "))
		}
		if err := lim.Set(strings.TrimSpace(key), value); err != nil {
			return lim, fmt.Errorf("--limit %s: %w", kv, err)
		}
	}
	return lim, nil
}
