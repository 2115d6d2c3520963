package policy

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/agnivade/levenshtein"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/schemas"
)

// The artifact schemas are written in JSON Schema draft 2020-12, with
// $defs and references between files (payload → envelope). OPA's type
// checker reads draft-07-style schemas through its own loader and does not
// follow references to other files, so the checker gets a rendering: per
// kind, one self-contained draft-07 schema of the whole artifact (the
// envelope's properties plus the payload under its kind's key) with every
// $ref inlined. It is derived from the embedded schemas at run time, so the
// two cannot drift; TestTypeSchemasKeepEveryField holds every property path
// of the 2020-12 schemas to the rendering.

var (
	typeSchemasOnce sync.Once
	typeSchemasMap  map[string]any
	typeSchemasErr  error
)

// TypeSchemas are the draft-07 renderings OPA's type checker reads, by
// kind (schema.<kind> in METADATA schemas annotations).
func TypeSchemas() (map[string]any, error) {
	typeSchemasOnce.Do(func() { typeSchemasMap, typeSchemasErr = renderTypeSchemas() })
	return typeSchemasMap, typeSchemasErr
}

// TypeSchemaKinds lists the kinds that have a type schema, sorted.
func TypeSchemaKinds() []string {
	m, _ := TypeSchemas()
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func renderTypeSchemas() (map[string]any, error) {
	docs := map[string]any{}
	names, err := fs.Glob(schemas.FS, "*.schema.json")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		b, err := fs.ReadFile(schemas.FS, n)
		if err != nil {
			return nil, err
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("schemas/%s: %w", n, err)
		}
		docs[n] = v
	}
	r := &derefer{docs: docs}
	env, err := r.inline(docs["envelope.schema.json"], "envelope.schema.json", 0)
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for _, n := range names {
		kind := strings.TrimSuffix(n, ".schema.json")
		if kind == "envelope" {
			continue
		}
		payload, err := r.inline(docs[n], n, 0)
		if err != nil {
			return nil, err
		}
		whole := deepCopy(env).(map[string]any)
		props, _ := whole["properties"].(map[string]any)
		if props == nil {
			props = map[string]any{}
			whole["properties"] = props
		}
		props[kind] = payload
		whole["$schema"] = "http://json-schema.org/draft-07/schema#"
		whole["title"] = kind + " artifact (envelope and payload), draft-07 rendering for OPA's type checker"
		out[kind] = whole
	}
	return out, nil
}

// derefer inlines $refs across the schema files.
type derefer struct {
	docs map[string]any
}

// inline returns a copy of v with every $ref replaced by what it points
// to, and $defs, $id and $schema dropped.
func (r *derefer) inline(v any, file string, depth int) (any, error) {
	if depth > 32 {
		return map[string]any{}, nil // a recursive reference: any value
	}
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		if ref, ok := x["$ref"].(string); ok {
			target, tfile, err := r.resolve(ref, file)
			if err != nil {
				return nil, err
			}
			t, err := r.inline(target, tfile, depth+1)
			if err != nil {
				return nil, err
			}
			if tm, ok := t.(map[string]any); ok {
				for k, e := range tm {
					out[k] = e
				}
			}
		}
		for k, e := range x {
			switch k {
			case "$ref", "$defs", "$id", "$schema", "$comment":
				continue
			}
			c, err := r.inline(e, file, depth)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := r.inline(e, file, depth)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return v, nil
}

// resolve finds "file.json#/json/pointer" (file defaults to the current).
func (r *derefer) resolve(ref, file string) (any, string, error) {
	f, ptr, _ := strings.Cut(ref, "#")
	if f == "" {
		f = file
	}
	doc, ok := r.docs[f]
	if !ok {
		return nil, "", fmt.Errorf("schemas/%s: $ref %q: no such schema file", file, ref)
	}
	cur := doc
	for _, part := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if part == "" {
			continue
		}
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, "", fmt.Errorf("schemas/%s: $ref %q does not resolve", file, ref)
		}
		if cur, ok = m[part]; !ok {
			return nil, "", fmt.Errorf("schemas/%s: $ref %q does not resolve", file, ref)
		}
	}
	return cur, f, nil
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

