package schema

import (
	"strings"
	"testing"
)

func minimal(kind string) map[string]any {
	return map[string]any{
		"schema_version": "1", "kind": kind,
		"source":   map[string]any{"path": "a.docx", "format": "docx"},
		"metadata": map[string]any{"status": "draft", "approvals": []any{}, "placeholders": []any{}},
	}
}

func TestValidArtifactPasses(t *testing.T) {
	a := minimal("charter")
	a["charter"] = map[string]any{"purpose": "x", "milestones": []any{map[string]any{"name": "Go-live", "date": "2027-06-25"}}}
	if v := Validate(a); len(v) != 0 {
		t.Fatalf("want no violations, got %v", v)
	}
}

func TestViolationsCarryPointers(t *testing.T) {
	a := minimal("charter")
	a["metadata"].(map[string]any)["status"] = "signed-off"
	a["charter"] = map[string]any{"milestones": []any{map[string]any{"name": "Go-live", "date": "25/06/2027"}}}
	v := Validate(a)
	var ptrs []string
	for _, x := range v {
		ptrs = append(ptrs, x.Pointer)
	}
	got := strings.Join(ptrs, " ")
	for _, want := range []string{"/metadata/status", "/charter/milestones/0/date"} {
		if !strings.Contains(got, want) {
			t.Errorf("pointer %s missing from %q", want, got)
		}
	}
	for _, x := range v {
		if x.Message == "" {
			t.Errorf("empty message at %s", x.Pointer)
		}
	}
}

func TestEveryPayloadKindHasASchema(t *testing.T) {
	got := strings.Join(Kinds(), ",")
	for _, k := range []string{"charter", "pmp", "schedule", "raci", "risk_register", "ivv_plan", "change_request", "change_log", "lessons_learned", "stakeholder_register", "qasp", "sla", "status_report", "rtm"} {
		if !strings.Contains(got, k) {
			t.Errorf("no schema for %s (have %s)", k, got)
		}
	}
}
