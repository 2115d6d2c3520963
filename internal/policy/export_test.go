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
	in := Input{value: v}
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
