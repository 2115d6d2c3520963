// Package pipeline owns a run: discover → read (extract, classify,
// normalize, validate) → link → evaluate → project rules → decide →
// procedures, with one file per pass. The CLI turns flags into Options,
// calls Run (or Merge, for the shards of a run) and writes the result;
// nothing here calls back into it.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/report"
)

// Options are one run's settings: the configuration, and what the
// command line says over it.
type Options struct {
	// Paths are the files and directories to check.
	Paths []string
	// Config is the run's configuration (already merged under a trusted
	// one); nil is an empty configuration.
	Config *config.Config
	// TrustedConfig says Config came from --trusted-config: what is
	// excluded is its say, so the checked tree's .tollgateignore files
	// are not read.
	TrustedConfig bool
	// AsOf is "today" for date rules (YYYY-MM-DD); "" takes project.as_of,
	// else the run date.
	AsOf string
	// FailOn is the lowest severity that fails the run; "" takes fail_on,
	// else error.
	FailOn string
	// Limits are the run's safety limits (limits.Default() and the
	// configuration's, with --limit over them).
	Limits limits.Limits
	// Jobs is how many documents are read and evaluated at once (0: the
	// CPUs; at most MaxJobs).
	Jobs int
	// Shard and Shards check slice Shard (1-based) of Shards; 0: all.
	Shard, Shards int
	// Partial, when set, says why the run holds only part of the
	// submission ("the file charter.docx", "shard 1/3"): the project rules
	// are not run, and a TG-SCOPE-001 finding says so.
	Partial string
	// KeepArtifacts puts the normalized artifacts into the result (a
	// shard always keeps them, for Merge).
	KeepArtifacts bool
	// FollowSymlinks reads files that symbolic links point to outside the
	// checked directories (discover.Options.FollowSymlinks).
	FollowSymlinks bool
	// Policies and Data are the command line's policy directories and data
	// files, over the configuration's (not confined: the user's own
	// choice). AllowNet are the hosts http.send may reach.
	Policies, Data, AllowNet []string
	// Trace names a rule whose evaluations are traced to Log.
	Trace string
	// Reads lists, for each rule, the evidence fields of the run's
	// documents its source reads (check -v).
	Reads bool
	// Baseline is a previous report: each finding is marked new or
	// existing; with FailOnNew (or fail_on_new) only new ones fail.
	Baseline     *finding.Result
	BaselinePath string
	FailOnNew    bool
	// RequireDocuments makes a run that found no document an error.
	RequireDocuments bool
	// Log hears what is said beside the report: policy warnings, notes,
	// traces (stderr). nil: discarded.
	Log io.Writer
	// Tool and Command are recorded in the report's audit record.
	Tool    finding.Tool
	Command string
	// Engine, when set, is a compiled engine to use instead of compiling
	// the configuration's rules (tests and benchmarks run many trees with
	// one engine). The configuration is still checked against its rules.
	Engine *policy.Engine

	// discovered, when set, is told the files found before any is read
	// (tests change the tree there).
	discovered func(files []discover.File)
}

// MaxJobs is the most documents checked in parallel: 4 × the CPUs.
func MaxJobs() int { return 4 * runtime.NumCPU() }

// Today is the run date used when neither --as-of nor project.as_of is set.
func Today() string { return time.Now().Format("2006-01-02") }

// Run checks every document under opts.Paths and decides the result.
// The error is a tool error (a bad configuration, rules that do not
// compile, the run's deadline) or the context's when the run was
// interrupted; what goes wrong with a document is a finding on it.
func Run(ctx context.Context, opts Options) (*finding.Result, error) {
	started := time.Now()
	o, err := opts.settle()
	if err != nil {
		return nil, err
	}
	// The whole run has a deadline (limits.run_timeout): every per-file
	// and per-rule deadline holding, many files could still keep a CI job
	// for hours.
	runCtx, cancel := context.WithTimeout(ctx, o.Limits.RunTimeout)
	defer cancel()
	res, err := run(runCtx, o, started)
	if ctx.Err() == nil && errors.Is(runCtx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("the run did not finish within %s (limits.run_timeout); %s",
			o.Limits.RunTimeout, limits.Hint(limits.KeyRunTimeout))
	}
	if err != nil {
		return nil, err
	}
	return res, ctx.Err()
}

