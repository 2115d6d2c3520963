// Package check runs the whole pipeline over a set of paths: discover,
// extract, classify, normalize, validate and evaluate each document on a
// worker pool, then the project rules over the set, then decide.
package check

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/fsguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/schema"
)

// Options is one run's settings, already merged from flags and config.
type Options struct {
	Paths     []string
	Exclude   []string
	Kinds     []classify.KindRule
	Shard     int // 1-based; 0 = no sharding
	Shards    int
	Jobs      int
	Limits    limits.Limits
	Policy    policy.Options
	Normalize normalize.Options // per-run defaults (StatusDate, PlanMinWords)
	// KeepArtifacts puts the normalized artifacts into the result.
	KeepArtifacts bool
	// Partial, when set, says why the run holds only part of the
	// submission ("the file charter.docx", "shard 1/3"): the project rules
	// are not run, and a TG-SCOPE-001 finding says so.
	Partial string
	// NoIgnoreFile ignores the .tollgateignore files of the checked
	// directories (a trusted configuration decides what is excluded).
	NoIgnoreFile bool
	// FollowSymlinks reads files that symbolic links point to outside the
	// checked directories (discover.Options.FollowSymlinks).
	FollowSymlinks bool
	// Discovered, when set, is told the files found, before any is read
	// (RunCompiling's caller sizes the compilation by them: see
	// cli.shortReading).
	Discovered func(files []discover.File)
	// Artifacts are the M3 artifacts the classifier recognises; nil means
	// the built-in M3 data (policy.M3Artifacts).
	Artifacts []classify.M3Artifact
}

// Output is what a run produced before deciding (waivers, verdict).
type Output struct {
	Result finding.Result
	// Artifacts are the normalized artifacts, only with KeepArtifacts:
	// otherwise each is given up once converted for the rules.
	Artifacts []map[string]any
}

// docResult is what one worker made of one file.
//
// Memory: a large schedule's generic form (maps) and its converted form
// (policy.Input) are each tens of megabytes, so the generic form is kept
// only as long as something needs it. A normalized artifact is handed to
// the rules' conversion (PrepareOwned, which frees it as it goes) as soon
// as it is validated, unless it is a PMP (linking may still edit it) or
// the run keeps artifacts; artifact then holds only the fields linking
// reads about other documents (linkSummary).
type docResult struct {
	doc finding.Document
	// artifact is the generic form, or its link summary once converted;
	// nil when the file gave no artifact.
	artifact map[string]any
	// owned: artifact was made by the normalizer for this run alone, so
	// it may be given up to the conversion.
	owned bool
	// input is the artifact converted for the rules, once, shared by the
	// document and the project rules; nil when it could not be converted.
	input *policy.Input
	// prepErr is why an owned artifact could not be converted (it is gone
	// then; this never happens for normalizer output, which is plain JSON).
	prepErr error
	// schema delivers the schema check's findings when it runs alongside
	// the conversion and the rules; nil when they are already in findings.
	schema   <-chan []finding.Finding
	findings []finding.Finding
	checks   []finding.Check
}

// Run checks every document under opts.Paths with a compiled engine.
func Run(ctx context.Context, eng *policy.Engine, opts Options) (*Output, error) {
	return RunCompiling(ctx, func() (*policy.Engine, error) { return eng, nil }, opts)
}

