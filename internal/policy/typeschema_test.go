package policy

import (
	"context"
	"encoding/json"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/schemas"
)

// propertyPaths lists every property path of a schema ("a.b[].c"),
// following $refs (rendered: already inlined; source: resolved by r).
func propertyPaths(v any, prefix string, r *derefer, file string, depth int, out map[string]bool) {
	m, ok := v.(map[string]any)
	if !ok || depth > 12 {
		return
	}
	if ref, ok := m["$ref"].(string); ok && r != nil {
		t, f, err := r.resolve(ref, file)
		if err == nil {
			propertyPaths(t, prefix, r, f, depth+1, out)
		}
	}
	if props, ok := m["properties"].(map[string]any); ok {
		for k, p := range props {
			out[prefix+"."+k] = true
			propertyPaths(p, prefix+"."+k, r, file, depth+1, out)
		}
	}
	if items, ok := m["items"]; ok {
		propertyPaths(items, prefix+"[]", r, file, depth+1, out)
	}
	for _, key := range []string{"anyOf", "oneOf", "allOf"} {
		if alts, ok := m[key].([]any); ok {
			for _, a := range alts {
				propertyPaths(a, prefix, r, file, depth+1, out)
			}
		}
	}
	if ap, ok := m["additionalProperties"].(map[string]any); ok {
		propertyPaths(ap, prefix+".*", r, file, depth+1, out)
	}
}

// The draft-07 rendering OPA's type checker reads keeps every property
// path of the draft 2020-12 schemas (envelope and payload, references
// followed), adds none, and carries no $ref or $defs left to resolve.
func TestTypeSchemasKeepEveryField(t *testing.T) {
	rendered, err := TypeSchemas()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]any{}
	names, _ := fs.Glob(schemas.FS, "*.schema.json")
	for _, n := range names {
		b, _ := fs.ReadFile(schemas.FS, n)
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		docs[n] = v
	}
	r := &derefer{docs: docs}
	if len(rendered) != len(names)-1 {
		t.Errorf("%d renderings for %d payload schemas", len(rendered), len(names)-1)
	}
	for kind, s := range rendered {
		want := map[string]bool{}
		propertyPaths(docs["envelope.schema.json"], "input", r, "envelope.schema.json", 0, want)
		want["input."+kind] = true
		propertyPaths(docs[kind+".schema.json"], "input."+kind, r, kind+".schema.json", 0, want)
		got := map[string]bool{}
		propertyPaths(s, "input", nil, "", 0, got)
		var missing, extra []string
		for p := range want {
			if !got[p] {
				missing = append(missing, p)
			}
		}
		for p := range got {
			if !want[p] {
				extra = append(extra, p)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		if len(missing) > 0 || len(extra) > 0 {
			t.Errorf("%s: rendering lacks %v, adds %v", kind, missing, extra)
		}
		b, _ := json.Marshal(s)
		if strings.Contains(string(b), `"$ref"`) || strings.Contains(string(b), `"$defs"`) {
			t.Errorf("%s: rendering still has $ref or $defs", kind)
		}
		if s.(map[string]any)["$schema"] != "http://json-schema.org/draft-07/schema#" {
			t.Errorf("%s: $schema = %v", kind, s.(map[string]any)["$schema"])
		}
	}
}

// Typing: a METADATA schemas annotation (schema.<kind>) types input as
// that kind; a rule of one kind is typed by default; a misspelt field fails
// to compile naming the nearest real fields; a correct rule compiles.
func TestTypedUserRules(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"explicit schemas", `# METADATA
# title: budget
# schemas:
#   - input: schema.charter
package org.budget

deny contains "no budget" if not input.charter.budjet.amount
`, `input.charter has no field "budjet"; nearest: budget`},
		{"default by kind", `# METADATA
# title: status
# custom:
#   id: ORG-STATUS-1
#   kinds: [status_report]
package org.status

deny contains "no date" if not input.status_report.as_of_dat
`, "input.status_report has no field \"as_of_dat\"; nearest: as_of_date"},
		{"envelope field", `# METADATA
# title: source
# custom:
#   id: ORG-ENV-1
#   kinds: [charter]
package org.env

deny contains "x" if input.sorce.path == ""
`, `input has no field "sorce"; nearest: source`},
		{"correct", `# METADATA
# title: sponsor
# custom:
#   id: ORG-OK-1
#   kinds: [charter]
package org.ok

deny contains "no sponsor" if not input.charter.sponsor.name
`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writePolicy(t, dir, "r.rego", c.src)
			_, err := Compile(context.Background(), Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}})
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, c.want)
			}
		})
	}
}

// With --allow-net, http.send compiles and reaches only the named hosts:
// a call to another host is refused before any connection is made.
func TestAllowNetNamedHostsOnly(t *testing.T) {
	dir := t.TempDir()
	writePolicy(t, dir, "net.rego", `package org.net

deny contains "down" if http.send({"method": "GET", "url": "http://other.invalid/status"}).status_code != 200
`)
	if _, err := Compile(context.Background(), Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}}); err == nil ||
		!strings.Contains(err.Error(), "--allow-net HOST") {
		t.Fatalf("without --allow-net: err = %v", err)
	}
	e := compile(t, Options{Packs: []string{"xdoc"}, PolicyDirs: []string{dir}, AllowNet: []string{"registry.invalid"}})
	_, err := e.EvalMap(context.Background(), map[string]any{"kind": "generic", "source": map[string]any{"path": "a.md"}})
	if err == nil || !strings.Contains(err.Error(), "disallowed host: other.invalid") {
		t.Fatalf("http.send to a host not named: err = %v", err)
	}
}
