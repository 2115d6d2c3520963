package policy

import (
	"fmt"
	"regexp"
	"sort"
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
	conftest string   // the set of a conftest-style rule: deny, warn_x, violation, fail…
	file     string   // where the package is declared (for errors)
	forced   bool     // severity set by configuration: it wins over per-finding severities
	namedID  bool     // METADATA custom.id names the rule (else its ID is derived)
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
// (packages under tollgate.rules with fail / not_assessable, or a user
// package anywhere with fail / not_assessable and a package METADATA block
// naming custom.id) and conftest-style deny / warn / violation / fail sets
// (deny_<name> and the like too) in user packages, whatever their path.
// It also returns one warning per user file that defines no rule tollgate
// understands and that no other module uses.
func collectRules(modules map[string]*ast.Module, bySrc map[string]source) ([]*rule, []string, error) {
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
	understood := map[string]bool{} // package path + "." + rule name that became (part of) a rule
	for _, p := range paths {
		pm := pkgs[p]
		defined := definedRules(pm.modules)
		if strings.HasPrefix(p, rulesRoot) || (!pm.builtin && isContractPackage(pm, defined)) {
			if !defined["fail"] && !defined["not_assessable"] {
				continue // a helper package under the rules tree
			}
			r, err := contractRule(pm, defined)
			if err != nil {
				return nil, nil, err
			}
			rules = append(rules, r)
			for _, s := range r.sets {
				understood[p+"."+s] = true
			}
			continue
		}
		if pm.builtin {
			continue // lib and other built-in helpers
		}
		names := make([]string, 0, len(defined))
		for name := range defined {
			if conftestSet(name) != "" {
				names = append(names, name)
			}
		}
		sort.Strings(names)
		for _, name := range names {
			r, err := conftestRule(pm, name, defined["exception"])
			if err != nil {
				return nil, nil, err
			}
			rules = append(rules, r)
			understood[p+"."+name] = true
			understood[p+".exception"] = understood[p+".exception"] || defined["exception"]
		}
	}
	return rules, unusedFileWarnings(modules, bySrc, understood), nil
}

// conftestPattern is conftest's rule-name convention (deny, deny_name,
// warn_…, violation_…), with fail added.
var conftestPattern = regexp.MustCompile(`^(deny|warn|violation|fail)(_[a-zA-Z0-9_]+)?$`)

// conftestSet is the kind of a conftest-style rule name (deny, warn,
// violation or fail), "" for any other name.
func conftestSet(name string) string {
	m := conftestPattern.FindStringSubmatch(name)
	if m == nil {
		return ""
	}
	return m[1]
}

// isContractPackage says whether a user package outside tollgate.rules is
// written to tollgate's contract: fail / not_assessable with a package
// METADATA block that names custom.id (a conftest package using "fail"
// names no custom.id at package scope).
func isContractPackage(pm *pkgModules, defined map[string]bool) bool {
	if !defined["fail"] && !defined["not_assessable"] {
		return false
	}
	a, _ := packageAnnotation(pm)
	if a == nil {
		return false
	}
	_, ok := a.Custom["id"]
	return ok
}

// unusedFileWarnings names each user file that defines no rule tollgate
// runs and whose package no other module references: such a file would
// otherwise be loaded and silently do nothing.
func unusedFileWarnings(modules map[string]*ast.Module, bySrc map[string]source, understood map[string]bool) []string {
	var out []string
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if bySrc[name].builtin {
			continue
		}
		m := modules[name]
		pkg := m.Package.Path.String()
		uses := false
		for _, r := range m.Rules {
			if v, ok := r.Head.Ref()[0].Value.(ast.Var); ok && understood[pkg+"."+string(v)] {
				uses = true
				break
			}
		}
		if uses || referencedElsewhere(modules, name, pkg) {
			continue
		}
		out = append(out, fmt.Sprintf("%s: package %s defines no rule tollgate runs (deny, warn, violation or fail sets, or fail / not_assessable with METADATA custom.id) and no other policy uses it; the file is ignored",
			name, strings.TrimPrefix(pkg, "data.")))
	}
	return out
}

