package harbor

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestExamplesAreGenerated: the bundled examples/harbor is exactly what the
// generator writes (with its deliberate defects), so the documents and the
// code that explains them cannot drift apart. Regenerate with
// `go run ./tools/mkexamples`.
func TestExamplesAreGenerated(t *testing.T) {
	dir := t.TempDir()
	if err := Generate("../../../testdata/corpus", dir, Options{Defects: true}); err != nil {
		t.Fatal(err)
	}
	for _, name := range Files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../../examples/harbor", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("examples/harbor/%s is not what the generator writes; run go run ./tools/mkexamples", name)
		}
	}
}
