package policy

import (
	"fmt"
	"math"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// PrepareTyped is Prepare for a normalized artifact in its typed form: the
// value is built by walking the artifact (artifact.Walk), with no JSON text
// and no generic maps in between, and is the value Prepare makes of
// a.Map() (TestPrepareTypedEqualsPrepare). The artifact is only read.
//
// It needs no engine (an Input is not tied to one), so a caller may convert
// artifacts while the rules are still compiling.
func PrepareTyped(a *artifact.Artifact) (Input, error) {
	in := Input{kind: a.Kind, path: a.Source.Path}
	t, err := artifact.Walk[*ast.Term](newASTBuilder(), a)
	if err != nil {
		return Input{}, fmt.Errorf("%s: artifact is not JSON data: %w", in.path, err)
	}
	in.value = t.Value
	return in, nil
}

// astBuilder builds OPA terms, sharing one term per distinct key, string
// and number (the sharing converter explains); converter uses its terms
// too.
type astBuilder struct {
	keys map[string]*ast.Term
	strs map[string]*ast.Term
	nums map[uint64]*ast.Term // by float64 bits: 0 and -0 print differently
	null *ast.Term
	kvs  [][2]*ast.Term // reused by Object
}

func newASTBuilder() *astBuilder {
	return &astBuilder{keys: map[string]*ast.Term{}, strs: map[string]*ast.Term{}, nums: map[uint64]*ast.Term{}, null: ast.NullTerm()}
}

func (b *astBuilder) Null() *ast.Term { return b.null }

func (b *astBuilder) Bool(v bool) *ast.Term { return ast.InternedTerm(v) }

func (b *astBuilder) Number(f float64) *ast.Term {
	bits := math.Float64bits(f)
	t, ok := b.nums[bits]
	if !ok {
		v, _ := ast.InterfaceToValue(f) // never fails on a float64
		t = ast.NewTerm(v)
		b.nums[bits] = t
	}
	return t
}

func (b *astBuilder) String(s string) *ast.Term {
	t, ok := b.strs[s]
	if !ok {
		t = ast.StringTerm(s)
		b.strs[s] = t
	}
	return t
}

func (b *astBuilder) key(k string) *ast.Term {
	t, ok := b.keys[k]
	if !ok {
		t = ast.StringTerm(k)
		b.keys[k] = t
	}
	return t
}

func (b *astBuilder) Object(keys []string, vals []*ast.Term) *ast.Term {
	kvs := b.kvs[:0]
	for i, k := range keys {
		kvs = append(kvs, [2]*ast.Term{b.key(k), vals[i]})
	}
	b.kvs = kvs
	return ast.NewTerm(ast.NewObject(kvs...))
}

func (b *astBuilder) Array(vals []*ast.Term) *ast.Term {
	return ast.NewTerm(ast.NewArray(append(make([]*ast.Term, 0, len(vals)), vals...)...))
}
