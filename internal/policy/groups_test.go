package policy

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// builtinGroups parses every built-in pack and groups it as build does
// for n compile workers.
func builtinGroups(t *testing.T, n int) (map[string]*ast.Module, []compileGroup) {
	t.Helper()
	srcs, err := builtinSources(nil)
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	bySrc := map[string]source{}
	for i, p := range parseAll(srcs, capabilities()) {
		if p.err != nil {
			t.Fatal(p.err)
		}
		modules[srcs[i].name] = p.m
		bySrc[srcs[i].name] = srcs[i]
	}
	return modules, groupModules(modules, balancedSeeds(modules, bySrc, n))
}

// Split for two workers, the built-in rule packages fall in two groups of
// about the same size; each rule package is seeded in exactly one, and
// every group holds every package its modules refer to.
func TestBuiltinPacksCompileInClosedGroups(t *testing.T) {
	modules, groups := builtinGroups(t, 2)
	if len(groups) != 2 {
		t.Fatalf("%d groups, want 2", len(groups))
	}
	seeded := map[string]int{}
	var sizes []int
	for _, g := range groups {
		for _, p := range g.seeds {
			seeded[p]++
		}
		sizes = append(sizes, len(g.modules))
		t.Logf("%d rule packages, %d modules", len(g.seeds), len(g.modules))
	}
	rules := 0
	for _, m := range modules {
		p := m.Package.Path.String()
		if !strings.HasPrefix(p, "data.tollgate.rules.") {
			continue
		}
		rules++
		if seeded[p] != 1 {
			t.Errorf("%s is seeded in %d groups", p, seeded[p])
		}
	}
	if rules < 100 || len(seeded) != rules {
		t.Fatalf("%d rule packages, %d seeded", rules, len(seeded))
	}
	if slices.Max(sizes) > 2*slices.Min(sizes) {
		t.Errorf("groups of %v modules: not balanced", sizes)
	}
	// Closed: every reference of a member reaches only members.
	paths := map[string]bool{}
	for _, m := range modules {
		paths[constantPrefix(m.Package.Path)] = true
	}
	for _, g := range groups {
		in := map[string]bool{}
		for _, m := range g.modules {
			in[constantPrefix(m.Package.Path)] = true
		}
		for name, m := range g.modules {
			for _, ref := range dataRefs(m) {
				for p := range paths {
					if (within(ref, p) || within(p, ref)) && !in[p] {
						t.Errorf("%s refers to %s, which is not in its group", name, p)
					}
				}
			}
		}
	}
	// The schedule rules reach the schedule helpers, through an alias.
	for _, g := range groups {
		for _, p := range g.seeds {
			if strings.HasPrefix(p, "data.tollgate.rules.schedule.") {
				if _, ok := g.modules["policies/lib/schedule.rego"]; !ok {
					t.Errorf("the group of %s lacks lib/schedule.rego", p)
				}
			}
		}
	}
}

// References are followed through imports, bare sibling names and dynamic
// paths; a user module that reads a built-in rule's results gets it.
func TestGroupsFollowEveryKindOfReference(t *testing.T) {
	parse := func(name, text string) *ast.Module {
		m, err := ast.ParseModuleWithOpts(name, text, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	modules := map[string]*ast.Module{
		"lib/a.rego":   parse("lib/a.rego", "package tollgate.lib\nday(x) := x\n"),
		"lib/b.rego":   parse("lib/b.rego", "package tollgate.lib.sched\nimport data.tollgate.lib\nsize(s) := lib.day(s)\n"),
		"lib/c.rego":   parse("lib/c.rego", "package tollgate.lib.unused\nx := 1\n"),
		"core/r.rego":  parse("core/r.rego", "package tollgate.rules.core.r\nimport data.tollgate.lib.sched as s\nfail contains 1 if s.size(1) == 1\n"),
		"dyn/d.rego":   parse("dyn/d.rego", "package tollgate.rules.dyn.d\nfail contains k if { some k, _ in data.tollgate.lib[k] }\n"),
		"user/u.rego":  parse("user/u.rego", "package mine\ndeny contains 1 if data.tollgate.rules.core.r.fail[_]\n"),
		"user/u2.rego": parse("user/u2.rego", "package mine\nwarn contains 1 if false\n"),
		// A package named with a quoted segment, reached by a dotted ref.
		"q/quoted.rego": parse("q/quoted.rego", "package team[\"ops-x\"]\nlimit := 3\n"),
		"r/reader.rego": parse("r/reader.rego", "package reader\ndeny contains 1 if data.team[\"ops-x\"].limit > 2\n"),
	}
	pack := func(name string) string { return strings.Split(name, "/")[0] }
	groups := groupModules(modules, pack)
	got := map[string][]string{}
	for _, g := range groups {
		got[pack(slices.Sorted(maps.Keys(g.modules))[0])+":"+g.seeds[0]] = slices.Sorted(maps.Keys(g.modules))
	}
	want := map[string][]string{
		// r reaches lib.sched through its import, lib through lib.sched's;
		// lib.unused lies under lib (a rule of lib could collide with it).
		"core:data.tollgate.rules.core.r": {"core/r.rego", "lib/a.rego", "lib/b.rego", "lib/c.rego"},
		// data.tollgate.lib[k] reaches every package under lib.
		"dyn:data.tollgate.rules.dyn.d": {"dyn/d.rego", "lib/a.rego", "lib/b.rego", "lib/c.rego"},
		// Both files of package mine, and the core rule the user reads.
		"core:data.mine":         {"core/r.rego", "lib/a.rego", "lib/b.rego", "lib/c.rego", "user/u.rego", "user/u2.rego"},
		"q:data.team[\"ops-x\"]": {"q/quoted.rego"},
		"q:data.reader":          {"q/quoted.rego", "r/reader.rego"},
	}
	if len(got) != len(want) {
		t.Fatalf("groups %v", got)
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("%s: %v, want %v", k, got[k], w)
		}
	}
}

// A grouped compilation rejects what one compiler rejects: a rule whose
// path is another package's (data.team.ops is both a rule of package team
// and a package), though neither refers to the other and they are seeded
// in different groups.
func TestGroupedCompileReportsPathConflicts(t *testing.T) {
	parse := func(name, text string) *ast.Module {
		m, err := ast.ParseModuleWithOpts(name, text, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	modules := map[string]*ast.Module{
		"a/team.rego": parse("a/team.rego", "package team\nops := 1\ndeny contains 1 if false\n"),
		"b/ops.rego":  parse("b/ops.rego", "package team.ops\ndeny contains 2 if false\n"),
	}
	groups := groupModules(modules, func(name string) string { return strings.Split(name, "/")[0] })
	if len(groups) != 2 {
		t.Fatalf("%d groups, want the two packages seeded apart", len(groups))
	}
	_, errs := compileGroups(groups, func() *ast.Compiler { return ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1) }, 2)
	one := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	one.Compile(modules)
	if len(one.Errors) == 0 {
		t.Fatal("one compiler accepts the collision; the test shows nothing")
	}
	if len(errs) == 0 || !strings.Contains(errs.Error(), "conflict") {
		t.Errorf("grouped: %v; one compiler: %v", errs, one.Errors)
	}
}
