package testdocs

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Golden compares got with the checked-in golden file at path, or rewrites
// the file when update is set (tests pass their -update flag).
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s missing (rerun the test with -update): %v", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; inspect with -update and git diff\n--- got ---\n%.3000s", path, got)
	}
}
