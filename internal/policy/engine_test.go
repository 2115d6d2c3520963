package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
)

// catalogIDs are the rule IDs of RULES.md's catalog (§1–§13) this engine
// may carry; a built-in rule with any other ID is a typo or an invention.
var catalogIDs = strings.Fields(`
GEN-001 GEN-002 GEN-003 GEN-004 GEN-005
CHARTER-001 CHARTER-002 CHARTER-003 CHARTER-004 CHARTER-005 CHARTER-006 CHARTER-007
CHARTER-008 CHARTER-009 CHARTER-010 CHARTER-011 CHARTER-012 CHARTER-013
PMP-001 PMP-002 PMP-003 PMP-004 PMP-005 PMP-006 PMP-007 PMP-008 PMP-009 PMP-010
PMP-011 PMP-012 PMP-013 PMP-014
SCHED-DCMA-01 SCHED-DCMA-02 SCHED-DCMA-03 SCHED-DCMA-04 SCHED-DCMA-05 SCHED-DCMA-06 SCHED-DCMA-07
SCHED-DCMA-08 SCHED-DCMA-09 SCHED-DCMA-10 SCHED-DCMA-11 SCHED-DCMA-12 SCHED-DCMA-13 SCHED-DCMA-14
SCHED-001 SCHED-002 SCHED-003 SCHED-004 SCHED-005 SCHED-006 SCHED-007 SCHED-008
RACI-001 RACI-002 RACI-003 RACI-004 RACI-005 RACI-006 RACI-007 RACI-008
RISK-001 RISK-002 RISK-003 RISK-004 RISK-005 RISK-006 RISK-007 RISK-008 RISK-009 RISK-010
IVV-001 IVV-002 IVV-003 IVV-004 IVV-005 IVV-006
QASP-001 QASP-002 QASP-003 QASP-004 QASP-005 QASP-006 QASP-007
STATUS-001 STATUS-002 STATUS-003 STATUS-004 STATUS-005 STATUS-006
LL-001 LL-002
CR-001 CR-002 CR-003 CR-004 CR-005
XDOC-001 XDOC-002 XDOC-003 XDOC-004 XDOC-005 XDOC-006 XDOC-007 XDOC-008 XDOC-009 XDOC-010
XDOC-011 XDOC-012 XDOC-013 XDOC-014
M3-GATE-01 M3-OUT-01 M3-3.1-01 M3-3.1-02 M3-3.1-03 M3-3.1-04 M3-DOC-01 M3-IMS-01 M3-4.16-01
`)

