package policy

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// What the modules declare and refer to: collectRules reads the packages
// and which user package another module uses.

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
