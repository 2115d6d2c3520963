package cli

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/schemas"
)

// docs/model.md is what `tollgate schema --format markdown` prints from the
// schemas (go test ./internal/cli -run ModelDoc -update rewrites it).
func TestModelDocInSync(t *testing.T) {
	code, out, stderr := run(t, "schema", "--format", "markdown")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const path = "../../docs/model.md"
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != out {
		t.Errorf("docs/model.md is out of date: run go test ./internal/cli -run TestModelDocInSync -update")
	}
	for _, s := range []string{"## Envelope (every kind)", "## `charter`", "| `budget.amount` | number or null |", "CHARTER-008"} {
		if !strings.Contains(out, s) {
			t.Errorf("model.md lacks %q", s)
		}
	}
}

// The schemas cite no file the repository does not hold (they once cited
// MODEL.md).
func TestSchemasCiteOnlyRepositoryFiles(t *testing.T) {
	cite := regexp.MustCompile(`[A-Za-z0-9_./-]+\.(md|rego|json|yaml)\b`)
	names, _ := fs.Glob(schemas.FS, "*.schema.json")
	for _, n := range names {
		b, _ := fs.ReadFile(schemas.FS, n)
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		var texts []string
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				for k, e := range x {
					if s, ok := e.(string); ok && (k == "title" || k == "description" || k == "$comment") {
						texts = append(texts, s)
					}
					walk(e)
				}
			case []any:
				for _, e := range x {
					walk(e)
				}
			}
		}
		walk(doc)
		for _, s := range texts {
			for _, c := range cite.FindAllString(s, -1) {
				if strings.HasSuffix(c, ".schema.json") {
					c = "schemas/" + filepath.Base(c)
				}
				if _, err := os.Stat(filepath.Join("../..", c)); err != nil {
					t.Errorf("schemas/%s cites %s, which the repository does not hold", n, c)
				}
			}
		}
	}
}

// tollgate schema prints a kind's schema, the envelope by default, the
// type checker's rendering with --type-check, and refuses an unknown kind.
func TestSchemaCommand(t *testing.T) {
	code, out, _ := run(t, "schema", "charter")
	if code != ExitOK || !strings.Contains(out, `"sponsor"`) || !strings.Contains(out, "2020-12") {
		t.Errorf("schema charter: exit %d\n%.300s", code, out)
	}
	code, out, _ = run(t, "schema")
	if code != ExitOK || !strings.Contains(out, `"fields_found"`) {
		t.Errorf("schema: exit %d\n%.300s", code, out)
	}
	code, out, _ = run(t, "schema", "charter", "--type-check")
	if code != ExitOK || !strings.Contains(out, "draft-07") || strings.Contains(out, `"$ref"`) {
		t.Errorf("schema --type-check: exit %d\n%.300s", code, out)
	}
	code, out, _ = run(t, "schema", "--list")
	if code != ExitOK || !strings.Contains(out, "charter\n") || strings.Contains(out, "envelope") {
		t.Errorf("schema --list: exit %d\n%s", code, out)
	}
	if code, _, stderr := run(t, "schema", "chartre"); code != ExitToolError || !strings.Contains(stderr, "--list") {
		t.Errorf("schema chartre: exit %d %s", code, stderr)
	}
}
