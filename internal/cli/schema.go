package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/schemas"
)

// newSchemaCmd prints the artifact schemas, and docs/model.md from them.
func newSchemaCmd() *cobra.Command {
	var list, typeCheck bool
	var format string
	cmd := &cobra.Command{
		Use:   "schema [KIND]",
		Short: "Print the JSON Schema of an artifact kind (default: the envelope every artifact carries)",
		Long: `schema prints the JSON Schema (draft 2020-12) of one artifact kind's payload,
or of the envelope when no KIND is given. --list names the kinds.
--type-check prints instead the self-contained draft-07 rendering of the whole
artifact (envelope and payload) that OPA's type checker reads for
METADATA "schemas: [{input: schema.KIND}]" and for rules of that one kind.
--format markdown prints the field reference (docs/model.md) of every kind.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			if list {
				for _, k := range policy.TypeSchemaKinds() {
					fmt.Fprintln(w, k)
				}
				return nil
			}
			if format == "markdown" {
				if len(args) > 0 {
					return toolError(fmt.Errorf("--format markdown documents every kind; give no KIND"))
				}
				return ModelMarkdown(w)
			}
			if format != "json" {
				return toolError(fmt.Errorf("--format %q: want json or markdown", format))
			}
			kind := "envelope"
			if len(args) == 1 {
				kind = args[0]
			}
			if typeCheck {
				m, err := policy.TypeSchemas()
				if err != nil {
					return toolError(err)
				}
				s, ok := m[kind]
				if !ok {
					return toolError(fmt.Errorf("no artifact kind %q (tollgate schema --list)", kind))
				}
				return writeJSON(w, s)
			}
			b, err := fs.ReadFile(schemas.FS, kind+".schema.json")
			if err != nil {
				return toolError(fmt.Errorf("no schema for %q (tollgate schema --list)", kind))
			}
			_, err = w.Write(b)
			return err
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "list the artifact kinds")
	cmd.Flags().BoolVar(&typeCheck, "type-check", false, "print the draft-07 rendering OPA's type checker reads")
	cmd.Flags().StringVar(&format, "format", "json", "json, or markdown for the field reference of every kind")
	return cmd
}

// modelField is one row of a kind's table.
type modelField struct {
	path, typ, desc string
}

// schemaFields lists the fields of an inlined schema, depth first.
func schemaFields(v any, prefix string, out *[]modelField) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	props := map[string]any{}
	collectProps(m, props)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		p, _ := props[k].(map[string]any)
		path := k
		if prefix != "" {
			path = prefix + "." + k
		}
		*out = append(*out, modelField{path: path, typ: schemaType(p), desc: schemaDesc(p)})
		if k == "loc" || strings.HasSuffix(k, "_loc") {
			continue // one shape, listed once
		}
		schemaFields(p, path, out)
		if items, ok := itemsOf(p); ok {
			schemaFields(items, path+"[]", out)
		}
	}
}

// collectProps gathers the properties of a schema and of its anyOf /
// oneOf / allOf branches.
func collectProps(m map[string]any, into map[string]any) {
	if ps, ok := m["properties"].(map[string]any); ok {
		for k, v := range ps {
			if _, dup := into[k]; !dup {
				into[k] = v
			}
		}
	}
	for _, key := range []string{"anyOf", "oneOf", "allOf"} {
		if bs, ok := m[key].([]any); ok {
			for _, b := range bs {
				if bm, ok := b.(map[string]any); ok {
					collectProps(bm, into)
				}
			}
		}
	}
}

// itemsOf is the item schema of an array schema (or of an array branch).
func itemsOf(m map[string]any) (map[string]any, bool) {
	if it, ok := m["items"].(map[string]any); ok {
		return it, true
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		if bs, ok := m[key].([]any); ok {
			for _, b := range bs {
				if bm, ok := b.(map[string]any); ok {
					if it, ok := bm["items"].(map[string]any); ok {
						return it, true
					}
				}
			}
		}
	}
	return nil, false
}

// schemaType renders a schema's type: "string", "number or null",
// "array of object", an enum's values.
func schemaType(m map[string]any) string {
	if e, ok := m["enum"].([]any); ok {
		var vs []string
		for _, v := range e {
			b, _ := json.Marshal(v)
			vs = append(vs, "`"+string(b)+"`")
		}
		return "one of " + strings.Join(vs, ", ")
	}
	var ts []string
	switch t := m["type"].(type) {
	case string:
		ts = []string{t}
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				ts = append(ts, s)
			}
		}
	}
	if len(ts) == 0 {
		for _, key := range []string{"anyOf", "oneOf"} {
			if bs, ok := m[key].([]any); ok {
				for _, b := range bs {
					if bm, ok := b.(map[string]any); ok {
						ts = append(ts, schemaType(bm))
					}
				}
			}
		}
	}
	for i, t := range ts {
		if t == "array" {
			if it, ok := itemsOf(m); ok {
				if s := schemaType(it); s != "" && s != "any" {
					ts[i] = "array of " + s
				}
			}
		}
	}
	if len(ts) == 0 {
		return "any"
	}
	return strings.Join(ts, " or ")
}

func schemaDesc(m map[string]any) string {
	d, _ := m["description"].(string)
	if ex, ok := m["examples"].([]any); ok && len(ex) > 0 {
		b, _ := json.Marshal(ex[0])
		d += " Example: `" + string(b) + "`."
	}
	return d
}

// ModelMarkdown renders docs/model.md from the schemas: the envelope, then
// one table per kind, each field with its type, description and the
// built-in rules whose source names it.
func ModelMarkdown(w io.Writer) error {
	reads, err := policy.RuleReads()
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(reads))
	for id := range reads {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// readers: the rules of kind (any kind for the envelope) whose source
	// names every key of path.
	readers := func(path, kind string) string {
		if kind == "-" {
			return ""
		}
		keys := strings.Split(path, ".")
		var out []string
		for _, id := range ids {
			rn := reads[id]
			if kind != "" && !slices.Contains(rn.Kinds, kind) && !slices.Contains(rn.Kinds, "project") {
				continue
			}
			all := true
			for _, k := range keys {
				all = all && rn.Names[k]
			}
			if all {
				out = append(out, id)
			}
		}
		return strings.Join(out, ", ")
	}
	var b strings.Builder
	b.WriteString("# The artifact model\n\n")
	b.WriteString("Generated by `tollgate schema --format markdown` from the JSON Schemas in `schemas/`; a test keeps this file in sync. ")
	b.WriteString("Every document tollgate reads becomes one artifact: the envelope below, plus the payload of its kind under the key named by `kind` (a charter's fields are `input.charter.*` in a rule). ")
	b.WriteString("`tollgate schema KIND` prints a kind's schema; `tollgate parse FILE` prints a document's artifact.\n\n")
	b.WriteString("Field paths use `[]` for the items of an array. Locations (`loc`, `*_loc`) share one shape, listed once under the envelope. ")
	b.WriteString("\"Read by\" lists the built-in rules of the kind whose source names every key of the field's path (in a reference or an `object.get`): a reading of the source, so a field reached only through a `data.tollgate.lib` helper is not credited.\n")
	cell := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", "\\|") }
	table := func(fields []modelField, prefix, kind string) {
		b.WriteString("\n| field | type | description | read by |\n|---|---|---|---|\n")
		for _, f := range fields {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.path, cell(f.typ), cell(f.desc), readers(strings.ReplaceAll(prefix+f.path, "[]", ""), kind))
		}
	}
	env, err := policy.InlinedSchema("envelope.schema.json")
	if err != nil {
		return err
	}
	b.WriteString("\n## Envelope (every kind)\n")
	var ef []modelField
	schemaFields(env, "", &ef)
	table(ef, "", "")
	b.WriteString("\n### Location (`loc`)\n\nWhere a value is in the source document; only the parts that apply are set.\n")
	var lf []modelField
	if src, ok := envLoc(); ok {
		schemaFields(src, "", &lf)
	}
	table(lf, "loc.", "-")
	for _, kind := range policy.TypeSchemaKinds() {
		s, err := policy.InlinedSchema(kind + ".schema.json")
		if err != nil {
			return err
		}
		sm, _ := s.(map[string]any)
		fmt.Fprintf(&b, "\n## `%s`\n\n", kind)
		if t, _ := sm["title"].(string); t != "" {
			fmt.Fprintf(&b, "%s. ", strings.TrimSuffix(t, "."))
		}
		fmt.Fprintf(&b, "Fields under `input.%s`.\n", kind)
		var fields []modelField
		schemaFields(s, "", &fields)
		table(fields, kind+".", kind)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// envLoc is the location shape ($defs.loc of the envelope schema).
func envLoc() (map[string]any, bool) {
	b, err := fs.ReadFile(schemas.FS, "envelope.schema.json")
	if err != nil {
		return nil, false
	}
	var env map[string]any
	if json.Unmarshal(b, &env) != nil {
		return nil, false
	}
	defs, _ := env["$defs"].(map[string]any)
	loc, ok := defs["loc"].(map[string]any)
	return loc, ok
}