// RunCompiling is Run with rules still being compiled: engine is called
// (and may block) only once every file has been read and normalized, so
// compiling the packs (a tenth of a second or more) overlaps reading the
// files. An engine error is returned as is.
func RunCompiling(ctx context.Context, engine func() (*policy.Engine, error), opts Options) (*Output, error) {
	if opts.Artifacts == nil {
		m3, err := policy.M3Artifacts()
		if err != nil {
			return nil, err
		}
		opts.Artifacts = m3
	}
	files, err := discover.Walk(opts.Paths, discover.Options{
		Exclude: opts.Exclude, IgnoreFile: !opts.NoIgnoreFile, Shard: opts.Shard, Shards: opts.Shards, Limits: opts.Limits,
		FollowSymlinks: opts.FollowSymlinks,
	})
	if err != nil {
		return nil, err
	}
	if opts.Discovered != nil {
		opts.Discovered(files)
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	// Each job is a goroutine and a reader's working memory: more jobs
	// than files, or than the cores can use, only cost memory (--jobs
	// 100000000 was a fatal out-of-memory).
	jobs = max(min(jobs, len(files), MaxJobs()), 1)
	// Read and normalize every file, then link the artifacts (a PMP's
	// reference to a separate plan is resolved against the submission),
	// then evaluate each document: per-document rules see resolved links.
	results := make([]docResult, len(files))
	readers := make(chan struct{}, jobs) // held by each reader until it really ends (extract.ReadHeld)
	if err := pool(ctx, len(files), jobs, func(i int) { results[i] = readFile(ctx, files[i], opts, readers) }); err != nil {
		return nil, err
	}
	eng, err := engine()
	if err != nil {
		return nil, err
	}
	var linked []map[string]any
	for _, r := range results {
		if r.artifact != nil {
			linked = append(linked, r.artifact)
		}
	}
	normalize.LinkReferences(linked)
	guard := startMemGuard(ctx, opts.Limits.EvalMemory)
	defer guard.stop()
	if err := pool(ctx, len(files), jobs, func(i int) { evaluate(ctx, guard, eng, &results[i], opts) }); err != nil {
		return nil, err
	}

	out := &Output{}
	res := &out.Result
	inputs := make([]policy.Input, 0, len(results))
	inputFile := make([]int, 0, len(results)) // the file of each input
	var unprepared *docResult                 // the first artifact the rules cannot take
	for i := range results {
		r := &results[i]
		if r.schema != nil { // not evaluated (stopped early): the check still counts
			r.findings = append(r.findings, <-r.schema...)
			r.schema = nil
		}
		res.Documents = append(res.Documents, r.doc)
		res.Findings = append(res.Findings, r.findings...)
		res.Checks = append(res.Checks, r.checks...)
		if r.artifact == nil {
			continue
		}
		if opts.KeepArtifacts {
			out.Artifacts = append(out.Artifacts, r.artifact)
		}
		if r.input != nil {
			inputs = append(inputs, *r.input)
			inputFile = append(inputFile, i)
		} else if unprepared == nil {
			unprepared = r
		}
	}
	if opts.Partial != "" {
		// Only part of the submission was read: rules that look for a
		// document (an IV&V plan, an approved PMP) would report what the
		// rest of the submission may hold. They are not run, and the
		// report says so.
		res.Findings = append(res.Findings, finding.NewTool("TG-SCOPE-001", "",
			"project rules (cross-document and M3) were not run: "+opts.Partial+" is only part of the submission; check the whole tree to run them", document.Loc{}))
		if opts.KeepArtifacts {
			for _, a := range out.Artifacts {
				res.Artifacts = append(res.Artifacts, a)
			}
		}
		return out, nil
	}
	gctx := guard.context()
	pctx, cancel := context.WithTimeout(gctx, opts.Limits.ProjectTimeout)
	defer cancel()
	var po policy.Outcome
	switch {
	case unprepared == nil:
		po, err = evalProjects(pctx, eng, files, results, inputs, inputFile, opts, res)
	case unprepared.prepErr != nil:
		err = fmt.Errorf("project input is not JSON data: %w", unprepared.prepErr)
	default:
		// An artifact the rules cannot take: the map path reports it
		// exactly as it always has (it stops at the first such artifact,
		// the others do not change its answer).
		po, err = eng.EvalProject(pctx, []map[string]any{unprepared.artifact})
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// Like a document's, a failed project evaluation is a finding on
		// the submission: the per-document results stand and are reported.
		msg := fmt.Sprintf("project rule evaluation failed: %v", err)
		switch {
		case errors.Is(context.Cause(gctx), errEvalMemory):
			msg = fmt.Sprintf("project rule evaluation stopped: %v (%s); %s",
				errEvalMemory, limits.FormatBytes(opts.Limits.EvalMemory), limits.Hint(limits.KeyEvalMemory))
		case errors.Is(pctx.Err(), context.DeadlineExceeded):
			msg = fmt.Sprintf("project rule evaluation did not finish within %s: %v; %s",
				opts.Limits.ProjectTimeout, err, limits.Hint(limits.KeyProjectTimeout))
		}
		res.Findings = append(res.Findings, finding.NewTool("TG-EVAL-001", "", msg, document.Loc{}))
	}
	res.Findings = append(res.Findings, po.Findings...)
	res.Checks = append(res.Checks, po.Checks...)
	if opts.KeepArtifacts {
		for _, a := range out.Artifacts {
			res.Artifacts = append(res.Artifacts, a)
		}
	}
	return out, nil
}

// MaxJobs is the most documents checked in parallel: 4 × the CPUs.
func MaxJobs() int { return 4 * runtime.NumCPU() }

// pool runs fn(0..n-1) on jobs workers and stops feeding work when ctx ends.
func pool(ctx context.Context, n, jobs int, fn func(i int)) error {
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				fn(i)
			}
		}()
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

