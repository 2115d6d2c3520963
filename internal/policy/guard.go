package policy

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Rules may come from the pull request being checked, so a rule must not
// be able to build a value that exhausts the memory or the time of the
// run in one built-in call: OPA checks its deadline between evaluation
// steps, never inside a built-in, and a single call such as
// concat("", [a | some _ in numbers.range(1, 20000)]) with a 1 MB a asks
// for 20 GB at once (a fatal out-of-memory, no report). The built-ins
// that can make a value much larger than their arguments are wrapped
// (guardBuiltins): each refuses, with a built-in error that becomes the
// document's TG-EVAL-001 finding, a result over the bounds below.

// MaxRangeElements bounds the array numbers.range and numbers.range_step
// build. The built-in rules count working days between dates with it (a
// century is 36,525 days); a million elements kept OPA hashing for minutes
// past the evaluation deadline.
const MaxRangeElements = 100_000

// maxBuiltBytes is the largest string or marshalled value a guarded
// built-in may produce: a quarter of the evaluation memory budget (set
// by Compile from Options.EvalMemory).
var maxBuiltBytes atomic.Int64

func init() { maxBuiltBytes.Store(256 << 20) }

// setEvalMemory sets the per-value bound from the run's memory budget.
func setEvalMemory(budget int64) {
	if budget > 0 {
		maxBuiltBytes.Store(max(budget/4, 1<<20))
	}
}

var guardOnce sync.Once

// guardBuiltins replaces the implementation of the built-ins that can
// build huge values with bounded versions (once per process: OPA's
// built-in table is global). The declarations, and so the capabilities,
// stay the same.
func guardBuiltins() {
	guardOnce.Do(func() {
		guard(ast.NumbersRange.Name, checkRange)
		guard(ast.NumbersRangeStep.Name, checkRange)
		guard(ast.Concat.Name, checkConcat)
		guard(ast.Sprintf.Name, checkSprintf)
		guard(ast.Replace.Name, checkReplace)
		guard(ast.JSONMarshal.Name, checkMarshal)
		guard(ast.JSONMarshalWithOptions.Name, checkMarshal)
		guard(ast.YAMLMarshal.Name, checkMarshal)
	})
}

// guard wraps the built-in name with check, run on its operands first.
func guard(name string, check func(ops []*ast.Term) error) {
	orig := topdown.GetBuiltin(name)
	if orig == nil {
		return
	}
	topdown.RegisterBuiltinFunc(name, func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		if err := check(ops); err != nil {
			return err
		}
		return orig(bctx, ops, iter)
	})
}

func tooLarge(what string, n int64) error {
	return fmt.Errorf("%s would build a value of %d bytes, over %d (a quarter of limits.eval_memory)", what, n, maxBuiltBytes.Load())
}

// checkRange: numbers.range(a, b) or numbers.range_step(a, b, step) would
// build more than MaxRangeElements numbers.
func checkRange(ops []*ast.Term) error {
	if len(ops) < 2 {
		return nil
	}
	a, ok1 := ops[0].Value.(ast.Number)
	b, ok2 := ops[1].Value.(ast.Number)
	if !ok1 || !ok2 {
		return nil // the built-in's own type error
	}
	fa, _ := a.Float64()
	fb, _ := b.Float64()
	step := 1.0
	if len(ops) > 2 {
		if s, ok := ops[2].Value.(ast.Number); ok {
			if fs, _ := s.Float64(); fs >= 1 {
				step = fs
			}
		}
	}
	span := fb - fa
	if span < 0 {
		span = -span
	}
	if span/step+1 > MaxRangeElements {
		return fmt.Errorf("numbers.range from %v to %v would build %.0f numbers, over %d", a, b, span/step+1, MaxRangeElements)
	}
	return nil
}

// checkConcat: the joined length of concat(sep, xs).
func checkConcat(ops []*ast.Term) error {
	if len(ops) < 2 {
		return nil
	}
	sep, _ := ops[0].Value.(ast.String)
	var n int64
	add := func(t *ast.Term) {
		if s, ok := t.Value.(ast.String); ok {
			n += int64(len(s)) + int64(len(sep))
		}
	}
	switch c := ops[1].Value.(type) {
	case *ast.Array:
		c.Foreach(add)
	case ast.Set:
		c.Foreach(add)
	}
	if n > maxBuiltBytes.Load() {
		return tooLarge("concat", n)
	}
	return nil
}

