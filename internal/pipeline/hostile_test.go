package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// The hostile inputs themselves are made by internal/testdocs (hostile.go),
// shared with the command-line robustness suite (internal/cli).

func writeZipBomb(t testing.TB, path string) { writeFile(t, path, testdocs.ZipBomb(t)) }

func legacyDoc(t testing.TB) []byte { return testdocs.LegacyDoc(t) }

// truncatedSheet cuts a workbook's sheet part mid-XML after a complete
// cell, the zip staying valid.
func truncatedSheet(t testing.TB, src []byte, sheet string, keep float64) []byte {
	return testdocs.TruncatedPart(t, src, sheet, keep, "</c>")
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