// readFile takes one file through extract → classify → normalize →
// validate. Every failure becomes a finding on that file; it never stops
// the run.
func readFile(ctx context.Context, f discover.File, opts Options, readers chan struct{}) (out docResult) {
	out.doc = finding.Document{Path: f.Path, Format: string(f.Format), Size: f.Size, Status: finding.DocOK}
	defer func() {
		// Readers must not panic; if one does, this file is unreadable and
		// the run goes on.
		if p := recover(); p != nil {
			out.doc.Status = finding.DocUnreadable
			out.doc.Error = fmt.Sprintf("internal error: %v", p)
			out.findings = append(out.findings, finding.NewTool(document.ReadCorrupt, f.Path,
				fmt.Sprintf("internal error while checking this file: %v", p), document.Loc{}))
			out.artifact = nil
		}
	}()
	if f.Fault != nil {
		return unreadable(out, f.Path, f.Fault)
	}
	sum, err := hashFileWithin(ctx, f.Abs, opts.Limits.ReadTimeout)
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return unreadable(out, f.Path, document.LimitFault(limits.KeyReadTimeout, document.Loc{}, err,
				"hashing the file took longer than %s (limits.read_timeout)", opts.Limits.ReadTimeout))
		}
		if errors.Is(err, fsguard.ErrNotRegular) {
			return unreadable(out, f.Path, document.Faultf(document.ReadCorrupt, document.Loc{}, err,
				"no longer a regular file (it changed after it was found)"))
		}
		return unreadable(out, f.Path, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot read the file"))
	}
	out.doc.SHA256 = sum

	tree, err := extract.ReadHeld(ctx, f, opts.Limits, readers)
	if err != nil {
		var fault *document.Fault
		if !errors.As(err, &fault) {
			fault = document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot read the file: %v", err)
		}
		if fault.Rule == document.ReadUnsupported && (f.Format == document.FormatJSON || f.Format == document.FormatYAML) {
			// JSON or YAML that is no tollgate artifact (a package.json):
			// listed as skipped, not a failure of the run.
			return skipped(out, fault.Message)
		}
		return unreadable(out, f.Path, fault)
	}
	tree.Path = f.Path
	for _, fl := range tree.Faults {
		out.findings = append(out.findings, finding.FromFault(f.Path, fl))
	}

	if tree.Artifact != nil {
		if k, _ := tree.Artifact["kind"].(string); !classify.Known(k) {
			// A Kubernetes manifest ("kind: Pod") is not a tollgate artifact.
			return skipped(out, fmt.Sprintf("JSON/YAML that is not a tollgate artifact (kind %q is not a document kind)", k))
		}
		art := adoptArtifact(tree, f, sum)
		out.doc.Kind, _ = art["kind"].(string)
		out.doc.KindSource = "document"
		out.findings = append(out.findings, schemaFindings(f.Path, schema.Validate(art))...)
		out.artifact = art
		return out
	}
	c := classify.Classify(tree, f.Path, classify.Options{Rules: opts.Kinds, Artifacts: opts.Artifacts})
	nopts := opts.Normalize
	nopts.SHA256, nopts.SizeBytes = sum, f.Size
	nopts.Context = ctx
	a := normalize.Normalize(tree, c, nopts)
	tree = nil // the normalized artifact is all that is needed from here on
	if ctx.Err() != nil {
		return out // the run was cancelled: the artifact may be partial, and Run returns the error
	}
	for _, d := range a.Diagnostics {
		// A table of the kind's shape whose rows could not be read is
		// said, never dropped silently.
		if d.Code == normalize.UnreadTable {
			out.findings = append(out.findings, finding.NewTool(normalize.UnreadTable, f.Path, d.Message, d.Loc))
		}
	}
	out.owned = true
	out.doc.Kind, out.doc.KindSource, out.doc.KindReason = string(c.Kind), c.Source, c.Reason
	for _, e := range a.Evidence {
		out.doc.Evidence = append(out.doc.Evidence, finding.Evidence{Field: e.Field, Text: e.Text, Read: e.Read, Loc: e.Loc})
	}
	if c.Kind == "generic" {
		out.findings = append(out.findings, finding.NewTool("TG-KIND-001", f.Path, kindMessage(c, f.Path), document.Loc{}))
	}
	if opts.KeepArtifacts || a.PMP != nil {
		// The generic form is wanted: kept for the caller, or edited by
		// linking (a PMP's references to separate plans).
		m, err := a.Map()
		if err != nil {
			return unreadable(out, f.Path, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot encode the normalized artifact"))
		}
		out.findings = append(out.findings, schemaFindings(f.Path, schema.Validate(m))...)
		out.artifact = m
		return out
	}
	// Everything else goes from its typed form straight to the rules'
	// value, while the schema check runs alongside (it only adds
	// findings; evaluate waits for it): no generic copy of a large
	// schedule is ever made whole.
	ch := make(chan []finding.Finding, 1)
	go func() { ch <- schemaFindings(f.Path, schema.ValidateArtifactContext(ctx, a)) }()
	out.schema = ch
	out.artifact = typedSummary(a)
	if ctx.Err() != nil {
		return out
	}
	in, err := policy.PrepareTyped(a)
	if err != nil {
		out.prepErr = err
		return out
	}
	out.input = &in
	return out
}

