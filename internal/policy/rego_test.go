package policy

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/tollgate-dev/tollgate/policies"
)

// regoRun is one run of every built-in *_test.rego under OPA's test runner
// with its coverage tracer attached. TestBuiltinRegoTests and
// TestBuiltinRegoCoverage share it, so coverage costs only the tracing, not
// a second run of the suite.
type regoRun struct {
	results   []*tester.Result
	testFiles int
	// rules are the modules under test (the built-in policy files without
	// the _test.rego files), keyed by file name as the coverage report is.
	rules  map[string]*ast.Module
	report cover.Report
	err    error
}

var (
	regoRunOnce sync.Once
	regoRunDone regoRun
)

// builtinRegoRun runs the built-in Rego tests once per test binary.
func builtinRegoRun(t *testing.T) *regoRun {
	t.Helper()
	regoRunOnce.Do(func() { regoRunDone = runBuiltinRegoTests() })
	if regoRunDone.err != nil {
		t.Fatal(regoRunDone.err)
	}
	return &regoRunDone
}

// runBuiltinRegoTests loads every built-in pack with its tests and the
// built-in data as the engine loads them, and runs the tests with coverage.
func runBuiltinRegoTests() regoRun {
	var out regoRun
	srcs, err := readPacks(policies.FS, nil, true)
	if err != nil {
		out.err = err
		return out
	}
	modules := map[string]*ast.Module{}
	out.rules = map[string]*ast.Module{}
	for _, s := range srcs {
		m, err := ast.ParseModuleWithOpts(s.name, string(s.text), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			out.err = err
			return out
		}
		modules[s.name] = m
		if strings.HasSuffix(s.name, "_test.rego") {
			out.testFiles++
		} else {
			out.rules[s.name] = m
		}
	}
	data, _, err := buildData(Options{Project: map[string]any{"as_of": "2024-06-10"}})
	if err != nil {
		out.err = err
		return out
	}
	cov := cover.New()
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(capabilities()).WithDefaultRegoVersion(ast.RegoV1)).
		SetStore(inmem.NewFromObject(data)).
		RaiseBuiltinErrors(true).
		// Baseline coverage only: the supplementary passes (indexing or
		// early exit off) would only annotate uncovered lines, at two more
		// evaluations of the suite.
		SetCoverageQueryTracer(cov).
		SetModules(modules).
		RunTests(context.Background(), nil)
	if err != nil {
		out.err = err
		return out
	}
	for r := range ch {
		out.results = append(out.results, r)
	}
	// The report is taken over the rule modules only: test files are
	// evaluated but are not what is measured.
	out.report = cov.Report(out.rules)
	return out
}

// Every built-in *_test.rego passes (OPA's test runner, with the built-in
// data loaded as the engine loads it).
func TestBuiltinRegoTests(t *testing.T) {
	run := builtinRegoRun(t)
	if run.testFiles == 0 {
		t.Fatal("no built-in _test.rego files found")
	}
	for _, r := range run.results {
		if r.Error != nil {
			t.Errorf("%s.%s: error: %v", r.Package, r.Name, r.Error)
			continue
		}
		if r.Fail {
			t.Errorf("%s.%s (%s): FAIL", r.Package, r.Name, r.Location)
		}
	}
	if len(run.results) < run.testFiles {
		t.Errorf("ran %d Rego tests from %d test files", len(run.results), run.testFiles)
	}
	t.Logf("%d Rego tests", len(run.results))
}
