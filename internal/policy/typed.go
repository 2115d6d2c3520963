package policy

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// NewInput converts an artifact for Eval and EvalProject: the value is
// built by walking the typed artifact (artifact.Walk), with no JSON text
// and no generic maps in between, and is the value OPA makes of the
// artifact's JSON (TestNewInputEqualsJSON). The artifact is only read,
// and later edits to it are not seen.
//
// It needs no engine (an Input is not tied to one), so a caller may convert
// artifacts while the rules are still compiling.
func NewInput(a *artifact.Artifact) (Input, error) {
	in := Input{kind: string(a.Kind), path: a.Source.Path}
	if a.Schedule != nil && len(a.Schedule.Tasks) >= parallelTasks && runtime.GOMAXPROCS(0) > 1 {
		v, err := prepareSchedule(a)
		if err != nil {
			return Input{}, fmt.Errorf("%s: artifact is not JSON data: %w", in.path, err)
		}
		in.value = v
		return in, nil
	}
	b := newASTBuilder()
	cp, ix := withoutIndex(a)
	t, err := artifact.Walk[*ast.Term](b, cp)
	if err != nil {
		return Input{}, fmt.Errorf("%s: artifact is not JSON data: %w", in.path, err)
	}
	v, err := withIndex(t.Value, ix, b)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %w", in.path, err)
	}
	in.value = v
	return in, nil
}

// withoutIndex: a shallow copy of a without its schedule index, and the
// index (nil when there is none). The index is converted by
// scheduleIndexTerm instead of the reflecting walk: its lists of positions
// are most of a large schedule's terms after the tasks themselves.
func withoutIndex(a *artifact.Artifact) (*artifact.Artifact, *artifact.ScheduleIndex) {
	if a.Schedule == nil || a.Schedule.Index == nil {
		return a, nil
	}
	cp, s := *a, *a.Schedule
	s.Index = nil
	cp.Schedule = &s
	return &cp, a.Schedule.Index
}

// withIndex puts the converted index ix (if any) into v's schedule.
func withIndex(v ast.Value, ix *artifact.ScheduleIndex, b *astBuilder) (ast.Value, error) {
	if ix == nil {
		return v, nil
	}
	return replaced(v, "schedule", func(s ast.Value) (ast.Value, error) {
		obj, ok := s.(ast.Object)
		if !ok {
			return nil, fmt.Errorf("schedule: not an object")
		}
		pairs := make([][2]*ast.Term, 0, obj.Len()+1)
		for _, k := range obj.Keys() {
			pairs = append(pairs, [2]*ast.Term{k, obj.Get(k)})
		}
		return ast.NewObject(append(pairs, [2]*ast.Term{b.key("index"), scheduleIndexTerm(ix, b)})...), nil
	})
}

// scheduleIndexTerm is the value the walk would make of ix, built
// directly: one term per position, shared by every list naming it, and
// each fact a set: a rule then tests a task's membership in one step and
// intersects facts (a & b) instead of iterating over lists in Rego.
func scheduleIndexTerm(ix *artifact.ScheduleIndex, b *astBuilder) *ast.Term {
	var pos []*ast.Term
	term := func(i int) *ast.Term {
		for len(pos) <= i {
			pos = append(pos, ast.IntNumberTerm(len(pos)))
		}
		return pos[i]
	}
	terms := func(l []int) []*ast.Term {
		ts := make([]*ast.Term, len(l))
		for k, i := range l {
			ts[k] = term(i)
		}
		return ts
	}
	object := func(n int, each func(add func(k string, v *ast.Term))) *ast.Term {
		pairs := make([][2]*ast.Term, 0, n)
		each(func(k string, v *ast.Term) { pairs = append(pairs, [2]*ast.Term{b.key(k), v}) })
		return ast.NewTerm(ast.NewObject(pairs...))
	}
	sets := func(m map[string][]int) *ast.Term {
		return object(len(m), func(add func(string, *ast.Term)) {
			for k, l := range m {
				set := ast.NewSet(terms(l)...)
				set.Sorted() // sorts once now, not in the first rule reading it
				add(k, ast.NewTerm(set))
			}
		})
	}
	return object(5, func(add func(string, *ast.Term)) {
		add("counts", object(len(ix.Counts), func(add func(string, *ast.Term)) {
			for k, n := range ix.Counts {
				add(k, term(n))
			}
		}))
		add("tasks", sets(ix.Tasks))
		add("rels", sets(ix.Rels))
		add("order", object(len(ix.Order), func(add func(string, *ast.Term)) {
			for k, l := range ix.Order {
				add(k, ast.ArrayTerm(terms(l)...))
			}
		}))
		add("first_by_uid", object(len(ix.FirstByUID), func(add func(string, *ast.Term)) {
			for uid, i := range ix.FirstByUID {
				add(uid, term(i))
			}
		}))
	})
}

