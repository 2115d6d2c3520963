package testdocs

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// CorpusDir is the absolute path of testdata/corpus, found from this source
// file so tests of any package can read the real documents.
func CorpusDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "corpus")
}

// Corpus returns the bytes of a real corpus file (path relative to
// testdata/corpus), failing the test when it cannot be read.
func Corpus(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(CorpusDir(), rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
