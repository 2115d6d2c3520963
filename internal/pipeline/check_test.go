package pipeline

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

func engine(t testing.TB, project map[string]any) *policy.Engine {
	t.Helper()
	return compiledEngine(t, []string{"core", "schedule", "xdoc"}, project)
}

var (
	enginesMu sync.Mutex
	engines   = map[string]*policy.Engine{}
)

// compiledEngine compiles the packs for the project once per test binary:
// an Engine is reusable across runs, and compiling every pack for each of
// the many seeded-defect runs was most of the package's time.
func compiledEngine(t testing.TB, packs []string, project map[string]any) *policy.Engine {
	t.Helper()
	b, err := json.Marshal(project)
	if err != nil {
		t.Fatal(err)
	}
	k := strings.Join(packs, ",") + " " + string(b)
	enginesMu.Lock()
	defer enginesMu.Unlock()
	if eng, ok := engines[k]; ok {
		return eng
	}
	eng, err := policy.Compile(context.Background(), policy.Options{Packs: packs, Project: project})
	if err != nil {
		t.Fatal(err)
	}
	engines[k] = eng
	return eng
}

// Broken files each give exactly one clear tool finding, quickly, while the
// good files of the same run are still read and checked.
func TestHostileFilesEachGiveOneFindingAndTheRunGoesOn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeZipBomb(t, filepath.Join(dir, "bomb.docx"))
	gov := testdocs.Corpus(t, "gsa/M3-Playbook-Governance-Plan-Template.docx")
	writeFile(t, filepath.Join(dir, "truncated.docx"), gov[:len(gov)/2])
	writeFile(t, filepath.Join(dir, "encrypted.xlsx"), testdocs.Corpus(t, "robust/spreadsheet__protected_passtika.xlsx"))
	writeFile(t, filepath.Join(dir, "old-plan.docx"), legacyDoc(t))
	writeFile(t, filepath.Join(dir, "truncated-ims.xlsx"),
		truncatedSheet(t, testdocs.Corpus(t, "gsa/M3-Playbook-Master-Schedule-Template.xlsx"), "xl/worksheets/sheet1.xml", 0.5))
	writeFile(t, filepath.Join(dir, "empty.docx"), nil)
	// Good neighbours.
	writeFile(t, filepath.Join(dir, "risk-plan.docx"), testdocs.Corpus(t, "gsa/M3-Playbook-Risk-Management-Plan-Template.docx"))
	writeFile(t, filepath.Join(dir, "raci.xlsx"), testdocs.Corpus(t, "packt-tpm2e/RACI.xlsx"))
	writeFile(t, filepath.Join(dir, "qasp.md"), testdocs.Corpus(t, "18f/QASP.md"))

	want := map[string]struct {
		rule   string
		status string
	}{
		"bomb.docx":          {"TG-LIMIT-001", finding.DocUnreadable},
		"truncated.docx":     {"TG-READ-001", finding.DocUnreadable},
		"encrypted.xlsx":     {"TG-READ-002", finding.DocUnreadable},
		"old-plan.docx":      {"TG-READ-003", finding.DocUnreadable},
		"truncated-ims.xlsx": {"TG-READ-005", finding.DocOK},
		"empty.docx":         {"TG-READ-006", finding.DocUnreadable},
		"risk-plan.docx":     {"", finding.DocOK},
		"raci.xlsx":          {"", finding.DocOK},
		"qasp.md":            {"", finding.DocOK},
	}

	start := time.Now()
	out, err := Run(context.Background(), Options{Engine: engine(t, map[string]any{"as_of": "2026-11-22"}),
		Paths: []string{dir}, Jobs: 2, Limits: limits.Default(),
	})
	if err != nil {
		t.Fatal(err)
	}
	hangguard.Since(t, "the hostile directory", start, 100*time.Second)
	docs := map[string]finding.Document{}
	for _, d := range out.Documents {
		docs[d.Path] = d
	}
	tool := map[string][]string{}
	checked := map[string]int{}
	for _, f := range out.Findings {
		if len(f.Rule) > 3 && f.Rule[:3] == "TG-" && f.Rule != "TG-KIND-001" {
			tool[f.Path] = append(tool[f.Path], f.Rule)
		}
	}
	for _, c := range out.Checks {
		checked[c.Path]++
	}
	for name, w := range want {
		d, ok := docs[name]
		if !ok {
			t.Errorf("%s: not in the report", name)
			continue
		}
		if d.Status != w.status {
			t.Errorf("%s: status %s, want %s (%s)", name, d.Status, w.status, d.Error)
		}
		got := tool[name]
		switch {
		case w.rule == "" && len(got) != 0:
			t.Errorf("%s: unexpected tool findings %v", name, got)
		case w.rule != "" && (len(got) != 1 || got[0] != w.rule):
			t.Errorf("%s: tool findings %v, want exactly [%s]", name, got, w.rule)
		}
		if w.status == finding.DocOK && checked[name] == 0 {
			t.Errorf("%s: readable but no rule was checked on it", name)
		}
	}
	if len(docs) != len(want) {
		t.Errorf("documents = %d, want %d", len(docs), len(want))
	}
}

// statusDate is a configuration giving project.status_date.
func statusDate(sd string) *config.Config {
	return &config.Config{Project: config.Project{StatusDate: sd}}
}

// artifactMaps are a result's kept artifacts as the JSON report carries
// them.
func artifactMaps(t testing.TB, res *finding.Result) []map[string]any {
	t.Helper()
	b, err := json.Marshal(res.Artifacts)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// inputOfMap converts an artifact written as JSON for the rules, through
// its typed form (the road every artifact takes).
func inputOfMap(t testing.TB, m map[string]any) policy.Input {
	t.Helper()
	a, err := decodeArtifact(m)
	if err != nil {
		t.Fatal(err)
	}
	in, err := policy.NewInput(a)
	if err != nil {
		t.Fatal(err)
	}
	return in
}
