package normalize_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/extract"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/normalize"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

func normalizeFile(t *testing.T, path string) map[string]any {
	t.Helper()
	fs, err := discover.Walk([]string{path}, discover.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := extract.Read(context.Background(), fs[0], limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	m, err := normalize.Normalize(tr, classify.Classify(tr, path, classify.Options{}), normalize.Options{}).Map()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The GSA Governance Plan template's MANAGEMENT CERTIFICATION block: the
// unfilled template records no approval; filled in (decision ticked, name,
// date and title typed over the prompts) it records the approver.
func TestCertificationBlock(t *testing.T) {
	src := filepath.Join(testdocs.CorpusDir(), "gsa", "M3-Playbook-Governance-Plan-Template.docx")
	if n := len(normalizeFile(t, src)["metadata"].(map[string]any)["approvals"].([]any)); n != 0 {
		t.Errorf("unfilled template: %d approvals, want 0", n)
	}
	filled := filepath.Join(t.TempDir(), "governance.docx")
	if err := testdocs.CopyWithEdits(src, filled,
		testdocs.Edit{Part: "word/document.xml", Old: "______ The document is accepted. ", New: "__X___ The document is accepted. "},
		testdocs.Edit{Part: "word/document.xml", Old: "&lt;&lt;Insert Name&gt;&gt;", New: "Angela Ruiz"},
		testdocs.Edit{Part: "word/document.xml", Old: "&lt;&lt;Insert Date&gt;&gt;", New: "March 2, 2026"},
		testdocs.Edit{Part: "word/document.xml", Old: "&lt;&lt;Insert Title&gt;&gt;", New: "Executive Sponsor"},
	); err != nil {
		t.Fatal(err)
	}
	aps := normalizeFile(t, filled)["metadata"].(map[string]any)["approvals"].([]any)
	if len(aps) != 2 {
		t.Fatalf("filled template: %d approvals, want 2 (two signature blocks): %v", len(aps), aps)
	}
	ap := aps[0].(map[string]any)
	if ap["name"] != "Angela Ruiz" || ap["date"] != "2026-03-02" || ap["decision"] != "accepted" || ap["signed"] != true ||
		ap["role"] != "sponsor" || ap["evidence"] != "certification_block" {
		t.Errorf("approval = %v", ap)
	}
}
