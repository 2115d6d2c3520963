package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

const corpus = "../../../testdata/corpus"

func corpusPath(rel string) string { return filepath.Join(corpus, rel) }

func readBytes(t testing.TB, data []byte, lim limits.Limits) (*document.Tree, error) {
	t.Helper()
	return Read(context.Background(), bytes.NewReader(data), int64(len(data)), "test.xlsx", lim)
}

func readCorpus(t testing.TB, rel string) (*document.Tree, error) {
	t.Helper()
	data, err := os.ReadFile(corpusPath(rel))
	if err != nil {
		t.Fatal(err)
	}
	return Read(context.Background(), bytes.NewReader(data), int64(len(data)), rel, limits.Default())
}

// mustRead reads a corpus file that must read with no error and no fault.
func mustRead(t testing.TB, rel string) *document.Tree {
	t.Helper()
	tree, err := readCorpus(t, rel)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	for _, f := range tree.Faults {
		t.Errorf("%s: unexpected fault %v at %v", rel, f, f.Loc)
	}
	return tree
}

func asFault(t testing.TB, err error) *document.Fault {
	t.Helper()
	var f *document.Fault
	if !errors.As(err, &f) {
		t.Fatalf("error %v (%T) is not a *document.Fault", err, err)
	}
	return f
}

func sheetNamed(t testing.TB, tree *document.Tree, name string) *document.Sheet {
	t.Helper()
	for i := range tree.Sheets {
		if tree.Sheets[i].Name == name {
			return &tree.Sheets[i]
		}
	}
	t.Fatalf("no sheet %q", name)
	return nil
}

// cellAt returns the cell at an A1 reference, or a zero cell.
func cellAt(s *document.Sheet, ref string) document.Cell {
	col, row, ok := cellCoordinates(ref)
	if !ok {
		return document.Cell{}
	}
	if r := rowNumbered(s, row); r != nil && col <= len(r.Cells) {
		return r.Cells[col-1]
	}
	return document.Cell{}
}

func rowNumbered(s *document.Sheet, num int) *document.Row {
	for i := range s.Rows {
		if s.Rows[i].Num == num {
			return &s.Rows[i]
		}
	}
	return nil
}

func texts(r *document.Row) []string {
	var out []string
	for _, c := range r.Cells {
		out = append(out, c.Text)
	}
	return out
}

type zipEntry struct {
	name   string
	method uint16
	data   []byte
}

func unzipAll(t testing.TB, data []byte) []zipEntry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []zipEntry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, zipEntry{f.Name, f.Method, b})
	}
	return out
}

func zipAll(t testing.TB, entries []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cellLoc is a cell's own location, nil when it has none.
func cellLoc(c document.Cell) *document.Loc { return c.Loc }

// withoutLoc is the cell with its location cleared.
func withoutLoc(c document.Cell) document.Cell {
	c.Loc = nil
	return c
}
