// Package normalized gives tests normalized artifacts the way a run makes
// them (discover, then pipeline.ReadFile with default options): of the
// real documents, and of the synthetic schedule. It is for tests of the
// stages after normalization (artifact, schema, policy); it imports the
// pipeline, so only external test packages can use it.
package normalized

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/pipeline"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// All normalizes every file under paths that reads; files that do not,
// and docs-as-code artifacts (adopted as written, not normalized), are
// left out.
func All(t testing.TB, paths ...string) []*artifact.Artifact {
	t.Helper()
	files, err := discover.Walk(paths, discover.Options{Limits: limits.Default()})
	if err != nil {
		t.Fatal(err)
	}
	var out []*artifact.Artifact
	for _, f := range files {
		if f.Format == document.FormatJSON || f.Format == document.FormatYAML {
			continue // docs-as-code: adopted as written, not normalized
		}
		d := pipeline.ReadFile(context.Background(), f, pipeline.ReadOptions{Limits: limits.Default()})
		if d.Artifact != nil {
			out = append(out, d.Artifact)
		}
	}
	return out
}

// Schedule is the synthetic n-task schedule (testdocs.SynthSchedule with
// seed), written as MS Project XML and normalized.
func Schedule(t testing.TB, n int, seed uint64) *artifact.Artifact {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ims.xml")
	testdocs.WriteSynthMSPDI(t, path, n, seed)
	arts := All(t, path)
	if len(arts) != 1 {
		t.Fatalf("the synthetic schedule gave %d artifacts", len(arts))
	}
	return arts[0]
}
