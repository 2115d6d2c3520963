// Package policy compiles the Rego rule packs (built-in and user) once and
// evaluates them on artifacts. Evaluation has three entry points: NewInput
// converts a typed artifact once, Eval runs the document rules on it, and
// EvalProject runs the project rules over the whole submission. The rule
// contract is written down in docs/architecture.md, "Rule contract (Rego)".
//
// Query design: the modules are compiled once, and each rule gets one
// prepared query reading its result sets (fail, not_assessable, checked, or
// conftest's deny/warn). The artifact is converted to an AST value once
// (NewInput) and shared by the rule queries and by the project input. On a
// 10,000-task schedule the conversion was measured at 0.3–0.4 s, and the
// project rules used to convert every artifact twice more (once in
// "artifacts", once in "by_kind"). The alternative — one prepared
// query per kind reading every applicable rule at once — was measured
// (BenchmarkEvalDocument vs BenchmarkEvalDocumentSingleQuery, 7 charter
// rules): it allocates about 30 % less (1201 vs 1701 allocs, 58 vs 99 KB per
// document) and ran 0.7–1.2 ms against 0.75–1.5 ms on a loaded 2-CPU host,
// i.e. within the noise. Per-rule queries were kept because they isolate
// failures: a rule that errors or runs into the deadline is named in the
// error (TG-EVAL-001 can say which rule to simplify) and the other rules'
// results still count.
package policy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// Options say which rules to load and what data they see.
type Options struct {
	// Packs are the built-in packs to load (directory names under
	// policies/); empty loads every pack. lib is always loaded. Names of
	// packs that do not exist are ignored, so a config can name packs of a
	// newer release.
	Packs []string
	// PolicyDirs are directories of user .rego files, loaded recursively
	// (files ending in _test.rego are skipped).
	PolicyDirs []string
	// DataFiles are JSON or YAML files merged into data at their top level.
	DataFiles []string
	// Confine maps a PolicyDirs or DataFiles entry named by a configuration
	// to the directory every file read through it must resolve inside
	// (symbolic links followed); entries not listed (command-line paths)
	// are not confined.
	Confine map[string]string
	// PolicyBytes and DataBytes bound the total size of the user policy
	// files and of the data files (limits.policy_bytes, limits.data_bytes);
	// 0 = no bound.
	PolicyBytes, DataBytes int64
	// Project is data.tollgate.project.
	Project map[string]any
	// Thresholds are deep-merged over policies/data/thresholds.json into
	// data.tollgate.thresholds.
	Thresholds map[string]any
	// Severity overrides a rule's severity by rule ID; "off" drops the rule.
	Severity map[string]finding.Severity
	// SeverityTighten overrides a rule's severity only where it is higher
	// than the rule's (after Severity): the checked tree's own overrides
	// under a trusted configuration, which may not loosen a rule.
	SeverityTighten map[string]finding.Severity
	// EvalMemory is the memory budget of rule evaluation (limits.eval_memory):
	// it bounds the values a single built-in call may build (guard.go).
	EvalMemory int64
	// EvalTimeout is informational: callers bound each evaluation with a
	// context deadline (the engine stops when the context is done).
	EvalTimeout time.Duration
	// CompileWorkers is how many compilers share the rules (groups.go):
	// 0 or 1 compiles every module with one compiler, the least CPU in
	// all; n > 1 splits the rule packages into n groups compiled side by
	// side, the least wall time when the cores have nothing else to do.
	CompileWorkers int
	// AllowNet are the hosts http.send may reach (sandbox.go); none by
	// default, and then http.send does not compile.
	AllowNet []string
	// Print keeps print() calls (for --trace); off, they are removed.
	Print bool
	// Trace names one rule (by ID, case-insensitive) that Eval and
	// EvalProject also evaluate with OPA's tracer, writing the trace and
	// the rule's print() output to TraceTo (check --trace). A name no
	// loaded rule has is a compile error.
	Trace   string
	TraceTo io.Writer
}

// Outcome is what evaluating the rules produced.
type Outcome struct {
	Findings []finding.Finding
	Checks   []finding.Check
}

// Engine is a compiled, ready-to-evaluate set of rules. It is safe for
// concurrent use: the prepared queries and the store are read-only.
type Engine struct {
	rules   []*rule
	byKind  map[string][]*rule // document rules by kind ("*" = every kind)
	project []*rule
	digest  string
	store   storage.Store
	// parallel is how many rules of one document evaluate at once.
	parallel int
	// warnings are about the user policies: files that define no rule.
	warnings []string
	// traced is the rule Options.Trace names (nil: none); its traces go
	// to traceTo one evaluation at a time.
	traced  *rule
	traceTo io.Writer
	traceMu sync.Mutex
}

// Warnings are what the loaded user policies should hear about but that
// does not stop the run: a file that defines no rule tollgate understands.
func (e *Engine) Warnings() []string { return e.warnings }

