package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// A workbook whose thousand cells all show one 1 MiB shared string (the
// shape of Apache POI's poc-shared-strings.xlsx, which ran for over ten
// minutes in the placeholder scan) is read and checked once per distinct
// string. Hang guard only: the budget (2 s) is measured by the benchmark
// and scripts, not asserted here on a shared machine.
func TestOneHugeSharedStringIsScannedOnce(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Risk Register.xlsx"), testdocs.OneHugeSharedString(t, 1000, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := Run(ctx, Options{Engine: engine(t, map[string]any{"as_of": "2026-12-01"}), Paths: []string{dir}, Jobs: 1, Limits: limits.Default(), KeepArtifacts: true})
	if err != nil {
		t.Fatalf("run: %v (a hang would end here at the guard)", err)
	}
	if len(out.Documents) != 1 || out.Documents[0].Status != "ok" {
		t.Fatalf("documents = %+v", out.Documents)
	}
	ph, _ := get(artifactMaps(t, out)[0], "metadata", "placeholders").([]any)
	if len(ph) == 0 {
		t.Errorf("the string's placeholders were not found")
	}
}
