package policy

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Compiling in groups.
//
// OPA compiles one module set on one core, and compiling the built-in packs
// is most of a small run (about 0.3 s of CPU for 121 rules). Rule packages
// do not read one another: each refers to itself and to lib. So when the
// cores are free (Options.CompileWorkers), the rule packages are dealt
// into groups of about equal size, each group gets every module its
// references reach, and the groups compile side by side; each rule is then
// evaluated against its own group's compiler. A group is closed under
// references, so a rule sees in it everything it would see in one compiler
// of all the modules: the modules its refs can reach, and the data of the
// store. The price is CPU: the lib helpers a group reaches compile once per
// group.
//
// References are resolved as OPA resolves them before compiling: through
// the module's imports (`import data.tollgate.lib.schedule as sched`, then
// `sched.x`) and to its own package (a rule's sibling rules). A reference
// reaches every package it lies in or that lies under it; one whose path
// turns variable early (`data[x]`) reaches every package under its constant
// part — all of them for `data[x]` — so a dynamic reference only makes
// its group larger, never misses a module.
//
// Measured (docs/performance.md, "Speed pieces and what they buy"): the
// example program 10% faster in wall time on an idle 2-core machine, for
// 5% more CPU; nothing gained when the cores are busy with other work.

// balancedSeeds assigns every rule package (lib apart) to one of n seeds,
// the largest packages first, each to the seed with the least Rego text so
// far: the groups then take about the same time to compile. All modules of
// a package share its seed.
func balancedSeeds(modules map[string]*ast.Module, bySrc map[string]source, n int) func(name string) string {
	size := map[string]int{}
	for name, m := range modules {
		if bySrc[name].builtin && bySrc[name].pack == libPack {
			continue
		}
		size[m.Package.Path.String()] += len(bySrc[name].text)
	}
	pkgs := make([]string, 0, len(size))
	for p := range size {
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool {
		if size[pkgs[i]] != size[pkgs[j]] {
			return size[pkgs[i]] > size[pkgs[j]]
		}
		return pkgs[i] < pkgs[j]
	})
	load := make([]int, n)
	seed := map[string]string{}
	for _, p := range pkgs {
		i := slices.Index(load, slices.Min(load))
		load[i] += size[p]
		seed[p] = "group " + strconv.Itoa(i+1)
	}
	return func(name string) string {
		if s, ok := seed[modules[name].Package.Path.String()]; ok {
			return s
		}
		return libPack
	}
}

// modulesByPackage lists the packages of modules, sorted, and the file
// names declaring each, sorted (several files may declare one package).
func modulesByPackage(modules map[string]*ast.Module) (paths []string, files map[string][]string) {
	files = map[string][]string{}
	for _, name := range slices.Sorted(maps.Keys(modules)) {
		p := modules[name].Package.Path.String()
		if files[p] == nil {
			paths = append(paths, p)
		}
		files[p] = append(files[p], name)
	}
	sort.Strings(paths)
	return paths, files
}

// packageUnit is the modules that declare one package (files may share a
// package).
type packageUnit struct {
	path    string // e.g. data.tollgate.lib.schedule
	modules []string
	refs    []string // constant data paths its modules refer to
}

// compileGroup is one set of modules compiled together.
type compileGroup struct {
	modules map[string]*ast.Module
	// seeds are the packages whose rules run against this group.
	seeds []string
}

// groupModules splits modules into compile groups: one per seed (seed
// names a module's seed; modules of seed "lib" seed no group of their own),
// each with every module its seed's references reach.
func groupModules(modules map[string]*ast.Module, seed func(name string) string) []compileGroup {
	paths, files := modulesByPackage(modules)
	units := map[string]*packageUnit{}
	seedUnits := map[string][]string{} // seed → package paths
	for _, p := range paths {
		u := &packageUnit{path: p, modules: files[p]}
		units[p] = u
		for _, name := range files[p] {
			for _, ref := range dataRefs(modules[name]) {
				if !slices.Contains(u.refs, ref) {
					u.refs = append(u.refs, ref)
				}
			}
			if s := seed(name); s != libPack && !slices.Contains(seedUnits[s], p) {
				seedUnits[s] = append(seedUnits[s], p)
			}
		}
	}

	// next: the packages a unit's references reach (refer into or over),
	// worked out once per unit — and the packages its own path lies in or
	// over, so that a rule whose path collides with a package (a conflict
	// OPA reports) is compiled with it, and a grouped compilation accepts
	// exactly what one compiler of everything accepts.
	//
	// Paths are compared in dotted form (constantPrefix), the form of the
	// references: a package declared as tollgate["my-pack"] prints as
	// data.tollgate["my-pack"] but is reached as data.tollgate.my-pack.
	byDotted := map[string][]string{}
	for _, p := range paths {
		d := constantPrefix(modules[files[p][0]].Package.Path)
		byDotted[d] = append(byDotted[d], p)
	}
	dotted := slices.Sorted(maps.Keys(byDotted))
	next := map[string][]string{}
	for _, p := range paths {
		reached := map[string]bool{}
		for _, ref := range append([]string{constantPrefix(modules[files[p][0]].Package.Path)}, units[p].refs...) {
			for _, q := range reach(dotted, byDotted, ref) {
				if !reached[q] {
					reached[q] = true
					next[p] = append(next[p], q)
				}
			}
		}
	}
	seeds := make([]string, 0, len(seedUnits))
	for s := range seedUnits {
		seeds = append(seeds, s)
	}
	sort.Strings(seeds)
	var groups []compileGroup
	for _, s := range seeds {
		in := map[string]bool{}
		todo := slices.Clone(seedUnits[s])
		for len(todo) > 0 {
			p := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if in[p] {
				continue
			}
			in[p] = true
			todo = append(todo, next[p]...)
		}
		g := compileGroup{modules: map[string]*ast.Module{}, seeds: seedUnits[s]}
		for p := range in {
			for _, name := range units[p].modules {
				g.modules[name] = modules[name]
			}
		}
		groups = append(groups, g)
	}
	return groups
}