func schemaFindings(path string, vs []schema.Violation) []finding.Finding {
	var out []finding.Finding
	for _, v := range vs {
		out = append(out, finding.NewTool("TG-SCHEMA-001", path, v.Message, document.Loc{Pointer: v.Pointer}))
	}
	return out
}

// typedSummary is linkSummary of a typed artifact.
func typedSummary(a *artifact.Artifact) map[string]any {
	return map[string]any{"kind": a.Kind, "title": a.Title, "source": map[string]any{"path": a.Source.Path}}
}

// prepareOwned converts an owned artifact for the rules, giving up its
// generic form (unless the run keeps artifacts): from here on only its
// link summary remains.
func prepareOwned(eng *policy.Engine, r *docResult, opts Options) {
	if !r.owned || opts.KeepArtifacts || r.input != nil || r.prepErr != nil {
		return
	}
	summary := linkSummary(r.artifact)
	in, err := eng.PrepareOwned(r.artifact)
	r.artifact = summary
	if err != nil {
		r.prepErr = err
		return
	}
	r.input = &in
}

// linkSummary is what normalize.LinkReferences reads of an artifact that
// is not the PMP being linked: its kind, title and source path.
func linkSummary(art map[string]any) map[string]any {
	s := map[string]any{}
	for _, k := range []string{"kind", "title"} {
		if v, ok := art[k]; ok {
			s[k] = v
		}
	}
	if src, ok := art["source"].(map[string]any); ok {
		s["source"] = map[string]any{"path": src["path"]}
	}
	return s
}

