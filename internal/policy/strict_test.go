package policy

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/policies"
)

// The built-in packs, tests included, compile in OPA's strict mode: no
// unused variables, imports or arguments, no deprecated built-ins, no
// shadowed input/data.
func TestBuiltinPacksCompileStrict(t *testing.T) {
	srcs, err := readPacks(policies.FS, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	mods := map[string]*ast.Module{}
	for _, s := range srcs {
		m, err := ast.ParseModuleWithOpts(s.name, string(s.text), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		mods[s.name] = m
	}
	c := ast.NewCompiler().WithCapabilities(capabilities()).WithStrict(true).WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(mods); c.Failed() {
		t.Fatalf("strict compilation: %v", compileError(c.Errors))
	}
}