// reach lists the packages that dotted path ref lies in or that lie under
// it: its own prefixes that are packages, then the range of the sorted
// dotted package paths starting with ref + "." (byDotted maps a dotted
// path to the packages that print as it).
func reach(dotted []string, byDotted map[string][]string, ref string) []string {
	var out []string
	for i := len("data"); i <= len(ref); i++ {
		if i == len(ref) || ref[i] == '.' {
			out = append(out, byDotted[ref[:i]]...)
		}
	}
	under := ref + "."
	for i := sort.SearchStrings(dotted, under); i < len(dotted) && strings.HasPrefix(dotted[i], under); i++ {
		out = append(out, byDotted[dotted[i]]...)
	}
	return out
}

// within: path a lies in path b (b is a, or one of its prefixes, on
// dotted-segment boundaries).
func within(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+".")
}

// dataRefs are the constant data paths module m refers to, imports and its
// own package resolved: "data.tollgate.lib.day" for `lib.day(…)` under
// `import data.tollgate.lib`. A reference is cut at its first element that
// is not a constant string (data.x[i].y → data.x).
func dataRefs(m *ast.Module) []string {
	aliases := map[string]ast.Ref{}
	for _, imp := range m.Imports {
		ref, ok := imp.Path.Value.(ast.Ref)
		if !ok || !ref.HasPrefix(ast.DefaultRootRef) {
			continue // input, future.keywords, rego.v1
		}
		alias := string(imp.Alias)
		if alias == "" {
			last, ok := ref[len(ref)-1].Value.(ast.String)
			if !ok {
				continue
			}
			alias = string(last)
		}
		aliases[alias] = ref
	}
	own := m.Package.Path
	seen := map[string]bool{}
	var out []string
	add := func(ref ast.Ref) {
		s := constantPrefix(ref)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	// The rules only: the package clause and the imports name paths
	// without reading them (an import counts where its alias is used).
	visit := func(r ast.Ref) bool {
		head, ok := r[0].Value.(ast.Var)
		if !ok {
			return false
		}
		switch {
		case r.HasPrefix(ast.DefaultRootRef):
			add(r)
		case aliases[string(head)] != nil:
			add(aliases[string(head)].Concat(r[1:]))
		default:
			// A rule of the module's own package named bare (or a local
			// variable, which reaches nothing beyond the package).
			add(own.Append(ast.StringTerm(string(head))))
		}
		return false
	}
	for _, r := range m.Rules {
		ast.WalkRefs(r, visit)
	}
	return out
}

// constantPrefix is ref up to its first non-string element, as a dotted
// path ("data.a.b").
func constantPrefix(ref ast.Ref) string {
	var b strings.Builder
	b.WriteString("data")
	for _, t := range ref[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			break
		}
		b.WriteByte('.')
		b.WriteString(string(s))
	}
	return b.String()
}

// compileGroups compiles each group with its own compiler, side by side,
// and returns the compilers in group order with the errors of all of them
// (an error found in a module several groups share is reported once).
func compileGroups(groups []compileGroup, newCompiler func() *ast.Compiler, workers int) ([]*ast.Compiler, ast.Errors) {
	compilers := make([]*ast.Compiler, len(groups))
	// Largest groups first: they set the wall time.
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(groups[order[a]].modules) > len(groups[order[b]].modules) })
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(groups))) {
		wg.Go(func() {
			for i := range next {
				c := newCompiler()
				c.Compile(groups[i].modules)
				compilers[i] = c
			}
		})
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	var errs ast.Errors
	seen := map[string]bool{}
	for _, c := range compilers {
		for _, e := range c.Errors {
			if k := e.Error(); !seen[k] {
				seen[k] = true
				errs = append(errs, e)
			}
		}
	}
	return compilers, errs
}