// Rules returns the catalog of the rules that run (severity overrides
// applied; rules switched off are left out), sorted by ID.
func (e *Engine) Rules() []finding.Rule {
	out := make([]finding.Rule, 0, len(e.rules))
	for _, r := range e.rules {
		out = append(out, r.meta)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Digest is the hex sha256 over every loaded policy source and data
// document (built-in and user) plus the merged thresholds and severity
// overrides: two runs with the same digest applied the same rules.
func (e *Engine) Digest() string { return e.digest }

// Compile loads, checks and compiles the rules once, and prepares one query
// per rule. Compile errors name file:line.
func Compile(ctx context.Context, opts Options) (*Engine, error) {
	srcs, err := builtinSources(opts.Packs)
	if err != nil {
		return nil, err
	}
	user, err := userSources(opts.PolicyDirs, opts.Confine, opts.PolicyBytes, false)
	if err != nil {
		return nil, err
	}
	srcs = append(srcs, user...)
	data, dataDigest, err := buildData(opts)
	if err != nil {
		return nil, err
	}
	return build(ctx, srcs, data, dataDigest, opts)
}

// parsedModule is one source's parse result.
type parsedModule struct {
	m   *ast.Module
	err error
}

// parseAll parses every source, on every core: parsing is about a fifth
// of compiling the built-in packs, and each file parses on its own.
func parseAll(srcs []source, caps *ast.Capabilities) []parsedModule {
	out := make([]parsedModule, len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(runtime.GOMAXPROCS(0), 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i].m, out[i].err = ast.ParseModuleWithOpts(srcs[i].name, string(srcs[i].text), ast.ParserOptions{
					ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps,
				})
			}
		}()
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// source is one Rego file to compile.
type source struct {
	name    string // file name shown in errors: policies/core/gen_001.rego or the user path
	text    []byte
	builtin bool
	pack    string // built-in pack (directory); "" for user files
}

func build(ctx context.Context, srcs []source, data map[string]any, dataDigest []byte, opts Options) (*Engine, error) {
	caps := withAllowNet(capabilities(), opts.AllowNet)
	modules := make(map[string]*ast.Module, len(srcs))
	bySrc := make(map[string]source, len(srcs))
	var parseErrs ast.Errors
	parsed := parseAll(srcs, caps)
	for i, s := range srcs {
		m, err := parsed[i].m, parsed[i].err
		if err != nil {
			var errs ast.Errors
			if errors.As(err, &errs) {
				parseErrs = append(parseErrs, errs...)
				continue
			}
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		if _, dup := modules[s.name]; dup {
			return nil, fmt.Errorf("%s: loaded twice", s.name)
		}
		modules[s.name] = m
		bySrc[s.name] = s
	}
	if len(parseErrs) > 0 {
		return nil, refusedBuiltinHint(compileError(parseErrs))
	}
	var schemas *ast.SchemaSet
	if typeUserModules(modules, bySrc) {
		var err error
		if schemas, err = schemaSet(); err != nil {
			return nil, err
		}
	}

	var groups []compileGroup
	if opts.CompileWorkers > 1 {
		groups = groupModules(modules, balancedSeeds(modules, bySrc, opts.CompileWorkers))
	}
	if len(groups) == 0 { // one compiler for every module (or lib alone: still compiled, so its errors show)
		paths, _ := modulesByPackage(modules)
		groups = []compileGroup{{modules: modules, seeds: paths}}
	}
	compilers, errs := compileGroups(groups, func() *ast.Compiler {
		c := ast.NewCompiler().
			WithCapabilities(caps).
			WithEnablePrintStatements(opts.Print).
			WithDefaultRegoVersion(ast.RegoV1)
		if schemas != nil {
			c.WithSchemas(schemas).WithUseTypeCheckAnnotations(true)
		}
		return c
	}, max(opts.CompileWorkers, 1))
	if len(errs) > 0 {
		return nil, refusedBuiltinHint(typedError(errs))
	}
	compilerOf := map[string]*ast.Compiler{} // rule package → its group's compiler
	for i, g := range groups {
		for _, p := range g.seeds {
			compilerOf[p] = compilers[i]
		}
	}

	rules, warnings, err := collectRules(modules, bySrc)
	if err != nil {
		return nil, err
	}

	store := inmem.NewFromObjectWithOpts(data,
		inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))

	e := &Engine{byKind: map[string][]*rule{}, store: store, parallel: max(runtime.GOMAXPROCS(0), 1), warnings: warnings}
	now := asOfTime(opts.Project)
	setEvalMemory(opts.EvalMemory)
	seen := map[string]string{}
	for _, r := range rules {
		if prev, dup := seen[r.meta.ID]; dup {
			return nil, fmt.Errorf("%s: rule id %s is already used by %s", r.file, r.meta.ID, prev)
		}
		seen[r.meta.ID] = r.file
		if sev, ok := opts.Severity[r.meta.ID]; ok && sev != "" {
			if sev == finding.Off {
				continue
			}
			r.meta.Severity = sev
			r.forced = true
		}
		if sev, ok := opts.SeverityTighten[r.meta.ID]; ok && sev.Rank() > r.meta.Severity.Rank() {
			r.meta.Severity = sev
			r.forced = true
		}
		r.now = now
		c := compilerOf[r.pkg]
		if c == nil {
			return nil, fmt.Errorf("%s: rule %s was compiled in no group", r.file, r.meta.ID)
		}
		if err := r.prepare(ctx, c, store, caps); err != nil {
			return nil, err
		}
		e.rules = append(e.rules, r)
		if r.isProject() {
			e.project = append(e.project, r)
			continue
		}
		for _, k := range r.meta.Kinds {
			e.byKind[k] = append(e.byKind[k], r)
		}
	}
	if opts.Trace != "" {
		for _, r := range e.rules {
			if strings.EqualFold(r.meta.ID, opts.Trace) {
				e.traced, e.traceTo = r, opts.TraceTo
			}
		}
		if e.traced == nil {
			return nil, fmt.Errorf("--trace %s: no such rule runs (see tollgate rules)", opts.Trace)
		}
		if e.traceTo == nil {
			e.traceTo = io.Discard
		}
	}
	e.digest = digestOf(srcs, dataDigest, opts.Severity, opts.SeverityTighten)
	return e, nil
}

// compileError formats OPA errors as "file:line: message" lines.
func compileError(errs ast.Errors) error {
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		loc := ""
		if e.Location != nil {
			loc = fmt.Sprintf("%s:%d: ", e.Location.File, e.Location.Row)
		}
		lines = append(lines, loc+e.Message)
	}
	slices.Sort(lines)
	return fmt.Errorf("policy does not compile:\n  %s", strings.Join(lines, "\n  "))
}

// capabilities are OPA's built-ins minus the ones that reach outside the
// process or make a verdict irreproducible: rules judge the documents
// given, nothing else. Rules may come from the checked pull request, so:
//   - no network, no runtime environment (http.send, net.*, opa.runtime);
//   - no randomness (rand.intn, uuid.rfc4122): the same documents must get
//     the same verdict on every run;
//   - time.now_ns is still declared (rules written for OPA compile) but
//     returns the run's as_of (Engine.now, given to every evaluation), never
//     the clock;
//   - the built-ins that can build huge values are bounded (guardBuiltins).
//
// Other changes to what rules may call belong here too.
func capabilities() *ast.Capabilities {
	guardBuiltins()
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if refusedBuiltin(b.Name) {
			continue
		}
		kept = append(kept, b)
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// refusedBuiltin: rules may not call the built-in name (see capabilities).
func refusedBuiltin(name string) bool {
	switch name {
	case "http.send", "opa.runtime", "rand.intn", "uuid.rfc4122":
		return true
	}
	return strings.HasPrefix(name, "net.")
}

// asOfTime is the instant time.now_ns returns: midnight UTC of as_of
// (project data), or the zero time when there is none.
func asOfTime(project map[string]any) time.Time {
	s, _ := project["as_of"].(string)
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Unix(0, 0).UTC()
	}
	return t
}

func digestOf(srcs []source, dataDigest []byte, sev, tighten map[string]finding.Severity) string {
	h := sha256.New()
	sorted := slices.Clone(srcs)
	slices.SortFunc(sorted, func(a, b source) int { return strings.Compare(a.name, b.name) })
	for _, s := range sorted {
		fmt.Fprintf(h, "%s\x00%d\x00", s.name, len(s.text))
		h.Write(s.text)
	}
	h.Write(dataDigest)
	ids := make([]string, 0, len(sev))
	for id := range sev {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintf(h, "severity\x00%s\x00%s\x00", id, sev[id])
	}
	tids := slices.Sorted(maps.Keys(tighten))
	for _, id := range tids {
		fmt.Fprintf(h, "tighten\x00%s\x00%s\x00", id, tighten[id])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// prepare compiles the rule's query once: it reads the rule's result sets
// from its package.
func (r *rule) prepare(ctx context.Context, c *ast.Compiler, store storage.Store, caps *ast.Capabilities) error {
	var parts []string
	for _, name := range r.sets {
		parts = append(parts, fmt.Sprintf("%s := %s.%s", name, r.pkg, name))
	}
	body, err := ast.ParseBody(strings.Join(parts, "; "))
	if err != nil {
		return fmt.Errorf("%s: build query: %w", r.file, err)
	}
	pq, err := rego.New(
		rego.ParsedQuery(body),
		rego.Compiler(c),
		rego.Store(store),
		rego.StoreReadAST(true),
		rego.Capabilities(caps),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return fmt.Errorf("%s: prepare %s: %w", r.file, r.meta.ID, err)
	}
	r.query = pq
	r.compiler = c
	return nil
}

// jsonRoundTrip turns Go values (ints, typed maps) into plain JSON values.
func jsonRoundTrip(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}
