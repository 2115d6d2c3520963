package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/pipeline"
	"github.com/tollgate-dev/tollgate/internal/report"
)

type mergeFlags struct {
	config   string
	policies []string
	data     []string
	failOn   string
	out      outputFlags
	limits   []string
	gate     gateFlags
}

func newMergeCmd() *cobra.Command {
	var fl mergeFlags
	cmd := &cobra.Command{
		Use:   "merge PART.json...",
		Short: "Join the partial reports of a sharded check, run the project rules once and decide",
		Long: `merge reads the partial JSON reports of check --shard 1/N … N/N (every shard
once, same as_of, configuration and policies), runs the project rules once
over every document's artifact, applies the waivers and renders any format,
exactly as one unsharded check would.

Give merge the configuration the shards used (--config, default
.tollgate.yaml in the working directory): its digest must match theirs.
Exit codes are check's.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runMerge(cmd, args, fl) },
	}
	f := cmd.Flags()
	f.StringVar(&fl.config, "config", "", "configuration file the shards used (default: .tollgate.yaml in the working directory)")
	f.StringArrayVar(&fl.policies, "policy", nil, "directory of extra Rego policies the shards used (repeatable)")
	f.StringArrayVar(&fl.data, "data", nil, "extra data file the shards used (repeatable)")
	f.StringVar(&fl.failOn, "fail-on", "", "lowest severity that fails the run (default: the shards' fail-on)")
	addOutputFlags(f, &fl.out, true)
	addLimitFlag(f, &fl.limits)
	addGateFlags(f, &fl.gate)
	return cmd
}

func runMerge(cmd *cobra.Command, args []string, fl mergeFlags) error {
	ctx := cmd.Context()
	outputs, err := fl.out.outputs()
	if err != nil {
		return toolError(err)
	}
	var parts []*finding.Result
	for _, p := range args {
		r, err := report.ReadResult(p)
		if err != nil {
			return toolError(err)
		}
		parts = append(parts, r)
	}
	if err := checkShards(parts, args); err != nil {
		return toolError(err)
	}
	first := parts[0].Run
	cfg := &config.Config{}
	if p := config.Find(fl.config, nil); p != "" {
		if cfg, err = config.Load(p); err != nil {
			return toolError(err)
		}
	}
	if cfg.Digest != first.ConfigDigest {
		return toolError(fmt.Errorf("the configuration (digest %.12s) is not the one the shards used (%.12s): give merge the shards' --config", orNone(cfg.Digest), orNone(first.ConfigDigest)))
	}
	lim, err := runLimits(cfg, fl.limits)
	if err != nil {
		return toolError(err)
	}
	var baseline *finding.Result
	if fl.gate.baseline != "" {
		if baseline, err = report.ReadResult(fl.gate.baseline); err != nil {
			return toolError(fmt.Errorf("--baseline: %w", err))
		}
	}
	failOn := fl.failOn
	if failOn == "" {
		failOn = first.FailOn // the shards' fail-on, unless told otherwise
	}
	res, err := pipeline.Merge(ctx, pipeline.Options{
		Config: cfg, FailOn: failOn, Limits: lim,
		Policies: fl.policies, Data: fl.data,
		Baseline: baseline, BaselinePath: fl.gate.baseline, FailOnNew: fl.gate.failOnNew,
		RequireDocuments: fl.gate.requireDocuments,
		Log:              cmd.ErrOrStderr(),
		Tool:             tool(),
		Command:          commandLine(cmd, args),
	}, parts)
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		return toolError(err)
	}
	if err := writeOutputs(cmd, res, outputs, fl.out); err != nil {
		if ctx.Err() != nil {
			return err
		}
		return toolError(err)
	}
	if res.Summary.Verdict == "fail" {
		return &exitError{code: ExitFail}
	}
	return nil
}

// checkShards: every part is a shard's partial report, of one run split
// N ways, each shard once, all with the same as_of, config and policies.
func checkShards(parts []*finding.Result, names []string) error {
	n := 0
	seen := map[int]string{}
	for i, p := range parts {
		if !p.Run.Partial {
			return fmt.Errorf("%s is not a shard's partial report (check --shard I/N --format json=FILE)", names[i])
		}
		a, b, _ := strings.Cut(p.Run.Shard, "/")
		si, err1 := strconv.Atoi(a)
		sn, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("%s: shard %q is not I/N", names[i], p.Run.Shard)
		}
		if n == 0 {
			n = sn
		}
		if sn != n {
			return fmt.Errorf("%s is shard %s, the others are of %d", names[i], p.Run.Shard, n)
		}
		if prev, ok := seen[si]; ok {
			return fmt.Errorf("shard %d/%d given twice (%s and %s)", si, n, prev, names[i])
		}
		seen[si] = names[i]
		f := parts[0].Run
		switch {
		case p.Run.AsOf != f.AsOf:
			return fmt.Errorf("%s has as_of %s, %s has %s: the shards must share one as_of", names[i], p.Run.AsOf, names[0], f.AsOf)
		case p.Run.ConfigDigest != f.ConfigDigest:
			return fmt.Errorf("%s ran with another configuration than %s", names[i], names[0])
		case p.Run.PolicyDigest != f.PolicyDigest:
			return fmt.Errorf("%s ran other policies than %s", names[i], names[0])
		case p.Run.Root != f.Root:
			return fmt.Errorf("%s checked %q, %s checked %q", names[i], p.Run.Root, names[0], f.Root)
		}
	}
	var missing []string
	for i := 1; i <= n; i++ {
		if _, ok := seen[i]; !ok {
			missing = append(missing, fmt.Sprintf("%d/%d", i, n))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("shards missing: %s (a merge of some shards would check less than the run)", strings.Join(missing, ", "))
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
