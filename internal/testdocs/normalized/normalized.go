// Package normalized gives tests normalized artifacts the way the pipeline
// makes them (discover, extract, classify, normalize with default
// options): of the real documents, and of the synthetic schedule. It is for
// tests of the stages after normalization (artifact, schema, policy);
// it imports normalize, so normalize's own tests cannot use it.
package normalized

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
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
		if f.Fault != nil {
			continue
		}
		tree, err := extract.Read(context.Background(), f, limits.Default())
		if err != nil || tree.Artifact != nil {
			continue
		}
		out = append(out, normalize.Normalize(tree, classify.Classify(tree, f.Path, classify.Options{}), normalize.Options{}))
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