func compile(t testing.TB, opts Options) *Engine {
	t.Helper()
	if opts.Project == nil {
		opts.Project = map[string]any{"as_of": "2024-06-10"}
	}
	e, err := Compile(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestCatalogIsCompleteAndKnown(t *testing.T) {
	if len(catalogIDs) != 121 {
		t.Fatalf("catalog literal has %d IDs, RULES.md counts 121", len(catalogIDs))
	}
	e := compile(t, Options{})
	rules := e.Rules()
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		if !slices.Contains(catalogIDs, r.ID) {
			t.Errorf("%s is not in RULES.md's catalog", r.ID)
		}
		if r.Title == "" || r.Description == "" || r.Source == "" || r.Remediation == "" || len(r.Kinds) == 0 {
			t.Errorf("%s: incomplete metadata: %+v", r.ID, r)
		}
		if r.Severity != finding.Error && r.Severity != finding.Warning && r.Severity != finding.Info {
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		if r.Pack != "core" && r.Pack != "schedule" && r.Pack != "xdoc" && r.Pack != "m3" {
			t.Errorf("%s: pack %q", r.ID, r.Pack)
		}
	}
	want := strings.Fields(`CHARTER-001 CHARTER-002 CHARTER-003 CHARTER-004 CHARTER-005 CHARTER-006 CHARTER-007 CHARTER-008 CHARTER-009 CHARTER-010 CHARTER-011 CHARTER-012 CHARTER-013
CR-001 CR-002 CR-003 CR-004 CR-005 GEN-001 GEN-002 GEN-003 GEN-004 GEN-005
IVV-001 IVV-002 IVV-003 IVV-004 IVV-005 IVV-006 LL-001 LL-002
M3-3.1-01 M3-3.1-02 M3-3.1-03 M3-3.1-04 M3-4.16-01 M3-DOC-01 M3-GATE-01 M3-IMS-01 M3-OUT-01
PMP-001 PMP-002 PMP-003 PMP-004 PMP-005 PMP-006 PMP-007 PMP-008 PMP-009 PMP-010 PMP-011 PMP-012 PMP-013 PMP-014
QASP-001 QASP-002 QASP-003 QASP-004 QASP-005 QASP-006 QASP-007
RACI-001 RACI-002 RACI-003 RACI-004 RACI-005 RACI-006 RACI-007 RACI-008
RISK-001 RISK-002 RISK-003 RISK-004 RISK-005 RISK-006 RISK-007 RISK-008 RISK-009 RISK-010
SCHED-001 SCHED-002 SCHED-003 SCHED-004 SCHED-005 SCHED-006 SCHED-007 SCHED-008 SCHED-DCMA-01 SCHED-DCMA-02 SCHED-DCMA-03 SCHED-DCMA-04 SCHED-DCMA-05 SCHED-DCMA-06 SCHED-DCMA-07 SCHED-DCMA-08 SCHED-DCMA-09 SCHED-DCMA-10 SCHED-DCMA-11 SCHED-DCMA-12 SCHED-DCMA-13 SCHED-DCMA-14
STATUS-001 STATUS-002 STATUS-003 STATUS-004 STATUS-005 STATUS-006
XDOC-001 XDOC-002 XDOC-003 XDOC-004 XDOC-005 XDOC-006 XDOC-007 XDOC-008 XDOC-009 XDOC-010 XDOC-011 XDOC-012 XDOC-013 XDOC-014`)
	if !slices.Equal(ids, want) {
		t.Errorf("rules = %v\nwant %v", ids, want)
	}
	// Tests are not rules, and every rule has its test file beside it.
	for _, r := range rules {
		if strings.Contains(r.ID, "test") {
			t.Errorf("test package loaded as rule %s", r.ID)
		}
	}
	if d := e.Digest(); len(d) != 64 {
		t.Errorf("digest %q", d)
	}
}

func TestEveryBuiltinRuleHasATestFile(t *testing.T) {
	srcs, err := readPacks(os.DirFS("../../policies"), nil, true)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, s := range srcs {
		names[s.name] = true
	}
	for n := range names {
		if strings.HasSuffix(n, "_test.rego") || strings.HasPrefix(n, "policies/lib/") {
			continue
		}
		if tf := strings.TrimSuffix(n, ".rego") + "_test.rego"; !names[tf] {
			t.Errorf("%s has no %s", n, tf)
		}
	}
}

func TestPacksFilterBuiltins(t *testing.T) {
	e := compile(t, Options{Packs: []string{"xdoc", "no-such-pack"}})
	var ids []string
	for _, r := range e.Rules() {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"CR-005", "XDOC-001", "XDOC-002", "XDOC-003", "XDOC-004", "XDOC-005", "XDOC-006", "XDOC-007", "XDOC-008", "XDOC-009", "XDOC-010", "XDOC-011", "XDOC-012", "XDOC-013", "XDOC-014"}) {
		t.Errorf("rules = %v", ids)
	}
}

// charterArtifact is a small charter as the normalizer would emit it: a
// short purpose, one undated milestone, an unnamed PM, a sponsor without
// approval and one template placeholder.
func charterArtifact() map[string]any {
	const js = `{
	  "kind": "charter", "title": "Program Charter",
	  "source": {"path": "docs/Charter.docx", "format": "docx"},
	  "fields_found": ["metadata.approvals", "metadata.placeholders", "charter.purpose", "charter.objectives", "charter.milestones"],
	  "metadata": {
	    "status": "final",
	    "approvals": [],
	    "placeholders": [{"text": "<<Program Name>>", "pattern": "angle", "loc": {"paragraph": 2}}]
	  },
	  "charter": {
	    "purpose": "Replace the legacy system.",
	    "purpose_loc": {"section": "1 Purpose", "paragraph": 5},
	    "objectives": [{"text": "Close the books in five days", "measurable": true, "loc": {"paragraph": 8}}],
	    "milestones": [
	      {"name": "Kickoff", "date": "2024-01-15", "date_raw": "Jan 15, 2024", "loc": {"table": 2, "row": 2}},
	      {"name": "Go-live", "date": null, "date_raw": "TBD", "loc": {"table": 2, "row": 3}}
	    ],
	    "project_manager": {"name": "", "authority": ""},
	    "sponsor": {"name": "Pat Lee", "title": "CFO", "loc": {"paragraph": 30}},
	    "approval_requirements": "Sponsor signs the acceptance form.",
	    "exit_criteria": "Legacy system decommissioned."
	  }
	}`
	var m map[string]any
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		panic(err)
	}
	return m
}

