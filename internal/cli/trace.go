package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
)

// traceRule (check --trace RULE-ID) reads the documents again and
// evaluates one rule on them with OPA's tracer, writing the trace and the
// rule's print() output to stderr (the reports on stdout stay clean).
func traceRule(cmd *cobra.Command, eng *policy.Engine, cfg *config.Config, lim limits.Limits, args []string, id string) error {
	files, err := discover.Walk(args, discover.Options{Exclude: cfg.Documents.Exclude, Limits: lim})
	if err != nil {
		return err
	}
	var ins []policy.Input
	for _, f := range files {
		a, err := parseFile(cmd.Context(), f, lim, cfg, false)
		if err != nil {
			continue // unreadable: check reported it
		}
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		in, err := eng.Prepare(m)
		if err != nil {
			return err
		}
		ins = append(ins, in)
	}
	if len(ins) == 0 {
		return fmt.Errorf("--trace %s: no document was read", id)
	}
	return eng.Trace(cmd.Context(), id, ins, cmd.ErrOrStderr())
}
