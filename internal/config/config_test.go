package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

const full = `
project:
  name: Harbor Payroll Modernization
  as_of: 2026-11-22
  status_date: 2026-11-16
  phase: 4
  framework: m3
  execution:
    phase_at_least: 4
  phase_windows: [{phase: 3, start: 2026-06-01, end: 2026-08-21}]
documents:
  exclude: ["archive/**"]
  kinds: [{path: "plans/ivv*.docx", kind: ivv_plan}]
packs: [core, schedule, xdoc]
policies: [policy/]
data: [policy/data.yaml]
severity: {SCHED-DCMA-10: info, RACI-005: off}
thresholds: {dcma: {high_float_days: 44}, risk: {stale_days: 30}}
approvers: {charter: [sponsor], pmp: [sponsor, program_manager]}
waivers:
  - {rule: PMP-006, path: "docs/pmp.docx", reason: "No procurement", approved_by: "QA Manager", expires: 2027-03-31}
limits: {part_bytes: 64MiB, rows: 1000000, eval_timeout: 10s}
fail_on: error
fail_on_new: false
`

// The architecture's own example configuration must load as written.
func TestParseArchitectureExample(t *testing.T) {
	c, err := Parse([]byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if c.Project.AsOf != "2026-11-22" || *c.Project.Phase != 4 || *c.Project.Execution.PhaseAtLeast != 4 {
		t.Errorf("project = %+v", c.Project)
	}
	if len(c.Documents.Kinds) != 1 || c.Documents.Kinds[0].Kind != "ivv_plan" {
		t.Errorf("kinds = %+v", c.Documents.Kinds)
	}
	if c.Severity["RACI-005"] != "off" || len(c.Waivers) != 1 || c.Waivers[0].Expires != "2027-03-31" {
		t.Errorf("severity/waivers = %v %+v", c.Severity, c.Waivers)
	}
	l, err := c.ApplyLimits(limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if l.PartBytes != 64<<20 || l.Rows != 1000000 || l.EvalTimeout != 10*time.Second {
		t.Errorf("limits = %+v", l)
	}
	p := c.ProjectData("2026-11-22")
	if p["phase"] != 4 || p["framework"] != "m3" || p["execution"].(map[string]any)["phase_at_least"] != 4 {
		t.Errorf("project data = %v", p)
	}
}

func TestParseRejects(t *testing.T) {
	for name, tc := range map[string]struct{ yaml, want string }{
		"unknown key":     {"projetc: {}\n", "field projetc not found"},
		"bad as_of":       {"project: {as_of: 22/11/2026}\n", "project.as_of"},
		"bad severity":    {"severity: {GEN-001: fatal}\n", "severity.GEN-001"},
		"bad fail_on":     {"fail_on: sometimes\n", "fail_on"},
		"bad regex":       {"project: {execution: {name_regex: '('}}\n", "name_regex"},
		"waiver no owner": {"waivers: [{rule: PMP-006, reason: x}]\n", "waivers[0]"},
		"unknown limit":   {"limits: {rowz: 5}\n", "limits.rowz"},
		"bad size":        {"limits: {part_bytes: lots}\n", "limits.part_bytes"},
		"alias bomb":      {"a: &a [x, x]\nb: &b [*a, *a]\nproject: {name: *b}\n", "aliases are not allowed"},
		"bad exclude":     {"documents: {exclude: ['drafts/[a-']}\n", "documents.exclude[0]"},
		"bad kinds path":  {"documents: {kinds: [{path: 'plans/[', kind: charter}]}\n", "documents.kinds[0].path"},
		"bad waiver path": {"waivers: [{rule: PMP-006, path: '[x', reason: r, approved_by: a}]\n", "waivers[0].path"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestLoadAndFind(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("project: {as_of: 2026-01-02}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find("", []string{dir}); got != p {
		t.Fatalf("Find = %q, want %q", got, p)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != dir || len(c.Digest) != 64 || c.Project.AsOf != "2026-01-02" {
		t.Errorf("loaded %+v", c)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("missing file must be an error")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(full))
	// The example program's real configuration.
	if b, err := os.ReadFile("../../examples/harbor/.tollgate.yaml"); err == nil {
		f.Add(b)
	} else {
		f.Fatal(err)
	}
	f.Add([]byte("a: &a [x]\nb: *a\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b)
		if err == nil && c == nil {
			t.Fatal("nil config without error")
		}
	})
}