func TestEvalDocumentCharter(t *testing.T) {
	e := compile(t, Options{Packs: []string{"core"}})
	out, err := e.EvalMap(context.Background(), charterArtifact())
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]finding.Status{}
	for _, c := range out.Checks {
		if c.Path != "docs/Charter.docx" {
			t.Errorf("check path %q", c.Path)
		}
		checks[c.Rule] = c.Status
	}
	wantChecks := map[string]finding.Status{
		"CHARTER-001": finding.Fail, "CHARTER-002": finding.Pass, "CHARTER-007": finding.Fail,
		"CHARTER-012": finding.Fail, "CHARTER-013": finding.Fail, "GEN-001": finding.Fail, "GEN-004": finding.Fail,
		// The small artifact has none of the recommended charter elements.
		"CHARTER-003": finding.Fail, "CHARTER-004": finding.Fail, "CHARTER-005": finding.Fail, "CHARTER-006": finding.Fail,
		"CHARTER-008": finding.Fail, "CHARTER-009": finding.Fail, "CHARTER-010": finding.Fail, "CHARTER-011": finding.Fail,
		"GEN-002": finding.Fail, "GEN-003": finding.Fail,
		// The sponsor's signature is CHARTER-013's finding, not GEN-005's.
		"GEN-005": finding.Pass,
	}
	if len(checks) != len(wantChecks) {
		t.Errorf("checks = %v", checks)
	}
	for id, st := range wantChecks {
		if checks[id] != st {
			t.Errorf("%s check = %q, want %q", id, checks[id], st)
		}
	}

	byRule := map[string][]finding.Finding{}
	for _, f := range out.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
		if f.ID != "" {
			t.Errorf("%s: ID %q set; decide fingerprints", f.Rule, f.ID)
		}
	}
	c1 := one(t, byRule["CHARTER-001"])
	if c1.Severity != finding.Error || c1.Status != finding.Fail || c1.Title != "Charter states its purpose" ||
		c1.Location != (document.Loc{Path: "docs/Charter.docx", Section: "1 Purpose", Paragraph: 5}) ||
		c1.Metrics == nil || *c1.Metrics.Value != 4 || *c1.Metrics.Threshold != 20 ||
		!strings.HasPrefix(c1.Source, "PMBOK6/PMBOK3 §4.1.3.1") || !strings.HasPrefix(c1.Remediation, "Add a purpose") {
		t.Errorf("CHARTER-001 finding = %+v", c1)
	}
	c7 := one(t, byRule["CHARTER-007"])
	if c7.Location != (document.Loc{Path: "docs/Charter.docx", Table: 2, Row: 3}) ||
		c7.Message != `milestone "Go-live" has no target date ("TBD" is not a date)` {
		t.Errorf("CHARTER-007 finding = %+v", c7)
	}
	g1 := one(t, byRule["GEN-001"])
	if g1.Severity != finding.Error || g1.Location.Paragraph != 2 {
		t.Errorf("GEN-001 finding = %+v", g1)
	}
	if n := len(byRule["CHARTER-013"]); n != 1 { // sponsor named, not approved
		t.Errorf("CHARTER-013: %d findings: %+v", n, byRule["CHARTER-013"])
	}
}

func one(t *testing.T, fs []finding.Finding) finding.Finding {
	t.Helper()
	if len(fs) != 1 {
		t.Fatalf("want 1 finding, got %d: %+v", len(fs), fs)
	}
	return fs[0]
}

