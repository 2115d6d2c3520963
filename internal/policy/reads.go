package policy

import (
	"fmt"
	"io/fs"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/policies"
	"github.com/tollgate-dev/tollgate/schemas"
)

// RuleNames are what one built-in rule's source names: its kinds and
// every string it holds (reference keys such as input.charter.budget's
// and keys given to object.get alike).
type RuleNames struct {
	Kinds []string
	Names map[string]bool
}

// RuleReads are the names each built-in rule's source holds, by rule ID.
// docs/model.md lists a field as read by a rule of its kind whose source
// names every key of the field's path: a reading of the source, not of
// the evaluation (a field reached only through a lib helper is not
// credited).
func RuleReads() (map[string]RuleNames, error) {
	srcs, err := readPacks(policies.FS, nil, false)
	if err != nil {
		return nil, err
	}
	out := map[string]RuleNames{}
	for _, s := range srcs {
		if s.pack == libPack {
			continue
		}
		m, err := ast.ParseModuleWithOpts(s.name, string(s.text), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, err
		}
		var rn RuleNames
		id := ""
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			id, _ = a.Custom["id"].(string)
			if ks, ok := a.Custom["kinds"].([]any); ok {
				for _, k := range ks {
					if k, ok := k.(string); ok {
						rn.Kinds = append(rn.Kinds, k)
					}
				}
			}
		}
		if id == "" {
			continue
		}
		rn.Names = map[string]bool{}
		ast.WalkTerms(m, func(t *ast.Term) bool {
			if str, ok := t.Value.(ast.String); ok {
				rn.Names[string(str)] = true
			}
			return false
		})
		out[id] = rn
	}
	return out, nil
}

// InlinedSchema is a schema file (envelope.schema.json, charter.schema.json
// …) with its $refs inlined, as the type checker's rendering has it.
func InlinedSchema(file string) (any, error) {
	names, err := fs.Glob(schemas.FS, "*.schema.json")
	if err != nil {
		return nil, err
	}
	docs := map[string]any{}
	for _, n := range names {
		b, err := fs.ReadFile(schemas.FS, n)
		if err != nil {
			return nil, err
		}
		var v any
		if err := jsonUnmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("schemas/%s: %w", n, err)
		}
		docs[n] = v
	}
	if docs[file] == nil {
		return nil, fmt.Errorf("no schema %s", file)
	}
	return (&derefer{docs: docs}).inline(docs[file], file, 0)
}
