package config

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

func mustParse(t *testing.T, s string) *Config {
	t.Helper()
	c, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMergeOnlyTightens: every loosening of the checked tree's config is
// dropped (and noted), every tightening kept.
func TestMergeOnlyTightens(t *testing.T) {
	trusted := mustParse(t, `
project: {as_of: 2026-11-22}
limits: {rows: 5000, eval_timeout: 10s}
fail_on: warning
packs: [core]
severity: {GEN-001: warning}
documents: {exclude: ["drafts/**"]}
waivers:
  - {rule: GEN-003, path: a.md, reason: r, approved_by: qa}
`)
	tree := mustParse(t, `
project: {as_of: 2000-01-01, name: X}
limits: {rows: 1000000, eval_timeout: 1s, file_bytes: 1KiB}
fail_on: never
packs: [m3]
severity: {GEN-001: "off", GEN-002: error, GEN-005: info}
documents: {exclude: ["**"]}
waivers:
  - {rule: GEN-004, path: "**", reason: r, approved_by: me}
`)
	eff, notes := Merge(trusted, tree)
	lim, err := eff.ApplyLimits(limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if lim.Rows != 5000 || lim.EvalTimeout.Seconds() != 1 || lim.FileBytes != 1024 {
		t.Errorf("limits: rows %d, eval_timeout %s, file_bytes %d", lim.Rows, lim.EvalTimeout, lim.FileBytes)
	}
	if eff.FailOn != "warning" || eff.Project.AsOf != "2026-11-22" {
		t.Errorf("fail_on %q, as_of %q", eff.FailOn, eff.Project.AsOf)
	}
	if strings.Join(eff.Packs, ",") != "core,m3" {
		t.Errorf("packs %v", eff.Packs)
	}
	if eff.Severity["GEN-001"] != "warning" || eff.SeverityTighten["GEN-002"] != "error" || eff.SeverityTighten["GEN-005"] != "info" {
		t.Errorf("severity %v, tighten %v", eff.Severity, eff.SeverityTighten)
	}
	if len(eff.Documents.Exclude) != 1 || len(eff.Waivers) != 1 || eff.Waivers[0].Rule != "GEN-003" {
		t.Errorf("documents %v, waivers %v", eff.Documents, eff.Waivers)
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{"limits.rows", "fail_on: never", "severity.GEN-001: off", "documents:", "waiver for GEN-004", "project.as_of"} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "limits.eval_timeout") || strings.Contains(all, "limits.file_bytes") {
		t.Errorf("a tightening was noted as refused:\n%s", all)
	}

	// A stricter fail_on from the tree applies.
	eff, _ = Merge(trusted, mustParse(t, "fail_on: info\n"))
	if eff.FailOn != "info" {
		t.Errorf("fail_on info not applied: %q", eff.FailOn)
	}
	// A bad trust section is refused.
	if _, err := Parse([]byte("trust: {waivers: sometimes}\n")); err == nil {
		t.Error("trust.waivers: sometimes accepted")
	}
	if _, err := Parse([]byte("trust: {waivers: require_approved_by}\n")); err == nil {
		t.Error("require_approved_by without approved_by accepted")
	}
}
