package policy

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// charterArt is a minimal charter artifact for the user-policy tests.
func charterArt(path, title string, charter map[string]any) map[string]any {
	return map[string]any{
		"kind": "charter", "title": title,
		"source":   map[string]any{"path": path},
		"metadata": map[string]any{"status": "draft"},
		"charter":  charter,
	}
}

func messages(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+string(f.Severity)+" "+f.Message)
	}
	slices.Sort(out)
	return out
}

// A conftest-style policy (package main; deny, deny_budget, violation with
// object results, warn; an exception) runs unchanged on the normalized
// artifacts, and the exception lifts deny_budget for a pilot charter only.
func TestConftestPolicyRunsUnchanged(t *testing.T) {
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{"testdata/conftest"}})
	if w := e.Warnings(); len(w) > 0 {
		t.Errorf("warnings = %q", w)
	}
	var ids []string
	for _, r := range e.Rules() {
		if r.Pack == "user" {
			ids = append(ids, r.ID+"/"+string(r.Severity))
		}
	}
	want := []string{"main.deny/error", "main.deny_budget/error", "main.violation/error", "main.warn/warning"}
	if !slices.Equal(ids, want) {
		t.Errorf("user rules = %q, want %q", ids, want)
	}
	out, err := e.EvalMap(context.Background(), charterArt("charter.docx", "Harbor charter", map[string]any{"purpose": " "}))
	if err != nil {
		t.Fatal(err)
	}
	got := messages(out.Findings)
	wantMsgs := []string{
		"main.deny error charter.docx: the charter names no sponsor",
		"main.deny_budget error the charter states no budget amount",
		"main.violation error the charter has no purpose statement",
		"main.warn warning charter.docx is still a draft",
	}
	if !slices.Equal(got, wantMsgs) {
		t.Errorf("findings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantMsgs, "\n"))
	}
	pilot, err := e.EvalMap(context.Background(), charterArt("pilot.docx", "Pilot charter", map[string]any{"purpose": "try it", "sponsor": map[string]any{"name": "A. Sponsor"}}))
	if err != nil {
		t.Fatal(err)
	}
	var failing, waived []string
	for _, f := range pilot.Findings {
		if f.Status == finding.Waived {
			waived = append(waived, f.Rule+" "+f.Message)
			if f.Waiver == nil || !strings.Contains(f.Waiver.Reason, "exception rule of package main") {
				t.Errorf("waived finding without its reason: %+v", f)
			}
			continue
		}
		failing = append(failing, f.Rule+" "+f.Message)
	}
	if !slices.Equal(failing, []string{"main.warn pilot.docx is still a draft"}) || !slices.Equal(waived, []string{"main.deny_budget the charter states no budget amount"}) {
		t.Errorf("pilot: failing %q, waived %q (the exception should lift deny_budget, and show it waived)", failing, waived)
	}
	for _, c := range pilot.Checks {
		if c.Rule == "main.deny_budget" && c.Status != finding.Waived {
			t.Errorf("main.deny_budget check = %s, want waived", c.Status)
		}
	}
}

// Rules load whatever their package: METADATA custom.id and severity name a
// deny set in org.charter_budget, a package METADATA block covers a
// warn_<name> set, a fail set with custom.id outside tollgate.rules is a
// contract rule, a helper package used by a rule is quiet, and a file
// defining no rule is a warning naming it.
func TestAnyPackageLoads(t *testing.T) {
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{"testdata/anypkg"}})
	byID := map[string]finding.Rule{}
	for _, r := range e.Rules() {
		byID[r.ID] = r
	}
	r, ok := byID["ORG-CHARTER-001"]
	if !ok {
		t.Fatalf("ORG-CHARTER-001 not loaded; rules %v", e.Rules())
	}
	if r.Severity != finding.Warning || r.Title != "Charters over $1M state their budget" || !slices.Equal(r.Kinds, []string{"charter"}) ||
		r.Remediation == "" || !slices.Equal(r.RelatedResources, []string{"PMO procedure 7: https://example.org/pmo/procedure-7"}) {
		t.Errorf("ORG-CHARTER-001 = %+v", r)
	}
	if r := byID["ORG-CHARTER-002"]; r.Severity != finding.Warning {
		t.Errorf("ORG-CHARTER-002 (warn_sponsor, no severity) = %+v", r)
	}
	if r := byID["ORG-CHARTER-003"]; r.Severity != finding.Error || r.Remediation != "Add a deliverables section." {
		t.Errorf("ORG-CHARTER-003 (contract rule outside tollgate.rules) = %+v", r)
	}
	w := e.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], "stray.rego") || !strings.Contains(w[0], "org.stray") {
		t.Errorf("warnings = %q, want one naming stray.rego", w)
	}
	out, err := e.EvalMap(context.Background(), charterArt("c.docx", "Charter", map[string]any{"budget": map[string]any{"amount": 2e6}}))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"ORG-CHARTER-002 warning a budget over $1M needs a named sponsor",
		"ORG-CHARTER-003 error the charter lists no deliverables",
	}
	if got := messages(out.Findings); !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}