// checkSprintf: a width or precision in the format (or given with "*"
// among the numeric arguments) larger than the bound, or arguments that
// would print larger than it.
func checkSprintf(ops []*ast.Term) error {
	if len(ops) < 1 {
		return nil
	}
	format, ok := ops[0].Value.(ast.String)
	if !ok {
		return nil
	}
	limit := maxBuiltBytes.Load()
	for _, field := range strings.FieldsFunc(string(format), func(r rune) bool { return r < '0' || r > '9' }) {
		if n, err := strconv.ParseInt(field, 10, 64); err != nil || n > limit {
			return fmt.Errorf("sprintf: width or precision %s in the format is over %d", field, limit)
		}
	}
	n := int64(len(format))
	if len(ops) > 1 {
		if arr, ok := ops[1].Value.(*ast.Array); ok {
			star := strings.Contains(string(format), "*")
			var err error
			arr.Foreach(func(t *ast.Term) {
				if err != nil {
					return
				}
				if num, ok := t.Value.(ast.Number); ok && star {
					if f, _ := num.Float64(); f > float64(limit) {
						err = fmt.Errorf("sprintf: width or precision %v is over %d", num, limit)
					}
				}
				size, fits := valueSize(t.Value, limit-n)
				n += size
				if !fits {
					err = tooLarge("sprintf", n)
				}
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// checkReplace: strings.replace(s, old, new) grows s by
// count(old) × (len(new) − len(old)).
func checkReplace(ops []*ast.Term) error {
	if len(ops) < 3 {
		return nil
	}
	s, ok1 := ops[0].Value.(ast.String)
	old, ok2 := ops[1].Value.(ast.String)
	repl, ok3 := ops[2].Value.(ast.String)
	if !ok1 || !ok2 || !ok3 || len(repl) <= len(old) {
		return nil
	}
	var count int64
	if old == "" {
		count = int64(len(s)) + 1
	} else {
		count = int64(strings.Count(string(s), string(old)))
	}
	n := int64(len(s)) + count*int64(len(repl)-len(old))
	if n > maxBuiltBytes.Load() {
		return tooLarge("strings.replace", n)
	}
	return nil
}

// checkMarshal: the printed size of the value (a value whose parts are
// shared prints each copy: [x, x] of a 1 MB x is 2 MB of JSON).
func checkMarshal(ops []*ast.Term) error {
	if len(ops) < 1 {
		return nil
	}
	if n, fits := valueSize(ops[0].Value, maxBuiltBytes.Load()); !fits {
		return tooLarge("marshalling", n)
	}
	return nil
}

// valueSize is about how many bytes v prints as: string lengths plus a few
// bytes per element. It stops as soon as the total passes limit (fits is
// then false), so a value of shared parts that would print as terabytes is
// measured in time proportional to limit, not to its printed size.
func valueSize(v ast.Value, limit int64) (n int64, fits bool) {
	var walk func(v ast.Value) bool
	walk = func(v ast.Value) bool {
		if n > limit {
			return false
		}
		switch x := v.(type) {
		case ast.String:
			n += int64(len(x)) + 2
		case ast.Number:
			n += int64(len(x))
		case *ast.Array:
			n += 2
			for i := 0; i < x.Len(); i++ {
				if !walk(x.Elem(i).Value) {
					return false
				}
				n++
			}
		case ast.Set:
			n += 2
			ok := true
			x.Until(func(t *ast.Term) bool {
				ok = walk(t.Value)
				n++
				return !ok
			})
			if !ok {
				return false
			}
		case ast.Object:
			n += 2
			ok := true
			x.Until(func(k, e *ast.Term) bool {
				ok = walk(k.Value) && walk(e.Value)
				n += 2
				return !ok
			})
			if !ok {
				return false
			}
		default:
			n += 8
		}
		return n <= limit
	}
	return n, walk(v)
}
