package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/tollgate-dev/tollgate/internal/check"
	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
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
	formats       []string
	output        string
	shard         string
	keepArtifacts bool
	follow        bool
	quiet         bool
	verbose       bool
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
	f.StringArrayVar(&fl.formats, "format", nil, "output format NAME or NAME=FILE, repeatable: "+strings.Join(report.Formats(), ", ")+" (default: text to stdout)")
	f.StringVarP(&fl.output, "output", "o", "", "write the (single) format to FILE instead of stdout")
	f.StringVar(&fl.shard, "shard", "", "check only slice I of N (I/N, 1-based), for parallel CI jobs")
	f.BoolVar(&fl.keepArtifacts, "keep-artifacts", false, "include the normalized artifacts in the JSON report")
	f.BoolVar(&fl.follow, "follow-symlinks", false, "read files that symbolic links in checked directories point to outside them (default: list them unread, TG-READ-007)")
	f.BoolVarP(&fl.quiet, "quiet", "q", false, "print nothing to stdout; the exit code tells")
	f.BoolVarP(&fl.verbose, "verbose", "v", false, "text format: list documents without findings too, with their passed checks")
	addLimitFlag(f, &fl.limits)
	addGateFlags(f, &fl.gate)
	addAllowNetFlag(cmd, &fl.allowNet)
	f.StringVar(&fl.trace, "trace", "", "print RULE-ID's evaluation trace and print() output to stderr, for each document it applies to")
	return cmd
}

// outputSpec is one --format entry.
type outputSpec struct {
	format string
	file   string // "" = stdout
}

