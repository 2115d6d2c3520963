package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// A docs-as-code repository keeps artifacts as YAML: taken as is, validated
// and checked like any other document.
func TestYAMLArtifactIsTakenAsIs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	doc := `kind: charter
title: Harbor charter (docs as code)
metadata:
  status: approved
  approvals:
    - {name: Angela Ruiz, role: sponsor, date: "2026-02-17", decision: approved, signed: true}
  placeholders: []
fields_found: [metadata.approvals, metadata.placeholders, charter.purpose, charter.objectives, charter.milestones]
charter:
  purpose: too short
  objectives: [{text: "Migrate 100% of employees by June 2027", measurable: true}]
  milestones: [{name: Go-live, date: "2027-06-25"}]
  project_manager: {name: Marcus Chen, authority: may approve spending up to $250,000}
  sponsor: {name: Angela Ruiz}
`
	if err := os.WriteFile(filepath.Join(dir, "charter.yaml"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.yaml"), []byte("just: config\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Run(context.Background(), Options{Engine: engine(t, map[string]any{"as_of": "2026-11-16"}), Paths: []string{dir}, Jobs: 1, Limits: limits.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Documents) != 1 || out.Documents[0].Kind != "charter" || out.Documents[0].KindSource != "document" {
		t.Fatalf("documents = %+v, want only charter.yaml as a charter taken from the document", out.Documents)
	}
	fired := map[string]bool{}
	for _, f := range out.Findings {
		if f.Status == finding.Fail && f.Severity != finding.Info {
			fired[f.Rule] = true
		}
		if f.Rule == "TG-SCHEMA-001" {
			t.Errorf("schema: %s %s", f.Location.Pointer, f.Message)
		}
	}
	if !fired["CHARTER-001"] {
		t.Errorf("CHARTER-001 (purpose of two words) did not fire; fired %v", fired)
	}
	if fired["CHARTER-002"] || fired["CHARTER-013"] {
		t.Errorf("objectives and sponsor approval are present; fired %v", fired)
	}
}

func TestKindOverrideByGlob(t *testing.T) {
	t.Parallel()
	r := classify.Classify(nil, "plans/ivv-2026.docx", classify.Options{Rules: []classify.KindRule{{Path: "plans/ivv*.docx", Kind: "ivv_plan"}}})
	if r.Kind != "ivv_plan" || r.Source != classify.SourceConfig {
		t.Errorf("got %+v", r)
	}
}

// A schedule supplied as JSON cannot bring its own index: an index saying
// that only the start and finish milestones lack links would otherwise hide
// the task without logic.
func TestSuppliedScheduleIndexIsNotTrusted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	doc := `{"kind": "schedule", "title": "IMS", "fields_found": ["schedule.tasks"],
 "metadata": {"status": "approved", "approvals": [], "placeholders": []},
 "schedule": {"status_date": "2026-09-01", "tasks": [
  {"uid": "1", "id": "1", "name": "Start", "type": "milestone", "duration_days": 0, "predecessors": [], "successors": [{"ref": "2", "type": "FS", "lag_days": 0}]},
  {"uid": "2", "id": "2", "name": "Build", "type": "task", "duration_days": 5, "predecessors": [{"ref": "1", "type": "FS", "lag_days": 0}], "successors": [{"ref": "4", "type": "FS", "lag_days": 0}]},
  {"uid": "3", "id": "3", "name": "Orphan work", "type": "task", "duration_days": 5, "predecessors": [], "successors": []},
  {"uid": "4", "id": "4", "name": "Finish", "type": "milestone", "duration_days": 0, "predecessors": [{"ref": "2", "type": "FS", "lag_days": 0}], "successors": []}],
  "index": {"counts": {"tasks": 4, "rels": 2}, "tasks": {"open": [0, 1, 2, 3], "no_predecessor": [0], "no_successor": [3]}}}}`
	if err := os.WriteFile(filepath.Join(dir, "ims.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Run(context.Background(), Options{Engine: engine(t, map[string]any{"as_of": "2026-11-16"}), Paths: []string{dir}, Jobs: 1, Limits: limits.Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range out.Findings {
		if f.Rule == "SCHED-DCMA-01" && f.Status == finding.Fail {
			return
		}
	}
	t.Fatalf("SCHED-DCMA-01 did not fire on the task without logic; findings %+v", out.Findings)
}
