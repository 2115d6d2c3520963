package pipeline

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/policies"
)

// A gate fails closed: a configuration that would silently check less
// than it says is a tool error (exit 2) naming the key. config.Parse
// already refuses unknown keys and malformed values; what needs the rule
// catalog or the packs is checked here, once the rules are compiled.

// checkConfigClosed returns the first problems of cfg against the loaded
// rule catalog, each naming its key; nil when nothing would be lost.
// policyDirs are the user policy directories of the run (config and
// flags): a threshold only a user rule reads is known too.
func checkConfigClosed(cfg *config.Config, rules []finding.Rule, policyDirs []string) error {
	var problems []string
	packs := builtinPacks()
	for i, p := range cfg.Packs {
		if !slices.Contains(packs, p) {
			problems = append(problems, fmt.Sprintf("packs[%d]: unknown pack %q (known: %s)", i, p, strings.Join(packs, ", ")))
		}
	}
	for i, k := range cfg.Documents.Kinds {
		if !classify.Known(k.Kind) {
			problems = append(problems, fmt.Sprintf("documents.kinds[%d].kind: unknown kind %q (known: %s)", i, k.Kind, strings.Join(classify.Kinds(), ", ")))
		}
		if _, err := path.Match(k.Path, ""); err != nil {
			problems = append(problems, fmt.Sprintf("documents.kinds[%d].path: bad glob %q: %v", i, k.Path, err))
		}
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	for id := range finding.ToolRules {
		known[id] = true
	}
	ids := make([]string, 0, len(cfg.Severity))
	for id := range cfg.Severity {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		// A rule set off is not compiled, so it is not among the rules:
		// and an unknown ID set off checks nothing less.
		if !known[id] && cfg.Severity[id] != string(finding.Off) {
			problems = append(problems, fmt.Sprintf("severity.%s: unknown rule ID %q (tollgate rules lists them)", id, id))
		}
	}
	names := thresholdNames(policyDirs)
	for _, p := range leafPaths("", cfg.Thresholds) {
		if !names[p] {
			problems = append(problems, fmt.Sprintf("thresholds.%s: unknown threshold name (no rule reads it)", p))
		}
	}
	for i, w := range cfg.Waivers {
		switch {
		case strings.ContainsAny(w.Rule, "*?[]{}"):
			problems = append(problems, fmt.Sprintf("waivers[%d].rule: %q is a pattern; a waiver names one rule ID exactly, so it could never match", i, w.Rule))
		case !known[w.Rule]:
			problems = append(problems, fmt.Sprintf("waivers[%d].rule: unknown rule ID %q: the waiver could never match", i, w.Rule))
		}
		if w.Path != "" {
			if _, err := path.Match(w.Path, ""); err != nil {
				problems = append(problems, fmt.Sprintf("waivers[%d].path: bad glob %q (%v): the waiver could never match", i, w.Path, err))
			} else if strings.Contains(w.Path, "\\") || strings.HasPrefix(w.Path, "./") || strings.HasPrefix(w.Path, "/") {
				problems = append(problems, fmt.Sprintf("waivers[%d].path: %q: report paths are slash paths relative to the checked directory, so it could never match", i, w.Path))
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	where := "config"
	if cfg.Dir != "" {
		where = "config " + filepath.Join(cfg.Dir, config.FileName)
	}
	return fmt.Errorf("%s would check less than it says:\n  %s", where, strings.Join(problems, "\n  "))
}

// builtinPacks lists the packs of the embedded policy tree.
func builtinPacks() []string {
	ents, _ := fs.ReadDir(policies.FS, ".")
	var out []string
	for _, e := range ents {
		if e.IsDir() && e.Name() != "lib" && e.Name() != "data" {
			out = append(out, e.Name())
		}
	}
	return out
}

var thresholdRef = regexp.MustCompile(`thresholds((?:\.[A-Za-z_][A-Za-z_0-9]*|\["[^"\]]+"\])+)`)

// bracketKey turns ["name"] segments of a reference into dotted ones.
var bracketKey = regexp.MustCompile(`\["([^"\]]+)"\]`)

// thresholdNames are the dotted threshold names a rule can read: every
// path of the built-in thresholds.json and every thresholds.x.y a built-in
// or user policy refers to.
func thresholdNames(userDirs []string) map[string]bool {
	names := map[string]bool{}
	if b, err := fs.ReadFile(policies.FS, "data/thresholds.json"); err == nil {
		var m map[string]any
		if json.Unmarshal(b, &m) == nil {
			for _, p := range leafPaths("", m) {
				names[p] = true
			}
		}
	}
	add := func(text []byte) {
		for _, m := range thresholdRef.FindAllSubmatch(text, -1) {
			names[strings.TrimPrefix(bracketKey.ReplaceAllString(string(m[1]), ".$1"), ".")] = true
		}
	}
	fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".rego") {
			if b, err := fs.ReadFile(policies.FS, p); err == nil {
				add(b)
			}
		}
		return nil
	})
	for _, dir := range userDirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, ".json")) {
				if b, err := os.ReadFile(p); err == nil {
					add(b)
				}
			}
			return nil
		})
	}
	return names
}

// leafPaths flattens nested maps to dotted leaf paths.
func leafPaths(prefix string, m map[string]any) []string {
	var out []string
	for k, v := range m {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		if sub, ok := v.(map[string]any); ok && len(sub) > 0 {
			out = append(out, leafPaths(p, sub)...)
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