// evaluate runs the per-document rules on a read document, under the
// evaluation deadline; an error becomes a TG-EVAL-001 finding.
func evaluate(ctx context.Context, guard *memGuard, eng *policy.Engine, r *docResult, opts Options) {
	if r.artifact == nil {
		return
	}
	path := r.doc.Path
	defer func() {
		if p := recover(); p != nil {
			r.findings = append(r.findings, finding.NewTool("TG-EVAL-001", path, fmt.Sprintf("internal error while evaluating rules: %v", p), document.Loc{}))
		}
	}()
	if r.schema != nil {
		// The schema check ran alongside the conversion; waiting for it
		// here lets the typed artifact go before the rules need memory,
		// and keeps the rules from sharing the cores with it.
		select {
		case fs := <-r.schema:
			r.findings = append(r.findings, fs...)
		case <-ctx.Done():
			return // the run was cancelled; Run returns the error
		}
		r.schema = nil
	}
	if ctx.Err() != nil {
		return
	}
	gctx := guard.context()
	ectx, cancel := context.WithTimeout(gctx, opts.Limits.EvalTimeout)
	defer cancel()
	var o policy.Outcome
	var err error
	prepareOwned(eng, r, opts) // a PMP, now linked
	switch {
	case r.input != nil:
		o, err = eng.EvalDocumentInput(ectx, *r.input)
	case r.prepErr != nil:
		err = r.prepErr
	default:
		if in, perr := eng.Prepare(r.artifact); perr == nil {
			r.input = &in
			o, err = eng.EvalDocumentInput(ectx, in)
		} else {
			o, err = eng.EvalDocument(ectx, r.artifact)
		}
	}
	if err != nil {
		msg := fmt.Sprintf("rule evaluation failed: %v", err)
		switch {
		case errors.Is(context.Cause(gctx), errEvalMemory):
			msg = fmt.Sprintf("rule evaluation stopped: %v (%s); %s",
				errEvalMemory, limits.FormatBytes(opts.Limits.EvalMemory), limits.Hint(limits.KeyEvalMemory))
		case errors.Is(ectx.Err(), context.DeadlineExceeded):
			msg = fmt.Sprintf("rule evaluation did not finish within %s: %v; %s",
				opts.Limits.EvalTimeout, err, limits.Hint(limits.KeyEvalTimeout))
		}
		r.findings = append(r.findings, finding.NewTool("TG-EVAL-001", path, msg, document.Loc{}))
	}
	r.findings = append(r.findings, o.Findings...)
	r.checks = append(r.checks, o.Checks...)
}

// skipped lists a file the run does not check, with the reason.
func skipped(out docResult, why string) docResult {
	out.doc.Status = finding.DocSkipped
	out.doc.Error = why
	return out
}

func unreadable(out docResult, path string, fault *document.Fault) docResult {
	out.doc.Status = finding.DocUnreadable
	out.doc.Error = fault.Message
	out.findings = append(out.findings, finding.FromFault(path, fault))
	return out
}

// adoptArtifact takes a docs-as-code artifact (json/yaml with a kind) as
// is, filling only the source block the file cannot know about itself.
func adoptArtifact(t *document.Tree, f discover.File, sum string) map[string]any {
	art := t.Artifact
	src, _ := art["source"].(map[string]any)
	if src == nil {
		src = map[string]any{}
	}
	src["path"] = f.Path
	src["format"] = string(f.Format)
	src["sha256"] = sum
	src["size_bytes"] = f.Size
	art["source"] = src
	if _, ok := art["schema_version"]; !ok {
		art["schema_version"] = "1"
	}
	if _, ok := art["kind_source"]; !ok {
		art["kind_source"] = "document"
	}
	// The schedule index tells the rules which tasks they may skip. Only
	// an index tollgate computed itself can be trusted with that: one
	// written into the file could hide every offender, so it is dropped
	// and the rules scan every task.
	if s, ok := art["schedule"].(map[string]any); ok {
		delete(s, "index")
	}
	return art
}

