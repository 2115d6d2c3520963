package schema

import (
	"slices"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/kind"
	// The kinds are registered by normalize, as in every run.
	_ "github.com/tollgate-dev/tollgate/internal/normalize"
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

// TestEveryPayloadKindHasASchema: every kind registered with a payload
// schema (internal/normalize/kinds.go) has it compiled.
func TestEveryPayloadKindHasASchema(t *testing.T) {
	have := Kinds()
	n := 0
	for _, s := range kind.Current().All() {
		if s.Schema == nil {
			continue
		}
		n++
		if !slices.Contains(have, string(s.Kind)) {
			t.Errorf("no compiled schema for %s (have %s)", s.Kind, strings.Join(have, ","))
		}
	}
	if n < 14 {
		t.Errorf("%d payload kinds registered: the built-in kinds are not", n)
	}
}
