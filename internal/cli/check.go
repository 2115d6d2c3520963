package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/pipeline"
	"github.com/tollgate-dev/tollgate/internal/report"
)

type checkFlags struct {
	config        string
	trustedConfig string
	policies      []string
	data          []string
	asOf          string
	jobs          int
	failOn        string
	shard         string
	keepArtifacts bool
	follow        bool
	out           outputFlags
	limits        []string
	gate          gateFlags
	allowNet      []string
	trace         string
}

func newCheckCmd() *cobra.Command {
	var fl checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check documents and directories against the rules",
		Long: `check walks the given files and directories (default: the current directory),
reads every document it recognises, and evaluates the rule packs.

Exit codes: 0 nothing fails; 1 a finding at or above --fail-on fails;
2 the tool could not do its job (bad flag, bad config, policy that does not
compile); 130 interrupted.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, args, fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.config, "config", "", "configuration file (default: .tollgate.yaml in the first directory checked, else in the working directory)")
	f.StringVar(&fl.trustedConfig, "trusted-config", "", "trusted configuration (e.g. from the base branch): it decides limits, fail_on, packs, severities and waivers; the checked tree's configuration may only tighten them")
	f.StringArrayVar(&fl.policies, "policy", nil, "directory of extra Rego policies (repeatable)")
	f.StringArrayVar(&fl.data, "data", nil, "extra data file for policies, JSON or YAML (repeatable)")
	f.StringVar(&fl.asOf, "as-of", "", `"today" for date rules, YYYY-MM-DD (default: project.as_of, else the run date)`)
	f.IntVar(&fl.jobs, "jobs", 0, "documents checked in parallel (default: number of CPUs)")
	f.StringVar(&fl.failOn, "fail-on", "", "lowest severity that fails the run: error, warning, info or never (default: fail_on, else error)")
	addOutputFlags(f, &fl.out, true)
	f.StringVar(&fl.shard, "shard", "", "check only slice I of N (I/N, 1-based), for parallel CI jobs")
	f.BoolVar(&fl.keepArtifacts, "keep-artifacts", false, "include the normalized artifacts in the JSON report")
	f.BoolVar(&fl.follow, "follow-symlinks", false, "read files that symbolic links in checked directories point to outside them (default: list them unread, TG-READ-007)")
	addLimitFlag(f, &fl.limits)
	addGateFlags(f, &fl.gate)
	addAllowNetFlag(cmd, &fl.allowNet)
	f.StringVar(&fl.trace, "trace", "", "print RULE-ID's evaluation trace and print() output to stderr, for each document it applies to")
	return cmd
}

func parseShard(s string) (int, int, error) {
	if s == "" {
		return 0, 0, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("--shard %q: want I/N with 1 ≤ I ≤ N", s)
	}
	return i, n, nil
}

func runCheck(cmd *cobra.Command, args []string, fl checkFlags) error {
	ctx := cmd.Context()
	if len(args) == 0 {
		args = []string{"."}
	}
	outputs, err := fl.out.outputs()
	if err != nil {
		return toolError(err)
	}
	shard, shards, err := parseShard(fl.shard)
	if err != nil {
		return toolError(err)
	}
	cfg, trusted, err := loadConfig(fl, args, cmd.ErrOrStderr())
	if err != nil {
		return toolError(err)
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
	res, err := pipeline.Run(ctx, pipeline.Options{
		Paths: args, Config: cfg, TrustedConfig: trusted,
		AsOf: fl.asOf, FailOn: fl.failOn, Limits: lim, Jobs: fl.jobs,
		Shard: shard, Shards: shards, Partial: partialRun(args, fl.shard),
		KeepArtifacts: fl.keepArtifacts, FollowSymlinks: fl.follow,
		Policies: fl.policies, Data: fl.data, AllowNet: fl.allowNet, Trace: fl.trace,
		Reads:    fl.out.verbose,
		Baseline: baseline, BaselinePath: fl.gate.baseline, FailOnNew: fl.gate.failOnNew,
		RequireDocuments: fl.gate.requireDocuments,
		Log:              cmd.ErrOrStderr(),
		Tool:             tool(),
		Command:          commandLine(cmd, args),
	})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // Main reports the interruption
		}
		return toolError(err)
	}
	if res.Run.Partial && !slices.ContainsFunc(outputs, func(o report.Output) bool { return o.Format == "json" }) {
		fmt.Fprintln(cmd.ErrOrStderr(), "tollgate: a shard's report is partial; write it with --format json=FILE and join the shards with tollgate merge")
	}
	if err := writeOutputs(cmd, res, outputs, fl.out); err != nil {
		if ctx.Err() != nil {
			return err
		}
		return toolError(err)
	}
	if res.Run.Partial {
		fmt.Fprintf(cmd.ErrOrStderr(), "tollgate: shard %s: %d documents; the project rules and the verdict come from tollgate merge\n", res.Run.Shard, len(res.Documents))
		return nil
	}
	if res.Summary.Verdict == "fail" {
		return &exitError{code: ExitFail}
	}
	return nil
}

// tool names this build in the report's audit record.
func tool() finding.Tool {
	return finding.Tool{Name: "tollgate", Version: Version, OPAVersion: version.Version}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func commandLine(cmd *cobra.Command, args []string) string {
	parts := []string{cmd.CommandPath()}
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				parts = append(parts, "--"+f.Name+"="+v)
			}
			return
		}
		parts = append(parts, "--"+f.Name+"="+f.Value.String())
	})
	return strings.Join(append(parts, args...), " ")
}

// partialRun says why a run holds only part of a submission: files named
// one by one (not a directory), or a shard. "" for a whole tree.
func partialRun(args []string, shard string) string {
	if shard != "" {
		return "shard " + shard
	}
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && !fi.IsDir() {
			if len(args) == 1 {
				return "the file " + filepath.Base(a)
			}
			return "a list of files"
		}
	}
	return ""
}
