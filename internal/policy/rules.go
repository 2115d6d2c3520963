package policy

import (
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// rulesRoot is the package prefix of contract rules.
const rulesRoot = "data.tollgate.rules."

// rule is one loaded rule with its prepared query.
type rule struct {
	meta     finding.Rule
	pkg      string   // data.tollgate.rules.core.gen_001, or a conftest package
	sets     []string // the result sets the query reads: fail, not_assessable, checked, metric / deny / warn
	conftest string   // "deny" or "warn" for a conftest-style rule
	file     string   // where the package is declared (for errors)
	forced   bool     // severity set by configuration: it wins over per-finding severities
	query    rego.PreparedEvalQuery
	compiler *ast.Compiler // its compile group's (groups.go)
	now      time.Time     // what time.now_ns returns: the run's as_of
}

func (r *rule) isProject() bool {
	for _, k := range r.meta.Kinds {
		if k == "project" {
			return true
		}
	}
	return false
}

// pkgModules are the modules that make up one Rego package.
type pkgModules struct {
	path    string
	modules []*ast.Module
	files   []string
	builtin bool
	pack    string
}

// collectRules finds the rules among the compiled modules: contract rules
// (packages under tollgate.rules with fail / not_assessable) and
// conftest-style deny / warn rules in user packages.
func collectRules(modules map[string]*ast.Module, bySrc map[string]source) ([]*rule, error) {
	paths, files := modulesByPackage(modules)
	pkgs := map[string]*pkgModules{}
	for _, p := range paths {
		pm := &pkgModules{path: p, builtin: true}
		pkgs[p] = pm
		for _, name := range files[p] {
			pm.modules = append(pm.modules, modules[name])
			pm.files = append(pm.files, name)
			s := bySrc[name]
			pm.builtin = pm.builtin && s.builtin
			if s.builtin {
				pm.pack = s.pack
			}
		}
	}

	var rules []*rule
	for _, p := range paths {
		pm := pkgs[p]
		defined := definedRules(pm.modules)
		if strings.HasPrefix(p, rulesRoot) {
			if !defined["fail"] && !defined["not_assessable"] {
				continue // a helper package under the rules tree
			}
			r, err := contractRule(pm, defined)
			if err != nil {
				return nil, err
			}
			rules = append(rules, r)
			continue
		}
		if pm.builtin {
			continue // lib and other built-in helpers
		}
		for _, kind := range []string{"deny", "warn"} {
			if defined[kind] {
				rules = append(rules, conftestRule(pm, kind))
			}
		}
	}
	return rules, nil
}

// definedRules lists the rule names a package defines.
func definedRules(mods []*ast.Module) map[string]bool {
	out := map[string]bool{}
	for _, m := range mods {
		for _, r := range m.Rules {
			ref := r.Head.Ref()
			if len(ref) == 0 {
				continue
			}
			if v, ok := ref[0].Value.(ast.Var); ok {
				out[string(v)] = true
			}
		}
	}
	return out
}

// packageAnnotation is the package-scoped METADATA block of a package.
func packageAnnotation(pm *pkgModules) (*ast.Annotations, string) {
	for i, m := range pm.modules {
		for _, a := range m.Annotations {
			if a.Scope == "package" {
				return a, pm.files[i]
			}
		}
	}
	return nil, pm.files[0]
}

func contractRule(pm *pkgModules, defined map[string]bool) (*rule, error) {
	a, file := packageAnnotation(pm)
	where := fmt.Sprintf("%s:%d", file, pm.modules[0].Package.Location.Row)
	if a == nil {
		return nil, fmt.Errorf("%s: rule package %s has no package-scoped METADATA block (title, description, custom.id, custom.severity, custom.kinds, custom.source, custom.remediation)",
			where, strings.TrimPrefix(pm.path, "data."))
	}
	if a.Location != nil {
		where = fmt.Sprintf("%s:%d", file, a.Location.Row)
	}
	str := func(k string) string {
		s, _ := a.Custom[k].(string)
		return strings.TrimSpace(s)
	}
	meta := finding.Rule{
		ID:          str("id"),
		Title:       strings.TrimSpace(a.Title),
		Description: strings.TrimSpace(a.Description),
		Severity:    finding.Severity(str("severity")),
		Source:      str("source"),
		Remediation: str("remediation"),
		Pack:        pm.pack,
	}
	if ks, ok := a.Custom["kinds"].([]any); ok {
		for _, k := range ks {
			if s, ok := k.(string); ok && s != "" {
				meta.Kinds = append(meta.Kinds, s)
			}
		}
	}
	if !pm.builtin {
		// User rules may leave out what only the built-in catalog must carry.
		if len(meta.Kinds) == 0 {
			meta.Kinds = []string{"*"}
		}
		if meta.Pack == "" {
			meta.Pack = userPack(pm.path)
		}
		if meta.Source == "" {
			meta.Source = pm.files[0]
		}
	}
	var missing []string
	required := []struct {
		name string
		set  bool
	}{
		{"title", meta.Title != ""},
		{"custom.id", meta.ID != ""},
		{"custom.severity", meta.Severity != ""},
		{"custom.kinds", len(meta.Kinds) > 0},
	}
	if pm.builtin {
		required = append(required, []struct {
			name string
			set  bool
		}{
			{"description", meta.Description != ""},
			{"custom.source", meta.Source != ""},
			{"custom.remediation", meta.Remediation != ""},
		}...)
	}
	for _, f := range required {
		if !f.set {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: rule %s: METADATA lacks %s", where, strings.TrimPrefix(pm.path, "data."), strings.Join(missing, ", "))
	}
	switch meta.Severity {
	case finding.Error, finding.Warning, finding.Info:
	default:
		return nil, fmt.Errorf("%s: rule %s: custom.severity %q is not error, warning or info", where, meta.ID, meta.Severity)
	}
	project := false
	for _, k := range meta.Kinds {
		if k == "project" {
			project = true
		}
	}
	if project && len(meta.Kinds) > 1 {
		return nil, fmt.Errorf("%s: rule %s: kinds [project] cannot be mixed with document kinds", where, meta.ID)
	}
	if pm.builtin {
		// Built-in rules live at policies/<pack>/<name>.rego as
		// tollgate.rules.<pack>.<name>: the pack filter relies on it.
		parts := strings.Split(strings.TrimPrefix(pm.path, rulesRoot), ".")
		if len(parts) != 2 || parts[0] != pm.pack {
			return nil, fmt.Errorf("%s: built-in rule package %s must be tollgate.rules.%s.<name>", where, strings.TrimPrefix(pm.path, "data."), pm.pack)
		}
	}
	r := &rule{meta: meta, pkg: pm.path, file: file}
	for _, s := range []string{"fail", "not_assessable", "checked", "metric"} {
		if defined[s] {
			r.sets = append(r.sets, s)
		}
	}
	return r, nil
}

// userPack names the pack of a user contract rule: tollgate.rules.<pack>.…
func userPack(path string) string {
	rest := strings.TrimPrefix(path, rulesRoot)
	if i := strings.IndexByte(rest, '.'); i > 0 {
		return rest[:i]
	}
	return "user"
}

// conftestRule wraps a conftest-style deny / warn set of a user package.
func conftestRule(pm *pkgModules, kind string) *rule {
	pkg := strings.TrimPrefix(pm.path, "data.")
	id := pkg + "." + kind
	sev := finding.Error
	if kind == "warn" {
		sev = finding.Warning
	}
	meta := finding.Rule{
		ID: id, Title: id, Severity: sev, Kinds: []string{"*"}, Pack: "user", Source: pm.files[0],
	}
	if a, _ := packageAnnotation(pm); a != nil {
		if t := strings.TrimSpace(a.Title); t != "" {
			meta.Title = t
		}
		meta.Description = strings.TrimSpace(a.Description)
		if s, ok := a.Custom["remediation"].(string); ok {
			meta.Remediation = strings.TrimSpace(s)
		}
	}
	return &rule{meta: meta, pkg: pm.path, sets: []string{kind}, conftest: kind, file: pm.files[0]}
}
