package config

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

// On a pull request from a stranger, the checked tree's .tollgate.yaml is
// written by the person whose work is being judged: left alone it could
// raise every limit, set fail_on: never, switch rules off or waive
// everything. A trusted configuration (--trusted-config, read from the
// base branch) decides instead, and the tree's configuration may only
// tighten it:
//
//   - limits: a tree value counts only where it is lower;
//   - fail_on: the stricter of the two; fail_on_new if either sets it;
//   - packs: the union (more rules, never fewer);
//   - severity: a tree override counts only where it raises the rule's
//     severity (never "off"; see SeverityTighten);
//   - policies/data: the tree may add its own, confined to its directory;
//   - waivers: the tree's count only as trust.waivers allows (deny by
//     default: allow | deny | require_approved_by with trust.approved_by);
//   - documents (exclude, kinds), thresholds, approvers and project.as_of
//     come from the trusted configuration alone, as does what
//     .tollgateignore files would exclude (they are not read): each could
//     hide a document or loosen a rule;
//   - the other project facts (name, phase, status_date, …) describe the
//     documents and come from the tree when the trusted configuration has
//     none.
//
// The command line (--limit, --fail-on, --as-of…) is the workflow's own
// and overrides both.

// Trust is what a trusted configuration allows the checked tree's.
type Trust struct {
	// Waivers: "allow" counts the tree's waivers, "deny" (the default)
	// ignores them, "require_approved_by" counts those whose approved_by
	// is listed in ApprovedBy.
	Waivers    string   `yaml:"waivers"`
	ApprovedBy []string `yaml:"approved_by"`
}

// Waiver policies of a trusted configuration.
const (
	WaiversAllow    = "allow"
	WaiversDeny     = "deny"
	WaiversApproved = "require_approved_by"
)

func (t *Trust) check() error {
	if t == nil {
		return nil
	}
	switch t.Waivers {
	case "", WaiversAllow, WaiversDeny:
	case WaiversApproved:
		if len(t.ApprovedBy) == 0 {
			return fmt.Errorf("trust.waivers: %s needs trust.approved_by", WaiversApproved)
		}
	default:
		return fmt.Errorf("trust.waivers: %q is not %s, %s or %s", t.Waivers, WaiversAllow, WaiversDeny, WaiversApproved)
	}
	return nil
}

// failOnRank orders fail_on values from the strictest.
var failOnRank = map[string]int{"info": 0, "warning": 1, "error": 2, "never": 3}

// severityRank orders severity overrides; "off" is the loosest.
var severityRank = map[string]int{"off": 0, "info": 1, "warning": 2, "error": 3}