func parseOutputs(formats []string, output string) ([]outputSpec, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var specs []outputSpec
	stdout := 0
	for _, f := range formats {
		name, file, _ := strings.Cut(f, "=")
		if _, err := report.New(name, report.Options{}); err != nil {
			return nil, err
		}
		if file == "" && output != "" && len(formats) == 1 {
			file = output
		}
		if file == "" {
			stdout++
		}
		specs = append(specs, outputSpec{format: name, file: file})
	}
	if stdout > 1 {
		return nil, errors.New("at most one --format may go to stdout; give the others =FILE")
	}
	if output != "" && len(formats) > 1 {
		return nil, errors.New("--output names the file of a single format; with several, use --format NAME=FILE")
	}
	return specs, nil
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
	started := time.Now()
	ctx := cmd.Context()
	if len(args) == 0 {
		args = []string{"."}
	}
	outputs, err := parseOutputs(fl.formats, fl.output)
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
	asOf := firstNonEmpty(fl.asOf, cfg.Project.AsOf, check.Today())
	if _, err := time.Parse("2006-01-02", asOf); err != nil {
		return toolError(fmt.Errorf("--as-of %q: want YYYY-MM-DD", asOf))
	}
	failOn := firstNonEmpty(fl.failOn, cfg.FailOn, "error")
	if _, err := config.ParseFailOn(failOn); err != nil {
		return toolError(fmt.Errorf("--fail-on: %w", err))
	}
	lim, err := runLimits(cfg, fl.limits)
	if err != nil {
		return toolError(err)
	}
	if fl.jobs < 0 {
		return toolError(fmt.Errorf("--jobs %d: want a positive number", fl.jobs))
	}
	if most := check.MaxJobs(); fl.jobs > most {
		fmt.Fprintf(cmd.ErrOrStderr(), "tollgate: --jobs %d is more than %d (4 × %d CPUs); using %d\n",
			fl.jobs, most, runtime.NumCPU(), most)
		fl.jobs = most
	}

	popts, err := policyOptions(cfg, asOf, fl)
	if err != nil {
		return toolError(fmt.Errorf("config: %w", err))
	}
	popts.EvalTimeout = lim.EvalTimeout
	popts.EvalMemory = lim.EvalMemory
	popts.PolicyBytes, popts.DataBytes = lim.PolicyBytes, lim.DataBytes
	// The packs compile while the files are read (check.RunCompiling); a
	// compile error stops the reading and is reported as the tool error.
	// The compilation starts once the files are known: how much reading
	// there is decides how many cores it takes.
	//
	// The whole run has a deadline too (limits.run_timeout): every
	// per-file and per-rule deadline holding, many files could still keep
	// a CI job for hours.
	runCtx, cancelRun := context.WithTimeout(ctx, lim.RunTimeout)
	defer cancelRun()
	compile := compileAsync(runCtx, popts, lim.CompileTimeout)
	out, err := check.RunCompiling(compile.ctx, compile.wait, check.Options{
		Discovered: func(files []discover.File) {
			if shortReading(files) {
				compile.start(runtime.GOMAXPROCS(0))
				return
			}
			releaseCollection() // a large input: collected as Go does from the start
			compile.start(1)
		},
		Paths: args, Exclude: cfg.Documents.Exclude, Kinds: cfg.Documents.Kinds,
		Shard: shard, Shards: shards, Jobs: fl.jobs, Limits: lim, Policy: popts,
		Normalize:      cfg.NormalizeOptions(),
		NoIgnoreFile:   trusted, // what is excluded is the trusted configuration's say
		KeepArtifacts:  fl.keepArtifacts || shards > 0,
		FollowSymlinks: fl.follow,
		Partial:        partialRun(args, fl.shard),
	})
	eng, cerr := compile.wait()
	if ctx.Err() == nil && errors.Is(runCtx.Err(), context.DeadlineExceeded) {
		return toolError(fmt.Errorf("the run did not finish within %s (limits.run_timeout); %s",
			lim.RunTimeout, limits.Hint(limits.KeyRunTimeout)))
	}
	if cerr != nil {
		return toolError(fmt.Errorf("policies: %w", cerr))
	}
	printPolicyWarnings(cmd.ErrOrStderr(), eng)
	if err := checkConfigClosed(cfg, eng.Rules(), popts.PolicyDirs); err != nil {
		return toolError(err)
	}
	if err != nil {
		if ctx.Err() != nil {
			return err // Main reports the interruption
		}
		return toolError(err)
	}

	res := &out.Result
	if err := addSkipped(res, args, cfg); err != nil {
		return toolError(err)
	}
	res.SchemaVersion = finding.ReportSchemaVersion
	res.Tool = finding.Tool{Name: "tollgate", Version: Version, OPAVersion: version.Version}
	res.Rules = catalog(eng, res.Findings, res.Documents, fl.verbose)
	res.Run = finding.Run{
		AsOf: asOf, Started: started.UTC().Format(time.RFC3339), Command: commandLine(cmd, args),
		PolicyDigest: eng.Digest(), ConfigDigest: cfg.Digest, Shard: fl.shard, Root: runRoot(args),
	}
	if shards > 0 {
		return finishPartial(cmd, res, outputs, fl, failOn, started)
	}
	finding.Decide(res, waiverRules(cfg), asOf, failOn)
	procs, err := policy.Procedures()
	if err != nil {
		return toolError(fmt.Errorf("policies: %w", err))
	}
	res.Procedures = finding.EvaluateProcedures(res, procs)
	if err := applyGate(cmd.ErrOrStderr(), res, cfg, fl.gate, failOn); err != nil {
		return err
	}
	res.Run.DurationMS = time.Since(started).Milliseconds()

	if err := ctx.Err(); err != nil {
		return err // interrupted before any report was written
	}
	if err := writeOutputs(cmd, res, outputs, fl.quiet, fl.verbose); err != nil {
		if ctx.Err() != nil {
			return err
		}
		return toolError(err)
	}
	if fl.trace != "" {
		if err := traceRule(cmd, eng, cfg, lim, args, fl.trace); err != nil {
			return toolError(err)
		}
	}
	if res.Summary.Verdict == "fail" {
		return &exitError{code: ExitFail}
	}
	return nil
}

// catalog is the loaded rule catalog plus the tool rules that fired.
func catalog(eng *policy.Engine, fs []finding.Finding, docs []finding.Document, reads bool) []finding.Rule {
	rules := eng.Rules()
	if reads {
		// Reading every rule's source again costs a twentieth of a small
		// run: done only for -v, which prints what each rule read.
		addReads(rules, docs)
	}
	seen := map[string]bool{}
	for _, r := range rules {
		seen[r.ID] = true
	}
	for _, f := range fs {
		if tr, ok := finding.ToolRules[f.Rule]; ok && !seen[f.Rule] {
			seen[f.Rule] = true
			rules = append(rules, tr)
		}
	}
	return rules
}