func TestNotAssessableIsInfoWithMissingFields(t *testing.T) {
	e := compile(t, Options{Packs: []string{"core"}})
	art := map[string]any{
		"kind": "raci", "source": map[string]any{"path": "RMP.docx"}, "fields_found": []any{"raci.roles", "raci.roles.filled", "metadata.placeholders"},
		"metadata": map[string]any{"status": "draft", "approvals": []any{}, "placeholders": []any{}},
		"raci":     map[string]any{"roles": []any{map[string]any{"name": "PM"}}, "activities": nil},
	}
	out, err := e.EvalMap(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range out.Checks {
		if (c.Rule == "RACI-001" || c.Rule == "RACI-002") && c.Status != finding.NotAssessable {
			t.Errorf("%s = %s", c.Rule, c.Status)
		}
	}
	var na int
	for _, f := range out.Findings {
		if f.Status == finding.NotAssessable {
			na++
			if f.Severity != finding.Info || !strings.Contains(f.Message, "(missing: raci.activities)") {
				t.Errorf("not assessable finding = %+v", f)
			}
		}
	}
	if na != 7 { // RACI-001..007: every matrix rule
		t.Errorf("%d not_assessable findings", na)
	}
}

func TestSeverityOverrides(t *testing.T) {
	e := compile(t, Options{Packs: []string{"core"}, Severity: map[string]finding.Severity{
		"CHARTER-001": finding.Warning, "GEN-001": finding.Off,
	}})
	for _, r := range e.Rules() {
		if r.ID == "GEN-001" {
			t.Error("GEN-001 is off but listed")
		}
	}
	out, err := e.EvalMap(context.Background(), charterArtifact())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range out.Findings {
		if f.Rule == "GEN-001" {
			t.Error("GEN-001 ran while off")
		}
		if f.Rule == "CHARTER-001" && f.Severity != finding.Warning {
			t.Errorf("CHARTER-001 severity %s", f.Severity)
		}
	}
	for _, c := range out.Checks {
		if c.Rule == "GEN-001" {
			t.Error("GEN-001 check while off")
		}
	}
}

func TestThresholdOverride(t *testing.T) {
	e := compile(t, Options{Packs: []string{"core"}, Thresholds: map[string]any{"charter": map[string]any{"purpose_min_words": 3}}})
	base := compile(t, Options{Packs: []string{"core"}})
	if e.Digest() == base.Digest() {
		t.Error("thresholds do not change the digest")
	}
	out, err := e.EvalMap(context.Background(), charterArtifact())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range out.Checks {
		if c.Rule == "CHARTER-001" && c.Status != finding.Pass {
			t.Errorf("CHARTER-001 = %s with a 3-word minimum", c.Status)
		}
	}
}

func TestEvalProject(t *testing.T) {
	e := compile(t, Options{Packs: []string{"xdoc"}})
	ims := map[string]any{"kind": "schedule", "source": map[string]any{"path": "IMS.xlsx"}, "schedule": map[string]any{"tasks": []any{
		map[string]any{"id": "7", "name": "Migrate payroll", "type": "task", "phase": 4, "start": "2024-05-01", "actual_start": "2024-05-03",
			"loc": map[string]any{"sheet": "Schedule", "row": 8}},
	}}}
	pmp := map[string]any{"kind": "pmp", "source": map[string]any{"path": "PMP.docx"}, "metadata": map[string]any{"approvals": []any{
		map[string]any{"name": "Pat Lee", "role": "sponsor", "date": "2024-05-20", "decision": "approved", "signed": true},
	}}}
	out, err := e.EvalProjectMaps(context.Background(), []map[string]any{ims, pmp})
	if err != nil {
		t.Fatal(err)
	}
	wantChecks := []finding.Check{
		{Rule: "XDOC-001", Path: "IMS.xlsx", Status: finding.Fail},
		{Rule: "XDOC-002", Path: "PMP.docx", Status: finding.Fail}, // approved, with no approved charter
		{Rule: "XDOC-009", Path: "IMS.xlsx", Status: finding.Fail}, // execution started, no IV&V plan
		{Rule: "XDOC-013", Path: "", Status: finding.Pass},         // no phase window has closed
		{Rule: "XDOC-014", Path: "IMS.xlsx", Status: finding.Fail}, // reported on each plan and schedule
		{Rule: "XDOC-014", Path: "PMP.docx", Status: finding.Fail},
	}
	if !slices.Equal(out.Checks, wantChecks) {
		t.Errorf("checks = %+v", out.Checks)
	}
	var x1 finding.Finding
	for _, f := range out.Findings {
		if f.Rule == "XDOC-001" {
			x1 = f
		}
	}
	if x1.Path != "IMS.xlsx" || x1.Location != (document.Loc{Path: "IMS.xlsx", Sheet: "Schedule", Row: 8}) ||
		x1.Message != `execution task "7 Migrate payroll" started on 2024-05-03, before the PMP was approved on 2024-05-20` {
		t.Errorf("XDOC-001 finding = %+v", x1)
	}

	// No schedule, no PMP: neither rule applies, so there is no check.
	out, err = e.EvalProjectMaps(context.Background(), []map[string]any{{"kind": "charter", "source": map[string]any{"path": "C.docx"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Checks) != 0 || len(out.Findings) != 0 {
		t.Errorf("charter-only submission: %+v", out)
	}
}

func writePolicy(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConftestDenyAndWarn(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, dir, "titles.rego", `package main

import rego.v1

deny contains msg if {
	input.title == ""
	msg := "document has no title"
}

warn contains {"msg": sprintf("%s is still a draft", [input.source.path])} if input.metadata.status == "draft"
`)
	// Tests in user dirs are not rules.
	writePolicy(t, dir, "titles_test.rego", `package main_test

import rego.v1

test_nothing if true
`)
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}})
	art := map[string]any{"kind": "generic", "title": "", "source": map[string]any{"path": "notes.md"}, "metadata": map[string]any{"status": "draft"}}
	out, err := e.EvalMap(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	want := []finding.Finding{
		{Rule: "main.deny", Title: "main.deny", Severity: finding.Error, Status: finding.Fail, Path: "notes.md",
			Message: "document has no title", Location: document.Loc{Path: "notes.md"}, Source: filepath.Join(dir, "titles.rego")},
		{Rule: "main.warn", Title: "main.warn", Severity: finding.Warning, Status: finding.Fail, Path: "notes.md",
			Message: "notes.md is still a draft", Location: document.Loc{Path: "notes.md"}, Source: filepath.Join(dir, "titles.rego")},
	}
	if len(out.Findings) != 2 {
		t.Fatalf("findings = %+v", out.Findings)
	}
	for i := range want {
		f := out.Findings[i]
		if f.Rule != want[i].Rule || f.Severity != want[i].Severity || f.Message != want[i].Message || f.Location != want[i].Location || f.Source != want[i].Source {
			t.Errorf("finding %d = %+v\nwant %+v", i, f, want[i])
		}
	}
	if len(out.Checks) != 2 {
		t.Errorf("checks = %+v", out.Checks)
	}
}

func TestUserContractRule(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, dir, "acme.rego", `# METADATA
# title: Charter names the agency
# custom:
#   id: ACME-001
#   severity: warning
#   kinds: [charter]
package tollgate.rules.acme.agency

import rego.v1

fail contains {"msg": "no agency", "loc": {"paragraph": 1}} if not input.program
`)
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}})
	out, err := e.EvalMap(context.Background(), charterArtifact())
	if err != nil {
		t.Fatal(err)
	}
	f := one(t, out.Findings)
	if f.Rule != "ACME-001" || f.Severity != finding.Warning || f.Location.Paragraph != 1 {
		t.Errorf("finding = %+v", f)
	}
}

