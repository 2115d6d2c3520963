package policy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/tollgate-dev/tollgate/policies"
)

// BuiltinTestAsOf is the data.tollgate.project.as_of the built-in packs'
// Rego tests are written against (tollgate test --builtin uses it unless
// --as-of says otherwise).
const BuiltinTestAsOf = "2024-06-10"

// TestOptions say which Rego unit tests RunTests runs and with what.
type TestOptions struct {
	// Dirs are the user directories (or files) whose .rego files, tests
	// included, are loaded and tested.
	Dirs []string
	// Builtin also loads and tests the built-in packs (their tests too);
	// without it only lib is loaded (so rules may import data.tollgate.lib)
	// and its tests are not run.
	Builtin bool
	// Run keeps only the tests whose package.name matches this regular
	// expression ("" runs every test).
	Run string
	// Coverage traces the evaluation and reports line coverage of the rule
	// files (not the test files).
	Coverage bool
	// Project is data.tollgate.project.
	Project map[string]any
	// DataFiles are merged into data as Compile merges them.
	DataFiles []string
	// ParseFile reads a real document into its normalized artifact for
	// the tollgate.parse_file built-in (nil: the built-in fails).
	ParseFile func(ctx context.Context, path string) (any, error)
	// AllowNet are the hosts http.send may reach (none by default).
	AllowNet []string
	// Strict compiles in OPA's strict mode: unused variables, imports and
	// arguments, deprecated built-ins and shadowed input/data are errors.
	Strict bool
}

// TestRun is what RunTests produced.
type TestRun struct {
	Results []*tester.Result
	// Coverage is set when TestOptions.Coverage was: over the rule files
	// (user files, and the built-in ones with Builtin), test files left out.
	Coverage *cover.Report
	// Files are the rule files measured, sorted.
	Files []string
	// Rules are the rules the user directories define, as Compile loads
	// them (for --strict).
	Rules []UserRule
	// Warnings are Compile's warnings about the user files (a file that
	// defines no rule), test files aside.
	Warnings []string
}

// UserRule is a user rule's catalog entry as far as --strict needs it.
type UserRule struct {
	ID, File       string
	HasID          bool // METADATA custom.id names it (not derived)
	HasRemediation bool
}

// ParseFileBuiltin is the declaration of tollgate.parse_file(path): the
// normalized artifact of a real document, for Rego unit tests. A relative
// path is read from the calling test file's directory first, then from the
// working directory.
var ParseFileBuiltin = &ast.Builtin{
	Name:        "tollgate.parse_file",
	Description: "Reads a document (docx, xlsx, md, csv, MS Project XML) and returns its normalized artifact. Only in tollgate test.",
	Decl:        types.NewFunction(types.Args(types.Named("path", types.S)), types.Named("artifact", types.NewObject(nil, types.NewDynamicProperty(types.S, types.A)))),
}