// policyOptions are the rules and data of the run. The configuration's
// policies: and data: must resolve inside its own directory (a rule could
// otherwise read and print any file of the CI machine); --policy and
// --data are the user's own choice.
func policyOptions(cfg *config.Config, asOf string, fl checkFlags) (policy.Options, error) {
	pols, err := cfg.PolicySources()
	if err != nil {
		return policy.Options{}, err
	}
	data, err := cfg.DataSources()
	if err != nil {
		return policy.Options{}, err
	}
	o := policy.Options{
		Packs:           cfg.Packs,
		Confine:         map[string]string{},
		Project:         cfg.ProjectData(asOf),
		Thresholds:      cfg.Thresholds,
		Severity:        map[string]finding.Severity{},
		SeverityTighten: map[string]finding.Severity{},
		AllowNet:        fl.allowNet,
		Print:           fl.trace != "",
	}
	for _, p := range pols {
		o.PolicyDirs = append(o.PolicyDirs, p.Path)
		o.Confine[p.Path] = p.Root
	}
	for _, d := range data {
		o.DataFiles = append(o.DataFiles, d.Path)
		o.Confine[d.Path] = d.Root
	}
	o.PolicyDirs = append(o.PolicyDirs, fl.policies...)
	o.DataFiles = append(o.DataFiles, fl.data...)
	if len(o.Packs) == 0 {
		o.Packs = config.DefaultPacks(cfg.Project.Framework)
	}
	for id, s := range cfg.Severity {
		o.Severity[id] = finding.Severity(s)
	}
	for id, s := range cfg.SeverityTighten {
		o.SeverityTighten[id] = finding.Severity(s)
	}
	return o, nil
}

func waiverRules(cfg *config.Config) []finding.WaiverRule {
	var ws []finding.WaiverRule
	for _, w := range cfg.Waivers {
		ws = append(ws, finding.WaiverRule{Rule: w.Rule, Path: w.Path, Location: w.Location,
			Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: w.Expires})
	}
	return ws
}