func TestUserRuleLoopStopsAtDeadline(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, dir, "slow.rego", `package slow

import rego.v1

deny contains msg if {
	x := count([y | some y in numbers.range(1, 100000000)])
	msg := sprintf("%d", [x])
}
`)
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.EvalMap(ctx, map[string]any{"kind": "generic", "source": map[string]any{"path": "a.md"}})
	hangguard.Since(t, "evaluation stopped at its deadline", start, 10*time.Second)
	if err == nil {
		t.Fatal("no error at the deadline")
	}
	if !strings.Contains(err.Error(), "slow.deny") {
		t.Errorf("error does not name the rule: %v", err)
	}
}

func TestCompileErrorHasFileAndLine(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, dir, "broken.rego", "package broken\n\nimport rego.v1\n\ndeny contains msg if {\n\tmsg := undefined_var\n}\n")
	_, err := Compile(context.Background(), Options{PolicyDirs: []string{dir}})
	if err == nil {
		t.Fatal("broken policy compiled")
	}
	if want := filepath.Join(dir, "broken.rego") + ":6:"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}

	writePolicy(t, dir, "broken.rego", "package broken\n\ndeny contains msg if {\n")
	_, err = Compile(context.Background(), Options{PolicyDirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "broken.rego")+":") {
		t.Errorf("parse error = %v", err)
	}
}