// RunTests runs the Rego unit tests of opts.Dirs (and of the built-in packs
// with opts.Builtin) with the embedded lib and data loaded as the engine
// loads them, so a rule importing data.tollgate.lib is tested as it runs.
// print() output is captured into each result.
func RunTests(ctx context.Context, opts TestOptions) (*TestRun, error) {
	var packs []string
	if !opts.Builtin {
		packs = []string{libPack}
	}
	srcs, err := readPacks(policies.FS, packs, opts.Builtin)
	if err != nil {
		return nil, err
	}
	user, err := userSources(opts.Dirs, nil, 0, true) // the test files too
	if err != nil {
		return nil, err
	}
	srcs = append(srcs, user...)
	data, _, err := buildData(Options{Project: opts.Project, DataFiles: opts.DataFiles})
	if err != nil {
		return nil, err
	}
	caps := withAllowNet(capabilities(), opts.AllowNet)
	caps.Builtins = append(caps.Builtins, ParseFileBuiltin)
	modules := map[string]*ast.Module{}
	bySrc := map[string]source{}
	measured := map[string]*ast.Module{}
	var parseErrs ast.Errors
	for _, s := range srcs {
		m, err := ast.ParseModuleWithOpts(s.name, string(s.text), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps})
		if err != nil {
			var errs ast.Errors
			if errors.As(err, &errs) {
				parseErrs = append(parseErrs, errs...)
				continue
			}
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		modules[s.name] = m
		bySrc[s.name] = s
		if !strings.HasSuffix(s.name, "_test.rego") && (!s.builtin || opts.Builtin) {
			measured[s.name] = m
		}
	}
	if len(parseErrs) > 0 {
		return nil, refusedBuiltinHint(compileError(parseErrs))
	}
	if opts.Run != "" {
		if _, err := regexp.Compile(opts.Run); err != nil {
			return nil, fmt.Errorf("--run: %w", err)
		}
	}
	compiler := ast.NewCompiler().
		WithCapabilities(caps).
		WithEnablePrintStatements(true).
		WithStrict(opts.Strict).
		WithDefaultRegoVersion(ast.RegoV1)
	withSchemas(compiler, modules, bySrc)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(inmem.NewFromObject(data)).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true).
		AddCustomBuiltins([]*tester.Builtin{{Decl: ParseFileBuiltin, Func: parseFileFunc(opts.ParseFile)}}).
		Filter(opts.Run)
	var cov *cover.Cover
	if opts.Coverage {
		cov = cover.New()
		runner.SetCoverageQueryTracer(cov)
	}
	ch, err := runner.SetModules(modules).RunTests(ctx, nil)
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) {
			return nil, refusedBuiltinHint(typedError(errs))
		}
		return nil, err
	}
	out := &TestRun{}
	for r := range ch {
		out.Results = append(out.Results, r)
	}
	sort.SliceStable(out.Results, func(i, j int) bool {
		a, b := out.Results[i], out.Results[j]
		if a.Location != nil && b.Location != nil && a.Location.File != b.Location.File {
			return a.Location.File < b.Location.File
		}
		return false
	})
	for name := range measured {
		out.Files = append(out.Files, name)
	}
	sort.Strings(out.Files)
	if cov != nil {
		out.Coverage = measuredReport(cov.Report(measured), measured)
	}
	rules, warnings, err := collectRules(modules, bySrc)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		if name, _, _ := strings.Cut(w, ": "); !strings.HasSuffix(name, "_test.rego") {
			out.Warnings = append(out.Warnings, w)
		}
	}
	for _, r := range rules {
		if bySrc[r.file].builtin {
			continue
		}
		out.Rules = append(out.Rules, UserRule{ID: r.meta.ID, File: r.file, HasID: r.namedID, HasRemediation: r.meta.Remediation != ""})
	}
	return out, nil
}

// parseFileFunc implements tollgate.parse_file with parse (memoized per
// test evaluation).
func parseFileFunc(parse func(context.Context, string) (any, error)) func(*rego.Rego) {
	return rego.Function1(&rego.Function{Name: ParseFileBuiltin.Name, Decl: ParseFileBuiltin.Decl, Memoize: true},
		func(bctx rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
			p, ok := a.Value.(ast.String)
			if !ok {
				return nil, fmt.Errorf("tollgate.parse_file: path must be a string")
			}
			if parse == nil {
				return nil, fmt.Errorf("tollgate.parse_file: documents cannot be read here")
			}
			path := fixturePath(bctx.Location, string(p))
			art, err := parse(bctx.Context, path)
			if err != nil {
				return nil, fmt.Errorf("tollgate.parse_file(%q): %w", string(p), err)
			}
			js, err := jsonRoundTrip(art)
			if err != nil {
				return nil, fmt.Errorf("tollgate.parse_file(%q): %w", string(p), err)
			}
			v, err := ast.InterfaceToValue(js)
			if err != nil {
				return nil, err
			}
			return ast.NewTerm(v), nil
		})
}

// fixturePath resolves a relative fixture path against the directory of
// the Rego file that calls tollgate.parse_file, if the file is there, else
// against the working directory.
func fixturePath(loc *ast.Location, p string) string {
	if filepath.IsAbs(p) || loc == nil || loc.File == "" {
		return p
	}
	cand := filepath.Join(filepath.Dir(loc.File), p)
	if _, err := os.Stat(cand); err == nil {
		return cand
	}
	return p
}

// measuredReport keeps the files measured (the tracer also records the test
// files and lib it ran through) and totals them again: the percentage is
// of the rule files' lines alone.
func measuredReport(all cover.Report, measured map[string]*ast.Module) *cover.Report {
	rep := &cover.Report{Files: map[string]*cover.FileReport{}}
	for name := range measured {
		fr := all.Files[name]
		if fr == nil {
			continue
		}
		rep.Files[name] = fr
		rep.CoveredLines += fr.CoveredLines
		rep.NotCoveredLines += fr.NotCoveredLines
	}
	if total := rep.CoveredLines + rep.NotCoveredLines; total > 0 {
		rep.Coverage = 100 * float64(rep.CoveredLines) / float64(total)
	}
	return rep
}
