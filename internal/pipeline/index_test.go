package pipeline

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// TestScheduleIndexChangesNoFinding: the Go-side schedule index
// (schedule.index) is an accelerator only. Every schedule artifact of the
// test corpora gives exactly the same findings and checks with the index
// and with it removed (the rules' pure-Rego path).
func TestScheduleIndexChangesNoFinding(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := harbor.ScheduleFormats("../../testdata/corpus", dir, harbor.Options{Defects: true}); err != nil {
		t.Fatal(err)
	}
	testdocs.WriteSynthMSPDI(t, filepath.Join(dir, "synthetic.xml"), 1500, 7)
	paths := []string{dir, "../../testdata/schedules/reference", "../../testdata/corpus/mpxj", "../../testdata/corpus/packt-tpm2e/Project Plan.xlsx",
		"../../testdata/corpus/gsa/M3-Playbook-Master-Schedule-Template.xlsx"}
	project := map[string]any{"as_of": "2026-11-16", "status_date": "2026-11-13"}
	eng := engine(t, project)
	out, err := Run(context.Background(), Options{Engine: eng, Paths: paths, Jobs: 2, Limits: limits.Default(),
		KeepArtifacts: true})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, art := range artifactMaps(t, out) {
		if art["kind"] != "schedule" {
			continue
		}
		n++
		path, _ := art["source"].(map[string]any)["path"].(string)
		a, b2, _ := withAndWithoutIndex(t, eng, art)
		if !reflect.DeepEqual(a, b2) {
			t.Errorf("%s: the index changes the outcome\n with:    %v\n without: %v", path, a, b2)
		}
	}
	if n < 7 {
		t.Errorf("only %d schedules compared", n)
	}
}

// withAndWithoutIndex evaluates a schedule artifact's document rules as
// normalized and with schedule.index removed (the pure-Rego path), and
// returns both outcomes in canonical form plus the indexed findings.
func withAndWithoutIndex(t *testing.T, eng *policy.Engine, art map[string]any) (with, without []string, findings []finding.Finding) {
	t.Helper()
	w, err := eng.Eval(context.Background(), inputOfMap(t, art))
	if err != nil {
		t.Fatal(err)
	}
	var bare map[string]any
	b, _ := json.Marshal(art)
	_ = json.Unmarshal(b, &bare)
	delete(bare["schedule"].(map[string]any), "index")
	wo, err := eng.Eval(context.Background(), inputOfMap(t, bare))
	if err != nil {
		t.Fatal(err)
	}
	return canon(w.Findings, w.Checks), canon(wo.Findings, wo.Checks), w.Findings
}

func canon(fs []finding.Finding, cs []finding.Check) []string {
	var out []string
	for _, f := range fs {
		b, _ := json.Marshal(f)
		out = append(out, string(b))
	}
	for _, c := range cs {
		b, _ := json.Marshal(c)
		out = append(out, string(b))
	}
	sort.Strings(out)
	return out
}
