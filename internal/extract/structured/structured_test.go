package structured

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

func read(t *testing.T, name, body string, lim limits.Limits) (*document.Tree, *document.Fault) {
	t.Helper()
	tr, err := Read(context.Background(), strings.NewReader(body), int64(len(body)), name, lim)
	if err != nil {
		var f *document.Fault
		if !errors.As(err, &f) {
			t.Fatalf("error is not a *document.Fault: %v", err)
		}
		return nil, f
	}
	return tr, nil
}

func TestJSONAndYAMLArtifactsGiveTheSameMap(t *testing.T) {
	js := `{"kind":"risk_register","schema_version":"1","payload":{"risks":[{"id":"R-1","score":12,"due":"2026-03-01","open":true,"owner":null}]}}`
	ym := "\xEF\xBB\xBF# comment\nkind: risk_register\nschema_version: \"1\"\npayload:\n  risks:\n    - id: R-1\n      score: 12\n      due: 2026-03-01\n      open: true\n      owner: ~\n"
	a, f := read(t, "risks.json", js, limits.Default())
	if f != nil {
		t.Fatal(f)
	}
	b, f := read(t, "risks.yml", ym, limits.Default())
	if f != nil {
		t.Fatal(f)
	}
	if a.Format != document.FormatJSON || b.Format != document.FormatYAML {
		t.Errorf("formats %q %q", a.Format, b.Format)
	}
	if !reflect.DeepEqual(a.Artifact, b.Artifact) {
		t.Errorf("JSON and YAML differ:\n%#v\n%#v", a.Artifact, b.Artifact)
	}
	risk := b.Artifact["payload"].(map[string]any)["risks"].([]any)[0].(map[string]any)
	if risk["due"] != "2026-03-01" || risk["score"] != 12.0 {
		t.Errorf("risk = %#v", risk)
	}
	// The result is JSON-encodable as is.
	if _, err := json.Marshal(b.Artifact); err != nil {
		t.Error(err)
	}
}

func TestYAMLValuesBecomeJSONCompatible(t *testing.T) {
	ym := "kind: charter\n1: one\ntrue: yes\nwhen: 2026-01-02T10:30:00Z\nnan: .nan\nnested: {a: [1, 2.5]}\n"
	tr, f := read(t, "c.yaml", ym, limits.Default())
	if f != nil {
		t.Fatal(f)
	}
	want := map[string]any{
		"kind": "charter", "1": "one", "true": "yes", "when": "2026-01-02T10:30:00Z", "nan": "NaN",
		"nested": map[string]any{"a": []any{1.0, 2.5}},
	}
	if !reflect.DeepEqual(tr.Artifact, want) {
		t.Errorf("got %#v", tr.Artifact)
	}
	if _, err := json.Marshal(tr.Artifact); err != nil {
		t.Error(err)
	}
}

func TestNotArtifactsAndBrokenFiles(t *testing.T) {
	cases := []struct {
		name, body string
		rule, msg  string
		line       int
	}{
		{"pkg.json", `{"name":"x","version":"1.0"}`, document.ReadUnsupported, "not a tollgate artifact (no top-level kind)", 0},
		{"list.json", `[{"kind":"charter"}]`, document.ReadUnsupported, "no top-level kind", 0},
		{"num.json", `{"kind": 3}`, document.ReadUnsupported, "no top-level kind", 0},
		{"ci.yml", "steps:\n  - run: make\n", document.ReadUnsupported, "no top-level kind", 0},
		{"empty.yaml", "# nothing\n", document.ReadUnsupported, "no top-level kind", 0},
		{"bad.json", "{\n  \"kind\": \"charter\",\n  \"x\": tru\n}", document.ReadCorrupt, "not valid JSON", 3},
		{"cut.json", "{\n\"kind\": \"charter\",\n", document.ReadCorrupt, "not valid JSON", 3},
		{"two.json", `{"kind":"a"} {"kind":"b"}`, document.ReadCorrupt, "more data", 1},
		{"bad.yaml", "kind: charter\nlist:\n  - a\n - b\n", document.ReadCorrupt, "not valid YAML", 3}, // yaml.v3 names the line of the enclosing mapping
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, f := read(t, c.name, c.body, limits.Default())
			if f == nil {
				t.Fatal("no fault")
			}
			if f.Rule != c.rule || !strings.Contains(f.Message, c.msg) || f.Loc.Line != c.line {
				t.Errorf("fault %s %q line %d, want %s %q line %d", f.Rule, f.Message, f.Loc.Line, c.rule, c.msg, c.line)
			}
		})
	}
}

// billionLaughs is the classic YAML alias bomb: nine levels of ten aliases
// each, 10^9 strings once expanded, from under 1 KB of text.
const billionLaughs = `kind: charter
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

func TestYAMLAliasBombIsRefusedQuickly(t *testing.T) {
	start := time.Now()
	_, f := read(t, "bomb.yaml", billionLaughs, limits.Default())
	if f == nil || f.Rule != document.ReadCorrupt || !strings.Contains(f.Message, "alias bomb") {
		t.Errorf("fault %v", f)
	}
	hangguard.Since(t, "refusing the alias bomb", start, 20*time.Second)
	// A few honest aliases are fine.
	tr, f := read(t, "ok.yaml", "kind: charter\nbase: &b {owner: Ana}\nx: *b\n", limits.Default())
	if f != nil {
		t.Fatal(f)
	}
	if x := tr.Artifact["x"].(map[string]any); x["owner"] != "Ana" {
		t.Errorf("alias not expanded: %#v", x)
	}
}

func TestSizeLimitAndSniffedSyntax(t *testing.T) {
	lim := limits.Default()
	lim.MarkdownBytes = 10
	_, f := read(t, "big.json", `{"kind":"charter","x":1}`, lim)
	if f == nil || f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.markdown_bytes") {
		t.Errorf("fault %v", f)
	}
	// Without a known extension the first byte decides.
	tr, f := read(t, "artifact", "  {\"kind\":\"raci\"}", limits.Default())
	if f != nil || tr.Format != document.FormatJSON {
		t.Errorf("sniffed JSON: %v %v", tr, f)
	}
	tr, f = read(t, "artifact", "kind: raci\n", limits.Default())
	if f != nil || tr.Format != document.FormatYAML {
		t.Errorf("sniffed YAML: %v %v", tr, f)
	}
}