func hashFile(p string) (string, error) { return hashFileWithin(context.Background(), p, 0) }

// hashFileWithin hashes the regular file at p, stopping when ctx ends or
// after timeout (0 = none): the file may have become a FIFO or a device
// since discovery (opened without blocking and refused), or sit on a
// file system that stalls.
func hashFileWithin(ctx context.Context, p string, timeout time.Duration) (string, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	fh, _, err := fsguard.OpenRegular(p)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	h := sha256.New()
	buf := make([]byte, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("hash %s: %w", p, err)
		}
		n, err := fh.Read(buf)
		h.Write(buf[:n])
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("hash %s: %w", p, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Today is the run date used when neither --as-of nor project.as_of is set.
func Today() string { return time.Now().Format("2006-01-02") }

// HashFile returns the hex sha256 of the file at p.
func HashFile(p string) (string, error) { return hashFile(p) }

// evalProjects runs the project rules once per project of the run (see
// splitProjects): a tree of unrelated projects is judged project by
// project. With more than one project, each submission-level result names
// its project in its scope, and a TG-SCOPE-002 note lists the projects.
func evalProjects(ctx context.Context, eng *policy.Engine, files []discover.File, results []docResult,
	inputs []policy.Input, inputFile []int, opts Options, res *finding.Result) (policy.Outcome, error) {
	abs := make([]string, len(inputs))
	kinds := make([]string, len(inputs))
	for k, i := range inputFile {
		abs[k] = files[i].Abs
		kinds[k] = results[i].doc.Kind
	}
	if len(inputs) == 0 {
		return eng.EvalProjectInputs(ctx, inputs)
	}
	projects := splitProjects(abs, kinds, opts.Paths)
	if len(projects) <= 1 {
		return eng.EvalProjectInputs(ctx, inputs)
	}
	base := commonDir(abs, seq(len(abs)))
	var all policy.Outcome
	var names []string
	for _, p := range projects {
		ins := make([]policy.Input, 0, len(p.docs))
		for _, k := range p.docs {
			ins = append(ins, inputs[k])
		}
		rel, err := filepath.Rel(base, p.root)
		if err != nil || rel == "." {
			rel = "."
		}
		rel = filepath.ToSlash(rel)
		names = append(names, rel)
		o, err := eng.EvalProjectInputs(ctx, ins)
		if err != nil {
			return all, fmt.Errorf("project %s: %w", rel, err)
		}
		scope := "project " + rel
		for _, f := range o.Findings {
			if f.Path == "" {
				f.Scope = joinScope(scope, f.Scope)
			}
			all.Findings = append(all.Findings, f)
		}
		for _, c := range o.Checks {
			if c.Path == "" {
				c.Scope = joinScope(scope, c.Scope)
			}
			all.Checks = append(all.Checks, c)
		}
	}
	res.Findings = append(res.Findings, finding.NewTool("TG-SCOPE-002", "",
		fmt.Sprintf("the tree holds %d separate projects (%s); cross-document rules compared documents within each project only", len(projects), strings.Join(names, ", ")), document.Loc{}))
	return all, nil
}

func joinScope(project, scope string) string {
	if scope == "" {
		return project
	}
	return project + ": " + scope
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// kindMessage says why a document was checked as generic and how to
// declare its kind.
func kindMessage(c classify.Result, path string) string {
	why := "no title, file name, heading or table names a kind tollgate checks"
	if c.Source != classify.SourceDefault && c.Reason != "" {
		why = c.Reason
	}
	return fmt.Sprintf("checked as generic: %s. If it is one of the kinds tollgate checks, declare it: `kind: charter` (or pmp, schedule, raci, risk_register, ivv_plan, qasp, status_report, …) in its front matter, or in .tollgate.yaml: documents: {kinds: [{path: %q, kind: charter}]}", why, path)
}
