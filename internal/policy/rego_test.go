package policy

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/tollgate-dev/tollgate/policies"
)

// Every built-in *_test.rego passes (OPA's test runner, with the built-in
// data loaded as the engine loads it).
func TestBuiltinRegoTests(t *testing.T) {
	srcs, err := readPacks(policies.FS, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	tests := 0
	for _, s := range srcs {
		m, err := ast.ParseModuleWithOpts(s.name, string(s.text), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		modules[s.name] = m
		if strings.HasSuffix(s.name, "_test.rego") {
			tests++
		}
	}
	if tests == 0 {
		t.Fatal("no built-in _test.rego files found")
	}
	data, _, err := buildData(Options{Project: map[string]any{"as_of": "2024-06-10"}})
	if err != nil {
		t.Fatal(err)
	}
	store := inmem.NewFromObject(data)
	ctx := context.Background()
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(capabilities()).WithDefaultRegoVersion(ast.RegoV1)).
		SetStore(store).
		RaiseBuiltinErrors(true).
		Run(ctx, modules)
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for r := range ch {
		ran++
		if r.Error != nil {
			t.Errorf("%s.%s: error: %v", r.Package, r.Name, r.Error)
			continue
		}
		if r.Fail {
			t.Errorf("%s.%s (%s): FAIL", r.Package, r.Name, r.Location)
		}
	}
	if ran < tests {
		t.Errorf("ran %d Rego tests from %d test files", ran, tests)
	}
	t.Logf("%d Rego tests", ran)
}
