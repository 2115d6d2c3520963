package report

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
)

func result() *finding.Result {
	r := &finding.Result{
		SchemaVersion: "1",
		Documents: []finding.Document{
			{Path: "plan.xlsx", Format: "xlsx", Kind: "schedule", Status: finding.DocOK},
			{Path: "old.doc", Format: "", Status: finding.DocUnreadable, Error: "legacy"},
		},
		Findings: []finding.Finding{
			{Rule: "XDOC-001", Title: "Execution before PMP approval", Severity: finding.Error, Status: finding.Fail,
				Path: "plan.xlsx", Message: "Mock Conversion 1 starts 2026-03-02", Location: document.Loc{Path: "plan.xlsx", Sheet: "Schedule", Cell: "E45"}},
			{Rule: "TG-READ-003", Title: "Legacy binary format", Severity: finding.Error, Status: finding.Fail,
				Path: "old.doc", Message: "legacy Word 97-2003 format (.doc): save as .docx"},
			{Rule: "XDOC-014", Title: "IV&V plan present", Severity: finding.Error, Status: finding.Fail, Path: "", Message: "no ivv_plan"},
		},
	}
	finding.Decide(r, nil, "2026-11-22", "error")
	return r
}

func TestTextGroupsByDocumentAndSummarizes(t *testing.T) {
	var b bytes.Buffer
	if err := (Text{}).Render(&b, result()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"plan.xlsx (schedule, xlsx)\n",
		"XDOC-001      Execution before PMP approval  Schedule!E45\n",
		"old.doc (unreadable, )",
		"submission\n",
		"2 documents (1 unreadable): 3 errors, 0 warnings, 0 info, 0 waived, 0 not assessable, 0 checks passed — FAIL\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour without Color set")
	}
	b.Reset()
	(Text{Color: true}).Render(&b, result())
	if !strings.Contains(b.String(), "\x1b[31m") {
		t.Error("no colour with Color set")
	}
}

func TestTextProceduresSummary(t *testing.T) {
	r := result()
	r.Rules = []finding.Rule{{ID: "XDOC-001", Pack: "xdoc"}}
	r.Procedures = finding.EvaluateProcedures(r, []finding.Procedure{
		{ID: "OSI-AP-08-003/4.1", Title: "Execution begins after PMP approval", Source: "seed 002", Rules: []finding.ProcedureRule{{ID: "XDOC-001"}}},
		{ID: "P2", Title: "Unloaded", Source: "s", Rules: []finding.ProcedureRule{{ID: "RACI-008"}}},
	})
	var b bytes.Buffer
	if err := (Text{}).Render(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"procedures: 0 satisfied, 1 not satisfied, 0 waived, 0 not applicable, 1 not evaluated\n",
		"  not satisfied OSI-AP-08-003/4.1  Execution begins after PMP approval (XDOC-001)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
}

func TestJSONContractFieldNames(t *testing.T) {
	var b bytes.Buffer
	if err := (JSON{}).Render(&b, &finding.Result{}); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema_version", "tool", "run", "documents", "findings", "checks", "rules", "procedures", "waivers", "summary"} {
		if _, ok := m[k]; !ok {
			t.Errorf("report lacks %q", k)
		}
	}
	if _, ok := m["findings"].([]any); !ok {
		t.Errorf("findings must be [] not %v", m["findings"])
	}
}

func TestWriteFileAtomicLeavesNoTempOnError(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(p, func(w io.Writer) error {
		w.Write([]byte("half"))
		return os.ErrClosed
	})
	if err == nil {
		t.Fatal("want error")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("report overwritten with %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("temp files left: %v", ents)
	}
}
