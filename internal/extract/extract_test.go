package extract

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/format"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// walk writes files into a temp dir and discovers them.
func walk(t *testing.T, files map[string][]byte) map[string]discover.File {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list, err := discover.Walk([]string{dir}, discover.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]discover.File{}
	for _, f := range list {
		out[f.Path] = f
	}
	return out
}

func faultOf(t *testing.T, err error) *document.Fault {
	t.Helper()
	var f *document.Fault
	if !errors.As(err, &f) {
		t.Fatalf("error is not a *document.Fault: %v", err)
	}
	return f
}

func TestDispatchByContent(t *testing.T) {
	files := walk(t, map[string][]byte{
		"plan.xlsx":    testdocs.Corpus(t, "gsa/M3-Playbook-Governance-Plan-Template.docx"), // a docx named .xlsx
		"raci.xlsx":    testdocs.Corpus(t, "packt-tpm2e/RACI.xlsx"),
		"qasp.md":      testdocs.Corpus(t, "18f/QASP.md"),
		"risks.csv":    []byte("ID,Risk\nR-1,Late vendor\n"),
		"charter.json": []byte(`{"kind":"charter","payload":{}}`),
		"raci.yaml":    []byte("kind: raci\n"),
		"ims.xml":      testdocs.Corpus(t, "mpxj/mspdirelations.xml"),
	})
	want := map[string]document.Format{
		"plan.xlsx": document.FormatDocx, "raci.xlsx": document.FormatXlsx, "qasp.md": document.FormatMD,
		"risks.csv": document.FormatCSV, "charter.json": document.FormatJSON, "raci.yaml": document.FormatYAML,
		"ims.xml": document.FormatMSPDI,
	}
	if len(files) != len(want) {
		t.Fatalf("discovered %v", files)
	}
	for name, format := range want {
		tr, err := Read(context.Background(), files[name], limits.Default())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if tr.Path != name || tr.Format != format {
			t.Errorf("%s: path %q format %q", name, tr.Path, tr.Format)
		}
		switch format {
		case document.FormatDocx, document.FormatMD:
			if len(tr.Blocks) == 0 {
				t.Errorf("%s: no blocks", name)
			}
		case document.FormatXlsx, document.FormatCSV:
			if len(tr.Sheets) == 0 || len(tr.Sheets[0].Rows) == 0 {
				t.Errorf("%s: no rows", name)
			}
		case document.FormatJSON, document.FormatYAML:
			if tr.Artifact["kind"] == nil {
				t.Errorf("%s: no artifact", name)
			}
		case document.FormatMSPDI:
			if tr.Schedule == nil || len(tr.Schedule.Tasks) != 6 {
				t.Errorf("%s: schedule %+v", name, tr.Schedule)
			}
		}
	}
	// Locations carry the report path, not the temp path.
	tr, _ := Read(context.Background(), files["qasp.md"], limits.Default())
	if p := tr.Blocks[0].Loc.Path; p != "qasp.md" {
		t.Errorf("loc path %q", p)
	}
}

func TestUnreadableFilesGiveTheirFault(t *testing.T) {
	gov := testdocs.Corpus(t, "gsa/M3-Playbook-Governance-Plan-Template.docx")
	files := walk(t, map[string][]byte{
		"truncated.docx": gov[:len(gov)/2],
		"encrypted.xlsx": testdocs.Corpus(t, "robust/spreadsheet__protected_passtika.xlsx"),
		"old.xlsx":       testdocs.Corpus(t, "robust/legacy-biff8-SampleSS.xls.renamed.xlsx"),
		"empty.docx":     nil,
		"ims.xml":        []byte("<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x \"y\">]>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>&x;</Name></Project>"),
	})
	want := map[string]string{
		"truncated.docx": document.ReadCorrupt, "encrypted.xlsx": document.ReadEncrypted,
		"old.xlsx": document.ReadLegacy, "empty.docx": document.ReadEmpty, "ims.xml": document.ReadCorrupt,
	}
	for name, rule := range want {
		f, ok := files[name]
		if !ok {
			t.Errorf("%s not discovered", name)
			continue
		}
		_, err := Read(context.Background(), f, limits.Default())
		if got := faultOf(t, err); got.Rule != rule {
			t.Errorf("%s: %s %q, want %s", name, got.Rule, got.Message, rule)
		}
	}
}

func TestConfiguredFileLimit(t *testing.T) {
	files := walk(t, map[string][]byte{"raci.xlsx": testdocs.Corpus(t, "packt-tpm2e/RACI.xlsx")})
	lim := limits.Default()
	lim.FileBytes = 100
	_, err := Read(context.Background(), files["raci.xlsx"], lim)
	if f := faultOf(t, err); f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.file_bytes") {
		t.Errorf("fault %v", f)
	}
}

// withReader swaps the CSV reader for the duration of a test.
func withReader(t *testing.T, fn format.Reader) {
	old := lookup
	lookup = func(f document.Format) (format.Spec, bool) {
		s, ok := old(f)
		if f == document.FormatCSV {
			s.Read = fn
		}
		return s, ok
	}
	t.Cleanup(func() { lookup = old })
}

func TestReaderPanicBecomesAFinding(t *testing.T) {
	files := walk(t, map[string][]byte{"a.csv": []byte("a,b\n")})
	withReader(t, func(context.Context, io.ReaderAt, int64, string, limits.Limits) (*document.Tree, error) {
		var m []int
		m[len(m)] = 1 // index out of range
		return nil, nil
	})
	_, err := Read(context.Background(), files["a.csv"], limits.Default())
	if f := faultOf(t, err); f.Rule != document.ReadCorrupt || f.Message != "internal reader error" || !strings.Contains(f.Err.Error(), "index out of range") {
		t.Errorf("fault %v", f)
	}
}

func TestReadDeadlineHoldsForAStuckReader(t *testing.T) {
	files := walk(t, map[string][]byte{"a.csv": []byte("a,b\n")})
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	withReader(t, func(context.Context, io.ReaderAt, int64, string, limits.Limits) (*document.Tree, error) {
		<-release // ignores its context
		return &document.Tree{}, nil
	})
	lim := limits.Default()
	lim.ReadTimeout = 50 * time.Millisecond
	start := time.Now()
	_, err := Read(context.Background(), files["a.csv"], lim)
	if f := faultOf(t, err); f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.read_timeout") {
		t.Errorf("fault %v", f)
	}
	hangguard.Since(t, "giving up on a stuck reader", start, 10*time.Second)

	// A cancelled run is not a finding on the file.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Read(ctx, files["a.csv"], limits.Default())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
}