func writeOutputs(cmd *cobra.Command, res *finding.Result, outputs []outputSpec, quiet, verbose bool) error {
	startWriting(cmd.Context()) // before the context is checked: Main then waits for a report begun
	if err := writeStepSummary(res, outputs); err != nil {
		return err
	}
	if err := writeGitHubOutputs(res, outputs); err != nil {
		return err
	}
	for _, o := range outputs {
		color := false
		if o.file == "" && o.format == "text" {
			color = isTerminal(cmd.OutOrStdout()) && os.Getenv("NO_COLOR") == ""
		}
		r, err := report.New(o.format, report.Options{Color: color, Verbose: verbose})
		if err != nil {
			return err
		}
		ctx := cmd.Context()
		if err := ctx.Err(); err != nil {
			return err
		}
		if o.file != "" {
			// A signal during rendering abandons the temporary file: the
			// report in place (if any) is not replaced.
			render := func(w io.Writer) error {
				if err := r.Render(w, res); err != nil {
					return err
				}
				return ctx.Err()
			}
			if err := report.WriteFileAtomic(o.file, render); err != nil {
				return err
			}
			continue
		}
		if quiet {
			continue
		}
		// Render fully before writing, so an interrupted run prints no
		// half report.
		var buf bytes.Buffer
		if err := r.Render(&buf, res); err != nil {
			return err
		}
		if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
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

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// asyncEngine is a policy engine compiling in the background.
type asyncEngine struct {
	ctx    context.Context // cancelled when the compilation fails
	cancel context.CancelFunc
	opts   policy.Options
	once   sync.Once
	done   chan struct{}
	eng    *policy.Engine
	err    error
	// timeout bounds the compilation (limits.compile_timeout): OPA's
	// compiler takes no context, and a large hostile policy compiled for
	// tens of seconds. deadline is set when the compilation starts.
	timeout  time.Duration
	deadline time.Time
}

// compileAsync prepares a compilation; start (or wait) begins it.
func compileAsync(ctx context.Context, opts policy.Options, timeout time.Duration) *asyncEngine {
	c := &asyncEngine{done: make(chan struct{}), opts: opts, timeout: timeout}
	c.ctx, c.cancel = context.WithCancel(ctx)
	context.AfterFunc(ctx, c.cancel)
	return c
}

// start begins compiling with the given number of compile workers; later
// calls do nothing.
func (c *asyncEngine) start(workers int) {
	c.once.Do(func() {
		opts := c.opts
		opts.CompileWorkers = workers
		c.deadline = time.Now().Add(c.timeout)
		go func() {
			defer close(c.done)
			c.eng, c.err = policy.Compile(c.ctx, opts)
			if c.err != nil {
				c.cancel() // no use reading on
			}
		}()
	})
}

// A short reading decides two things. The compilation (about 0.3 s of
// CPU) is split among the cores when the reading is short: the cores are
// otherwise idle and the compilation is most of the run (the example
// program: 0.65 → 0.55 s); when it is long, one compiler leaves the other
// cores to the reading (a 10,000-task CSV schedule was 15 % slower with
// the compilation split). And the garbage collector stays held off
// (HoldCollection) only for a short reading. shortReading estimates the
// reading from the files' sizes and formats against shortReadingUnder.
const shortReadingUnder = 300 // ms

// readMillisPerKB is about how long reading and normalizing a kilobyte
// takes per format, measured on 2 cores (a 10,000-task schedule: MS Project
// XML 9.8 MB in 0.42 s, CSV 0.84 MB in 0.73 s, an Excel export 0.57 MB in
// 0.56 s; zipped Word documents are as dense as workbooks).
var readMillisPerKB = map[document.Format]float64{
	document.FormatMSPDI: 0.045, document.FormatP6: 0.045, document.FormatJSON: 0.05, document.FormatYAML: 0.1,
	document.FormatCSV: 0.9, document.FormatMD: 0.5,
	document.FormatXlsx: 1.0, document.FormatXlsm: 1.0, document.FormatDocx: 1.0,
}

// shortReading: reading and normalizing these files should take less than
// shortReadingUnder.
func shortReading(files []discover.File) bool {
	var ms float64
	for _, f := range files {
		rate, ok := readMillisPerKB[f.Format]
		if !ok {
			rate = 1.0
		}
		ms += float64(f.Size) / 1024 * rate
	}
	return ms < shortReadingUnder
}

// wait blocks until the compilation is over (starting it with one
// compiler if nothing started it: the run stopped before discovery ended).
//
// Past limits.compile_timeout it gives up with an error (the run ends
// with exit 2; the abandoned compiler goes with the process).
func (c *asyncEngine) wait() (*policy.Engine, error) {
	c.start(1)
	if c.timeout <= 0 {
		<-c.done
		return c.eng, c.err
	}
	timer := time.NewTimer(time.Until(c.deadline))
	defer timer.Stop()
	select {
	case <-c.done:
		return c.eng, c.err
	case <-timer.C:
		c.cancel()
		return nil, fmt.Errorf("the rules did not compile within %s; %s",
			c.timeout, limits.Hint(limits.KeyCompileTimeout))
	}
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

// addReads gives each built-in rule the evidence fields of the run's
// documents its source names (every key of the field's path), so -v can
// show a reviewer what a finding or a pass was read from.
func addReads(rules []finding.Rule, docs []finding.Document) {
	fields := map[string]bool{}
	for _, d := range docs {
		for _, e := range d.Evidence {
			fields[e.Field] = true
		}
	}
	if len(fields) == 0 {
		return
	}
	reads, err := policy.RuleReads()
	if err != nil {
		return
	}
	sorted := make([]string, 0, len(fields))
	for f := range fields {
		sorted = append(sorted, f)
	}
	sort.Strings(sorted)
	for i := range rules {
		rn, ok := reads[rules[i].ID]
		if !ok {
			continue
		}
		for _, f := range sorted {
			all := true
			for _, seg := range strings.Split(f, ".") {
				if !rn.Names[seg] {
					all = false
					break
				}
			}
			if all {
				rules[i].Reads = append(rules[i].Reads, f)
			}
		}
	}
}