// parallelTasks is the schedule size from which its tasks are converted
// on every core.
const parallelTasks = 1000

// prepareSchedule converts a large schedule with its tasks split among the
// cores: the artifact without its tasks first, then each share of the
// tasks with a builder of its own, then the schedule and artifact objects
// are made again with the tasks in place (objects are rebuilt rather than
// edited so that every hash they cache stays right).
//
// Why: converting the tasks of a 10,000-task schedule is a quarter of a
// second on one core while the schema check beside it now takes a tenth
// of that; the other core was idle.
func prepareSchedule(a *artifact.Artifact) (ast.Value, error) {
	tasks := a.Schedule.Tasks
	cp, sched := *a, *a.Schedule
	sched.Tasks = []artifact.Task{}
	sched.Index = nil // converted by scheduleIndexTerm
	cp.Schedule = &sched
	var (
		top    *ast.Term
		topErr error
	)
	parts := runtime.GOMAXPROCS(0)
	terms := make([]*ast.Term, len(tasks))
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(tasks)/parts, (p+1)*len(tasks)/parts
		wg.Go(func() {
			w := artifact.NewWalker[*ast.Term](newASTBuilder())
			for i := lo; i < hi; i++ {
				t, err := w.Walk(&tasks[i])
				if err != nil {
					errs[p] = fmt.Errorf("schedule task %d: %w", i, err)
					return
				}
				terms[i] = t
			}
		})
	}
	b := newASTBuilder()
	top, topErr = artifact.Walk[*ast.Term](b, &cp)
	wg.Wait()
	if err := errors.Join(append(errs, topErr)...); err != nil {
		return nil, err
	}
	withIx, err := withIndex(top.Value, a.Schedule.Index, b)
	if err != nil {
		return nil, err
	}
	top = ast.NewTerm(withIx)
	withTasks, err := replaced(top.Value, "schedule", func(s ast.Value) (ast.Value, error) {
		return replaced(s, "tasks", func(ast.Value) (ast.Value, error) { return ast.NewArray(terms...), nil })
	})
	if err != nil {
		return nil, err
	}
	return withTasks, nil
}

// replaced is object v with the value of key k replaced by with(old).
func replaced(v ast.Value, k string, with func(ast.Value) (ast.Value, error)) (ast.Value, error) {
	obj, ok := v.(ast.Object)
	if !ok {
		return nil, fmt.Errorf("%s: the value it belongs in is not an object", k)
	}
	key := ast.StringTerm(k)
	pairs := make([][2]*ast.Term, 0, obj.Len())
	found := false
	for _, kk := range obj.Keys() {
		val := obj.Get(kk)
		if kk.Equal(key) {
			nv, err := with(val.Value)
			if err != nil {
				return nil, err
			}
			val, found = ast.NewTerm(nv), true
		}
		pairs = append(pairs, [2]*ast.Term{kk, val})
	}
	if !found {
		return nil, fmt.Errorf("no %s in the converted value", k)
	}
	return ast.NewObject(pairs...), nil
}

// astBuilder builds OPA terms for artifact.Walk, sharing one term per
// distinct key, string and number: a 10,000-task schedule repeats the
// same object keys, dates, codes and numbers tens of thousands of times,
// and ast.InterfaceToValue would give each occurrence its own term (OPA
// treats terms of a value as immutable and shares interned terms the same
// way). Objects and arrays are still built by ast.NewObject and
// ast.NewArray, so the value compares, hashes and iterates exactly as
// InterfaceToValue's does.
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