// referencedElsewhere says whether a module other than self reads package
// pkg (or a rule in it, or a package it lies in).
func referencedElsewhere(modules map[string]*ast.Module, self, pkg string) bool {
	for name, m := range modules {
		if name == self {
			continue
		}
		for _, ref := range dataRefs(m) {
			if within(ref, pkg) || within(pkg, ref) {
				return true
			}
		}
	}
	return false
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
	meta.RelatedResources = relatedResources(a)
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
	r := &rule{meta: meta, pkg: pm.path, file: file, namedID: true}
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

// conftestRule wraps a conftest-style set (deny, warn, violation, fail,
// or one of them with a _suffix) of a user package. Its METADATA is the
// rule's own block (rule or document scope) if it has one, else the
// package's: custom.id names it (else package.rule), custom.severity sets
// its severity (else deny, violation and fail are errors, warn a warning),
// custom.kinds the documents it applies to (else all).
func conftestRule(pm *pkgModules, name string, hasException bool) (*rule, error) {
	pkg := strings.TrimPrefix(pm.path, "data.")
	sev := finding.Error
	if conftestSet(name) == "warn" {
		sev = finding.Warning
	}
	meta := finding.Rule{
		ID: pkg + "." + name, Title: pkg + "." + name, Severity: sev, Kinds: []string{"*"}, Pack: "user", Source: pm.files[0],
	}
	a, file := ruleAnnotation(pm, name)
	if a == nil {
		a, file = packageAnnotation(pm)
	}
	if a != nil {
		applyAnnotation(&meta, a)
		if a.Location != nil {
			file = a.Location.File
		}
	}
	if !validSeverity(string(meta.Severity)) {
		return nil, fmt.Errorf("%s: rule %s: custom.severity %q is not error, warning or info", file, meta.ID, meta.Severity)
	}
	r := &rule{meta: meta, pkg: pm.path, sets: []string{name}, conftest: name, file: pm.files[0]}
	if a != nil {
		_, r.namedID = a.Custom["id"].(string)
	}
	if hasException {
		r.sets = append(r.sets, "exception")
	}
	return r, nil
}

// ruleAnnotation is the first rule- or document-scoped METADATA block on
// a rule named name in the package.
func ruleAnnotation(pm *pkgModules, name string) (*ast.Annotations, string) {
	for i, m := range pm.modules {
		for _, r := range m.Rules {
			if v, ok := r.Head.Ref()[0].Value.(ast.Var); !ok || string(v) != name {
				continue
			}
			for _, a := range r.Annotations {
				if a.Scope == "rule" || a.Scope == "document" {
					return a, pm.files[i]
				}
			}
		}
	}
	return nil, ""
}

// applyAnnotation copies what a METADATA block says over meta: title,
// description, custom.id, custom.severity, custom.kinds, custom.source,
// custom.remediation and related_resources.
func applyAnnotation(meta *finding.Rule, a *ast.Annotations) {
	str := func(k string) string {
		s, _ := a.Custom[k].(string)
		return strings.TrimSpace(s)
	}
	if t := strings.TrimSpace(a.Title); t != "" {
		meta.Title = t
	}
	if d := strings.TrimSpace(a.Description); d != "" {
		meta.Description = d
	}
	if id := str("id"); id != "" {
		meta.ID = id
	}
	if s := str("severity"); s != "" {
		meta.Severity = finding.Severity(s)
	}
	if s := str("source"); s != "" {
		meta.Source = s
	}
	if s := str("remediation"); s != "" {
		meta.Remediation = s
	}
	if ks, ok := a.Custom["kinds"].([]any); ok {
		var kinds []string
		for _, k := range ks {
			if s, ok := k.(string); ok && s != "" {
				kinds = append(kinds, s)
			}
		}
		if len(kinds) > 0 {
			meta.Kinds = kinds
		}
	}
	meta.RelatedResources = relatedResources(a)
}

// relatedResources renders METADATA related_resources as "ref" or
// "description: ref".
func relatedResources(a *ast.Annotations) []string {
	var out []string
	for _, rr := range a.RelatedResources {
		if rr == nil || rr.Ref.String() == "" {
			continue
		}
		s := rr.Ref.String()
		if d := strings.TrimSpace(rr.Description); d != "" {
			s = d + ": " + s
		}
		out = append(out, s)
	}
	return out
}