func TestCapabilitiesRefuseNetwork(t *testing.T) {
	for _, call := range []string{
		`http.send({"method": "GET", "url": "http://example.com"})`,
		`net.lookup_ip_addr("example.com")`,
		`opa.runtime()`,
	} {
		dir := t.TempDir()
		writePolicy(t, dir, "net.rego", "package netpol\n\nimport rego.v1\n\ndeny contains msg if {\n\tr := "+call+"\n\tmsg := sprintf(\"%v\", [r])\n}\n")
		_, err := Compile(context.Background(), Options{PolicyDirs: []string{dir}})
		if err == nil {
			t.Errorf("%s compiled", call)
			continue
		}
		if !strings.Contains(err.Error(), "net.rego:6:") {
			t.Errorf("%s: error %v", call, err)
		}
	}
}

// A built-in rule with incomplete METADATA is refused, naming what is missing.
func TestBuiltinRuleWithoutMetadataIsRefused(t *testing.T) {
	full := map[string]string{
		"title": "# title: T\n", "description": "# description: D\n", "custom.id": "#   id: GEN-002\n",
		"custom.severity": "#   severity: warning\n", "custom.kinds": "#   kinds: [\"*\"]\n",
		"custom.source": "#   source: S\n", "custom.remediation": "#   remediation: R\n",
	}
	order := []string{"title", "description", "custom.id", "custom.severity", "custom.kinds", "custom.source", "custom.remediation"}
	for _, drop := range order {
		var b strings.Builder
		b.WriteString("# METADATA\n# scope: package\n")
		for _, k := range order[:2] {
			if k != drop {
				b.WriteString(full[k])
			}
		}
		b.WriteString("# custom:\n")
		for _, k := range order[2:] {
			if k != drop {
				b.WriteString(full[k])
			}
		}
		b.WriteString("package tollgate.rules.core.gen_002\n\nimport rego.v1\n\nfail contains {\"msg\": \"x\"} if false\n")
		src := source{name: "policies/core/gen_002.rego", text: []byte(b.String()), builtin: true, pack: "core"}
		_, err := build(context.Background(), []source{src}, map[string]any{}, nil, Options{})
		if err == nil {
			t.Errorf("rule without %s accepted", drop)
			continue
		}
		if !strings.Contains(err.Error(), "lacks "+drop) || !strings.Contains(err.Error(), "policies/core/gen_002.rego:") {
			t.Errorf("without %s: %v", drop, err)
		}
	}
	// And no METADATA at all.
	src := source{name: "policies/core/gen_002.rego", builtin: true, pack: "core",
		text: []byte("package tollgate.rules.core.gen_002\n\nimport rego.v1\n\nfail contains {\"msg\": \"x\"} if false\n")}
	if _, err := build(context.Background(), []source{src}, map[string]any{}, nil, Options{}); err == nil ||
		!strings.Contains(err.Error(), "no package-scoped METADATA") {
		t.Errorf("rule without METADATA: %v", err)
	}
}

