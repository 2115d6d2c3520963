package policy

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
)

// SameInput reports whether two prepared inputs hold equal values, kinds
// and paths.
func SameInput(a, b Input) bool {
	return a.kind == b.kind && a.path == b.path && a.value != nil && b.value != nil && a.value.Compare(b.value) == 0
}

// MapInput converts an artifact written as a JSON map in a test (the rules'
// view of it) the way OPA converts JSON: rule tests state their input as
// JSON; the typed road is tested by TestNewInputEqualsJSON.
func MapInput(art map[string]any) (Input, error) {
	v, err := ast.InterfaceToValue(art)
	if err != nil {
		return Input{}, err
	}
	in := Input{value: indexSets(v)}
	in.kind, _ = art["kind"].(string)
	src, _ := art["source"].(map[string]any)
	in.path, _ = src["path"].(string)
	return in, nil
}

// EvalMap is Eval on an artifact written as a JSON map.
func (e *Engine) EvalMap(ctx context.Context, art map[string]any) (Outcome, error) {
	in, err := MapInput(art)
	if err != nil {
		return Outcome{}, err
	}
	return e.Eval(ctx, in)
}

// EvalProjectMaps is EvalProject on artifacts written as JSON maps.
func (e *Engine) EvalProjectMaps(ctx context.Context, arts []map[string]any) (Outcome, error) {
	ins := make([]Input, len(arts))
	for i, a := range arts {
		in, err := MapInput(a)
		if err != nil {
			return Outcome{}, err
		}
		ins[i] = in
	}
	return e.EvalProject(ctx, ins)
}

// indexSets makes each fact of a schedule index (schedule.index.tasks and
// .rels: lists of positions) a Rego set, so that a rule tests a task's
// membership in one step and intersects facts in Go (a & b) instead of
// iterating in Rego; any other value is returned as is. NewInput builds
// the sets directly (scheduleIndexTerm); a test's JSON input gets them
// here, so that it is the value NewInput would give.
func indexSets(v ast.Value) ast.Value {
	ix, ok := lookup(v, "schedule", "index")
	if !ok {
		return v
	}
	if _, ok := ix.(ast.Object); !ok {
		return v
	}
	toSets := func(facts ast.Value) (ast.Value, error) {
		obj, ok := facts.(ast.Object)
		if !ok {
			return facts, nil
		}
		pairs := make([][2]*ast.Term, 0, obj.Len())
		for _, k := range obj.Keys() {
			val := obj.Get(k)
			if arr, ok := val.Value.(*ast.Array); ok {
				terms := make([]*ast.Term, 0, arr.Len())
				arr.Foreach(func(t *ast.Term) { terms = append(terms, t) })
				set := ast.NewSet(terms...)
				set.Sorted() // sorts once now, not in the first rule reading it
				val = ast.NewTerm(set)
			}
			pairs = append(pairs, [2]*ast.Term{k, val})
		}
		return ast.NewObject(pairs...), nil
	}
	out, err := replaced(v, "schedule", func(s ast.Value) (ast.Value, error) {
		return replaced(s, "index", func(ix ast.Value) (ast.Value, error) {
			for _, k := range []string{"tasks", "rels"} {
				if _, ok := lookup(ix, k); !ok {
					continue
				}
				var err error
				if ix, err = replaced(ix, k, toSets); err != nil {
					return nil, err
				}
			}
			return ix, nil
		})
	})
	if err != nil {
		return v // cannot happen: every key was looked up first
	}
	return out
}

// lookup follows keys through nested objects.
func lookup(v ast.Value, keys ...string) (ast.Value, bool) {
	for _, k := range keys {
		obj, ok := v.(ast.Object)
		if !ok {
			return nil, false
		}
		t := obj.Get(ast.StringTerm(k))
		if t == nil {
			return nil, false
		}
		v = t.Value
	}
	return v, true
}