func run(ctx context.Context, o Options, started time.Time) (*finding.Result, error) {
	files, err := discover.Walk(o.Paths, discover.Options{
		Exclude: o.Config.Documents.Exclude, IgnoreFile: !o.TrustedConfig, Shard: o.Shard, Shards: o.Shards,
		Limits: o.Limits, FollowSymlinks: o.FollowSymlinks,
	})
	if err != nil {
		return nil, err
	}
	if o.discovered != nil {
		o.discovered(files)
	}
	// The rules compile while the files are read (compile.go); a compile
	// error stops the reading.
	comp, err := o.compiler(ctx, files)
	if err != nil {
		return nil, err
	}
	jobs := max(min(o.Jobs, len(files), MaxJobs()), 1)

	// Pass 1, read: every file to its typed artifact.
	m3, err := policy.M3Artifacts()
	if err != nil {
		return nil, err
	}
	docs := make([]Document, len(files))
	ropts := ReadOptions{Limits: o.Limits, Kinds: o.Config.Documents.Kinds, Normalize: normalize.ConfigOptions(o.Config),
		Artifacts: m3,
		slots:     make(chan struct{}, jobs)} // a slot is held by each reader until it really ends (extract.ReadOpened)
	if err := pool(comp.ctx, len(files), jobs, func(i int) { docs[i] = ReadFile(comp.ctx, files[i], ropts) }); err != nil {
		return nil, comp.failed(ctx, err)
	}

	// Pass 2, link: a PMP's reference to a separate plan is resolved
	// against the submission, so that the document rules see it.
	normalize.LinkReferences(artifacts(docs))

	// Pass 3, evaluate each document; its converted input is kept for the
	// project rules.
	guard := startMemGuard(ctx, o.Limits.EvalMemory)
	defer guard.stop()
	evals := make([]evaluated, len(docs))
	if err := pool(comp.ctx, len(docs), jobs, func(i int) { evals[i] = evaluate(comp.ctx, guard, comp, &docs[i], o) }); err != nil {
		return nil, comp.failed(ctx, err)
	}
	eng, err := comp.wait()
	if err != nil {
		return nil, err
	}
	if err := o.checkEngine(eng); err != nil {
		return nil, err
	}
	o.traceNote(eng, docs)

	res := &finding.Result{}
	var inputs []policy.Input
	var inputDoc []int // the document of each input
	for i := range docs {
		d := &docs[i]
		res.Documents = append(res.Documents, d.Info)
		res.Findings = append(res.Findings, d.Findings...)
		res.Findings = append(res.Findings, evals[i].findings...)
		res.Checks = append(res.Checks, evals[i].checks...)
		if o.KeepArtifacts && d.Artifact != nil {
			res.Artifacts = append(res.Artifacts, d.Artifact)
		}
		if evals[i].input != nil {
			inputs = append(inputs, *evals[i].input)
			inputDoc = append(inputDoc, i)
		}
	}

	// Pass 4, the project rules over the submission (or each project of
	// it), unless only part of it was read.
	if o.Partial != "" {
		res.Findings = append(res.Findings, finding.NewTool("TG-SCOPE-001", "",
			"project rules (cross-document and M3) were not run: "+o.Partial+" is only part of the submission; check the whole tree to run them", document.Loc{}))
	} else {
		abs := make([]string, len(inputs))
		kinds := make([]string, len(inputs))
		for k, i := range inputDoc {
			abs[k], kinds[k] = files[i].Abs, docs[i].Info.Kind
		}
		evalProjects(ctx, guard, eng, inputs, abs, kinds, o, res)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := addSkipped(res, o); err != nil {
		return nil, err
	}
	// Pass 5, decide.
	return res, o.finish(res, eng, started)
}

// settle fills the defaults Options leaves to the configuration.
func (o Options) settle() (Options, error) {
	if o.Config == nil {
		o.Config = &config.Config{}
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.AsOf == "" {
		o.AsOf = firstNonEmpty(o.Config.Project.AsOf, Today())
	}
	if _, err := time.Parse("2006-01-02", o.AsOf); err != nil {
		return o, fmt.Errorf("--as-of %q: want YYYY-MM-DD", o.AsOf)
	}
	o.FailOn = firstNonEmpty(o.FailOn, o.Config.FailOn, "error")
	if _, err := config.ParseFailOn(o.FailOn); err != nil {
		return o, fmt.Errorf("--fail-on: %w", err)
	}
	if o.Jobs < 0 {
		return o, fmt.Errorf("--jobs %d: want a positive number", o.Jobs)
	}
	if o.Jobs == 0 {
		o.Jobs = runtime.NumCPU()
	}
	if most := MaxJobs(); o.Jobs > most {
		// Each job is a goroutine and a reader's working memory: more
		// jobs than the cores can use only cost memory (--jobs 100000000
		// was a fatal out-of-memory).
		fmt.Fprintf(o.Log, "tollgate: --jobs %d is more than %d (4 × %d CPUs); using %d\n", o.Jobs, most, runtime.NumCPU(), most)
		o.Jobs = most
	}
	if o.Shards > 0 {
		o.KeepArtifacts = true // Merge runs the project rules on them
	}
	o.FailOnNew = o.FailOnNew || o.Config.FailOnNew
	return o, nil
}

// artifacts are the documents' artifacts (linking's view of the
// submission).
func artifacts(docs []Document) []*artifact.Artifact {
	var arts []*artifact.Artifact
	for _, d := range docs {
		if d.Artifact != nil {
			arts = append(arts, d.Artifact)
		}
	}
	return arts
}

// pool runs fn(0..n-1) on jobs workers and stops feeding work when ctx ends.
func pool(ctx context.Context, n, jobs int, fn func(i int)) error {
	work := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range work {
				fn(i)
			}
		})
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	return ctx.Err()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// traceNote says when the rule --trace names applies to none of the
// documents read: its evaluation, and so its trace, never ran.
func (o Options) traceNote(eng *policy.Engine, docs []Document) {
	if o.Trace == "" {
		return
	}
	for _, r := range eng.Rules() {
		if !strings.EqualFold(r.ID, o.Trace) {
			continue
		}
		for _, k := range r.Kinds {
			if k == "*" || k == "project" {
				return
			}
			for _, d := range docs {
				if d.Info.Kind == k {
					return
				}
			}
		}
		// A user rule's ID and kinds come from its METADATA: escaped.
		fmt.Fprintf(o.Log, "── %s applies to %s; none of the documents is one ──\n",
			report.EscapeText(r.ID), report.EscapeText(strings.Join(r.Kinds, ", ")))
	}
}