func TestDataFiles(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, dir, "agencies.yaml", "agencies:\n  allowed: [GSA, Treasury]\ndeadline: 2024-09-30\n")
	writePolicy(t, dir, "agency.rego", `package agency

import rego.v1

deny contains sprintf("agency %s not allowed (deadline %s)", [input.program, data.deadline]) if not input.program in data.agencies.allowed
`)
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}, DataFiles: []string{filepath.Join(dir, "agencies.yaml")}})
	out, err := e.EvalMap(context.Background(), map[string]any{"kind": "generic", "program": "DOE", "source": map[string]any{"path": "a.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if f := one(t, out.Findings); f.Message != "agency DOE not allowed (deadline 2024-09-30)" {
		t.Errorf("finding = %+v", f)
	}
}

func TestConcurrentEvaluation(t *testing.T) {
	e := compile(t, Options{Packs: []string{"core"}})
	art := charterArtifact()
	first, err := e.EvalMap(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 20 {
				out, err := e.EvalMap(context.Background(), art)
				if err == nil && len(out.Findings) != len(first.Findings) {
					err = os.ErrInvalid
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func BenchmarkEvalDocument(b *testing.B) {
	e := compile(b, Options{Packs: []string{"core", "xdoc"}})
	art := charterArtifact()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.EvalMap(ctx, art); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvalDocumentSingleQuery measures the alternative design: one
// prepared query per kind reading every applicable rule's sets at once
// (kept to justify the per-rule design; see README of the package doc).
func BenchmarkEvalDocumentSingleQuery(b *testing.B) {
	e := compile(b, Options{Packs: []string{"core", "xdoc"}})
	art := charterArtifact()
	var parts []string
	for i, r := range e.documentRules("charter") {
		for _, s := range r.sets {
			parts = append(parts, fmt.Sprintf("r%d_%s := %s.%s", i, s, r.pkg, s))
		}
	}
	pq, err := rego.New(rego.Query(strings.Join(parts, "; ")), rego.Compiler(e.documentRules("charter")[0].compiler), rego.Store(e.store),
		rego.StoreReadAST(true), rego.StrictBuiltinErrors(true)).PrepareForEval(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		input, err := ast.InterfaceToValue(art)
		if err != nil {
			b.Fatal(err)
		}
		rs, err := pq.Eval(ctx, rego.EvalParsedInput(input))
		if err != nil || len(rs) != 1 {
			b.Fatal(err, len(rs))
		}
	}
}

// data.tollgate.m3 is the embedded m3.json, data.tollgate.project the
// configured facts; user data cannot replace either.
func TestTollgateData(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, dir, "override.json", `{"tollgate": {"project": {"as_of": "1999-01-01"}, "extra": 1}}`)
	writePolicy(t, dir, "probe.rego", `package probe

import rego.v1

deny contains sprintf("phases=%d as_of=%s extra=%d min_words=%d dcma_bei=%v", [
	count(data.tollgate.m3.phases), data.tollgate.project.as_of, data.tollgate.extra,
	data.tollgate.thresholds.charter.purpose_min_words, data.tollgate.thresholds.dcma.bei,
])
`)
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}, DataFiles: []string{filepath.Join(dir, "override.json")},
		Project: map[string]any{"as_of": "2024-06-10"}, Thresholds: map[string]any{"dcma": map[string]any{"bei": 0.9}}})
	out, err := e.EvalMap(context.Background(), map[string]any{"kind": "generic", "source": map[string]any{"path": "a.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if f := one(t, out.Findings); f.Message != "phases=6 as_of=2024-06-10 extra=1 min_words=20 dcma_bei=0.9" {
		t.Errorf("data seen by rules: %s", f.Message)
	}
}

// An absence claim needs a thorough read: a charter that writes "Project
// Manager:" with no name the normalizer could read (evidence read false)
// is not assessable for CHARTER-012 — the finding names where the document
// mentions the PM — while a charter that never mentions one fails.
func TestMentionedButUnreadIsNotAssessable(t *testing.T) {
	e := compile(t, Options{Packs: []string{"core"}})
	art := charterArtifact()
	out, err := e.EvalMap(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	var pm []finding.Finding
	for _, f := range out.Findings {
		if f.Rule == "CHARTER-012" {
			pm = append(pm, f)
		}
	}
	if f := one(t, pm); f.Status != finding.Fail || f.Severity != finding.Error {
		t.Fatalf("never mentioned: CHARTER-012 = %+v, want an error", f)
	}

	art = charterArtifact()
	art["evidence"] = []any{map[string]any{"field": "charter.project_manager", "text": "Project Manager: see org chart", "read": false,
		"loc": map[string]any{"paragraph": 3}}}
	out, err = e.EvalMap(context.Background(), art)
	if err != nil {
		t.Fatal(err)
	}
	pm = pm[:0]
	for _, f := range out.Findings {
		if f.Rule == "CHARTER-012" {
			pm = append(pm, f)
		}
	}
	f := one(t, pm)
	if f.Status != finding.NotAssessable || f.Severity != finding.Info ||
		!strings.Contains(f.Message, `"Project Manager: see org chart"`) || f.Location.Paragraph != 3 {
		t.Errorf("mentioned: CHARTER-012 = %+v, want not assessable at the mention", f)
	}
	for _, c := range out.Checks {
		if c.Rule == "CHARTER-012" && c.Status != finding.NotAssessable {
			t.Errorf("CHARTER-012 check = %s", c.Status)
		}
	}
}