// schemaSet is every kind's type schema as schema.<kind>.
func schemaSet() (*ast.SchemaSet, error) {
	m, err := TypeSchemas()
	if err != nil {
		return nil, err
	}
	ss := ast.NewSchemaSet()
	for kind, s := range m {
		ss.Put(ast.MustParseRef("schema."+kind), s)
	}
	return ss, nil
}

// withSchemas gives the compiler the artifact type schemas (typeUserModules
// says which modules read them).
func withSchemas(c *ast.Compiler, modules map[string]*ast.Module, bySrc map[string]source) {
	typeUserModules(modules, bySrc)
	if ss, err := schemaSet(); err == nil {
		c.WithSchemas(ss).WithUseTypeCheckAnnotations(true)
	}
}

// typeUserModules types user rules by the artifact schemas: a METADATA
// block may name schema.<kind> (schemas: [{input: schema.charter}]), and a
// user module whose METADATA names exactly one kind (custom.kinds:
// [charter]) and no schemas of its own has its input typed by that kind's
// schema. Built-in packs are left as they are. A rule reading a field the
// schema does not have then fails to compile. It says whether any user
// module was given or names a schema.
func typeUserModules(modules map[string]*ast.Module, bySrc map[string]source) bool {
	typed := false
	known, _ := TypeSchemas()
	for name, m := range modules {
		if bySrc[name].builtin {
			continue
		}
		for _, a := range m.Annotations {
			typed = typed || len(a.Schemas) > 0
		}
		kind, ok := defaultSchemaKind(m)
		if !ok || known[kind] == nil {
			continue
		}
		typed = true
		// The block naming the kind gets the schema (OPA allows one
		// package block per package, so none is added).
		for _, a := range m.Annotations {
			if _, ok := a.Custom["kinds"]; ok {
				a.Schemas = append(a.Schemas, &ast.SchemaAnnotation{Path: ast.InputRootRef.Copy(), Schema: ast.MustParseRef("schema." + kind)})
			}
		}
	}
	return typed
}

// defaultSchemaKind is the one kind a module's METADATA names when no
// block of it sets schemas.
func defaultSchemaKind(m *ast.Module) (string, bool) {
	kind := ""
	for _, a := range m.Annotations {
		if len(a.Schemas) > 0 {
			return "", false
		}
		ks, ok := a.Custom["kinds"].([]any)
		if !ok {
			continue
		}
		if len(ks) != 1 {
			return "", false
		}
		s, _ := ks[0].(string)
		if kind != "" && kind != s {
			return "", false
		}
		kind = s
	}
	return kind, kind != ""
}

// typedError formats OPA errors as compileError does, and adds to an
// undefined-reference error of the type checker the field that does not
// exist and the nearest names the schema has there:
//
//	r.rego:9: undefined ref: input.charter.sponser.name
//	  input.charter has no field "sponser"; nearest: sponsor, scope, purpose
func typedError(errs ast.Errors) error {
	for _, e := range errs {
		d, ok := e.Details.(*ast.RefErrInvalidDetail)
		if !ok || len(d.OneOf) == 0 || d.Pos >= len(d.Ref) {
			continue
		}
		field := strings.Trim(d.Ref[d.Pos].String(), `"`)
		var names []string
		for _, v := range d.OneOf {
			if s, ok := v.(ast.String); ok {
				names = append(names, string(s))
			}
		}
		e.Message += fmt.Sprintf("\n    %s has no field %q; nearest: %s", d.Ref[:d.Pos].String(), field, strings.Join(nearest(field, names, 3), ", "))
	}
	return compileError(errs)
}

// nearest are the n names closest to s by edit distance (ties in name
// order).
func nearest(s string, names []string, n int) []string {
	type cand struct {
		name string
		d    int
	}
	cs := make([]cand, 0, len(names))
	for _, name := range names {
		cs = append(cs, cand{name, levenshtein.ComputeDistance(strings.ToLower(s), strings.ToLower(name))})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