// Merge is the configuration of a run over a tree whose own configuration
// (tree, may be nil) is not trusted, under trusted. Notes say, in a
// stable order, every part of tree that was not applied and why.
func Merge(trusted, tree *Config) (*Config, []string) {
	eff := *trusted
	if tree == nil {
		eff.untrusted = nil
		return &eff, nil
	}
	var notes []string
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	eff.untrusted = tree

	// Project facts: the trusted ones, else the tree's; as_of never
	// from the tree (an earlier date revives expired waivers and hides
	// overdue work).
	as := trusted.Project.AsOf
	if trusted.Project.Name == "" && trusted.Project.Phase == nil && trusted.Project.Framework == "" {
		eff.Project = tree.Project
		eff.Project.AsOf = as
	}
	if tree.Project.AsOf != "" && tree.Project.AsOf != as {
		note("project.as_of %s: the date comes from the trusted configuration or --as-of", tree.Project.AsOf)
	}

	if len(tree.Documents.Exclude) > 0 || len(tree.Documents.Kinds) > 0 {
		note("documents: exclude and kinds come from the trusted configuration (%d exclude, %d kinds ignored)",
			len(tree.Documents.Exclude), len(tree.Documents.Kinds))
	}
	if len(tree.Thresholds) > 0 {
		note("thresholds: come from the trusted configuration (%d keys ignored)", len(tree.Thresholds))
	}
	if len(tree.Approvers) > 0 {
		if len(trusted.Approvers) == 0 {
			eff.Approvers = tree.Approvers
		} else {
			note("approvers: come from the trusted configuration")
		}
	}

	// Packs: more rules, never fewer. An empty list is the default packs.
	if len(tree.Packs) > 0 {
		base := trusted.Packs
		if len(base) == 0 {
			base = DefaultPacks(eff.Project.Framework)
		}
		packs := slices.Clone(base)
		for _, p := range tree.Packs {
			if !slices.Contains(packs, p) {
				packs = append(packs, p)
			}
		}
		eff.Packs = packs
	}

	// fail_on: the stricter.
	if tree.FailOn != "" {
		cur := firstSet(trusted.FailOn, "error")
		if failOnRank[tree.FailOn] < failOnRank[cur] {
			eff.FailOn = tree.FailOn
		} else if tree.FailOn != cur {
			note("fail_on: %s is looser than the trusted %s", tree.FailOn, cur)
		}
	}
	eff.FailOnNew = trusted.FailOnNew || tree.FailOnNew

	// Severity: the tree may only raise a rule's severity over the
	// trusted one; where the trusted configuration has none, the rule's
	// own severity is known only once compiled (SeverityTighten).
	eff.Severity = maps.Clone(trusted.Severity)
	eff.SeverityTighten = map[string]string{}
	for _, id := range sortedKeys(tree.Severity) {
		sev := tree.Severity[id]
		if cur, ok := trusted.Severity[id]; ok {
			if severityRank[sev] > severityRank[cur] {
				eff.Severity[id] = sev
			} else if sev != cur {
				note("severity.%s: %s is looser than the trusted %s", id, sev, cur)
			}
			continue
		}
		if sev == "off" {
			note("severity.%s: off is refused: the tree's configuration cannot switch rules off", id)
			continue
		}
		eff.SeverityTighten[id] = sev
	}

	// Waivers: the trusted ones, and the tree's as trust.waivers says.
	eff.Waivers = slices.Clone(trusted.Waivers)
	policy := WaiversDeny
	var approvers []string
	if trusted.Trust != nil && trusted.Trust.Waivers != "" {
		policy, approvers = trusted.Trust.Waivers, trusted.Trust.ApprovedBy
	}
	for _, w := range tree.Waivers {
		switch {
		case policy == WaiversAllow,
			policy == WaiversApproved && slices.Contains(approvers, w.ApprovedBy):
			eff.Waivers = append(eff.Waivers, w)
		case policy == WaiversApproved:
			note("waiver for %s on %s: approved_by %q is not in trust.approved_by", w.Rule, w.Path, w.ApprovedBy)
		default:
			note("waiver for %s on %s: the trusted configuration does not allow the tree's waivers (trust.waivers: %s)", w.Rule, w.Path, policy)
		}
	}

	// Limits: ApplyLimits keeps only the tree's lower values; say which
	// were not.
	base, _ := trusted.applyOwnLimits(limits.Default())
	for _, key := range sortedKeys(tree.Limits) {
		one := &Config{Limits: map[string]yaml.Node{key: tree.Limits[key]}}
		if l, err := one.applyOwnLimits(base); err == nil && limits.Min(l, base) != l {
			note("limits.%s: %s is above the trusted %s", key, l.Value(key), base.Value(key))
		}
	}
	if tree.Trust != nil {
		note("trust: only the trusted configuration says what the tree may loosen")
	}
	eff.Trust = trusted.Trust
	eff.Digest = digest([]byte(trusted.Digest + "\x00" + tree.Digest))
	return &eff, notes
}

// DefaultPacks are the packs of a run whose configuration names none.
func DefaultPacks(framework string) []string {
	p := []string{"core", "schedule", "xdoc"}
	if framework == "m3" {
		p = append(p, "m3")
	}
	return p
}

func firstSet(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
