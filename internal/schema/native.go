package schema

import (
	"encoding/json"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// scalarTest tells, in Go, that a scalar is valid against a subschema.
//
// Why: a 10,000-task schedule holds a few hundred thousand scalars, most of
// them distinct (UIDs, names, line numbers), so the memo of validator
// results rarely hits and each miss costs the validator several
// allocations. The keywords the payload schemas put on scalars (type,
// enum, const, pattern, bounds, lengths, anyOf of those) are simple enough
// to decide directly. A test only ever answers "valid": when it says no,
// the validator checks the value as before and words the violation, so a
// test can be conservative but must never pass a value the validator
// rejects (TestNativeAgreesWithValidator holds every one to that).
type scalarTest func(k memoKey) bool

// maxExactInt bounds the numeric keyword values compared natively: up to
// it an integer is a float64 exactly, and the validator's comparison (of
// the value's shortest decimal form, as a rational) and a float64
// comparison agree.
const maxExactInt = 1 << 53

// nativeKeywords are the scalar keywords a scalarTest decides.
var nativeKeywords = []string{"type", "enum", "const", "pattern", "minimum", "maximum",
	"exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength"}

// compileScalarTest builds the test of the subschema at url (keywords kw),
// or nil when one of its keywords is beyond it.
func compileScalarTest(url string, kw map[string]json.RawMessage) scalarTest {
	return scalarTestDepth(url, kw, 0)
}

func scalarTestDepth(url string, kw map[string]json.RawMessage, depth int) scalarTest {
	if depth > 8 || kw == nil {
		return nil
	}
	if only(kw, "$ref") && kw["$ref"] != nil {
		var ref string
		if json.Unmarshal(kw["$ref"], &ref) != nil {
			return nil
		}
		target, raw, err := resolve(url, ref)
		if err != nil {
			return nil
		}
		var tkw map[string]json.RawMessage
		if json.Unmarshal(raw, &tkw) != nil {
			return nil
		}
		return scalarTestDepth(target, tkw, depth+1)
	}
	if only(kw, "anyOf") && kw["anyOf"] != nil {
		var branches []map[string]json.RawMessage
		if json.Unmarshal(kw["anyOf"], &branches) != nil || len(branches) == 0 {
			return nil
		}
		tests := make([]scalarTest, len(branches))
		for i, b := range branches {
			if tests[i] = scalarTestDepth(url, b, depth+1); tests[i] == nil {
				return nil
			}
		}
		return func(k memoKey) bool {
			return slices.ContainsFunc(tests, func(t scalarTest) bool { return t(k) })
		}
	}
	if !only(kw, nativeKeywords...) {
		return nil
	}
	var tests []scalarTest
	add := func(t scalarTest) { tests = append(tests, t) }
	if raw, ok := kw["type"]; ok {
		t := typeTest(raw)
		if t == nil {
			return nil
		}
		add(t)
	}
	for _, name := range []string{"enum", "const"} {
		raw, ok := kw[name]
		if !ok {
			continue
		}
		var vals []json.RawMessage
		if name == "const" {
			vals = []json.RawMessage{raw}
		} else if json.Unmarshal(raw, &vals) != nil {
			return nil
		}
		t := enumTest(vals)
		if t == nil {
			return nil
		}
		add(t)
	}
	if raw, ok := kw["pattern"]; ok {
		var p string
		if json.Unmarshal(raw, &p) != nil {
			return nil
		}
		re, err := regexp.Compile(p) // the validator's default engine
		if err != nil {
			return nil
		}
		add(func(k memoKey) bool { return k.kind != tString || re.MatchString(k.s) })
	}
	for _, name := range []string{"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"} {
		raw, ok := kw[name]
		if !ok {
			continue
		}
		b, ok := exactBound(raw)
		if !ok {
			return nil
		}
		cmp := map[string]func(f float64) bool{
			"minimum":          func(f float64) bool { return f >= b },
			"maximum":          func(f float64) bool { return f <= b },
			"exclusiveMinimum": func(f float64) bool { return f > b },
			"exclusiveMaximum": func(f float64) bool { return f < b },
		}[name]
		add(func(k memoKey) bool { return k.kind != tNumber || cmp(k.f) })
	}
	for _, name := range []string{"minLength", "maxLength"} {
		raw, ok := kw[name]
		if !ok {
			continue
		}
		b, ok := exactBound(raw)
		if !ok || b < 0 {
			return nil
		}
		n := int(b)
		if name == "minLength" {
			add(func(k memoKey) bool { return k.kind != tString || utf8.RuneCountInString(k.s) >= n })
		} else {
			add(func(k memoKey) bool { return k.kind != tString || utf8.RuneCountInString(k.s) <= n })
		}
	}
	return func(k memoKey) bool {
		for _, t := range tests {
			if !t(k) {
				return false
			}
		}
		return true
	}
}

// typeTest is the "type" keyword (a name or a list of names).
func typeTest(raw json.RawMessage) scalarTest {
	var names []string
	var one string
	if json.Unmarshal(raw, &one) == nil {
		names = []string{one}
	} else if json.Unmarshal(raw, &names) != nil {
		return nil
	}
	var null, boolean, number, integer, str bool
	for _, n := range names {
		switch n {
		case "null":
			null = true
		case "boolean":
			boolean = true
		case "number":
			number = true
		case "integer":
			integer = true
		case "string":
			str = true
		case "object", "array": // no scalar is one
		default:
			return nil
		}
	}
	return func(k memoKey) bool {
		switch k.kind {
		case tNull:
			return null
		case tBool:
			return boolean
		case tString:
			return str
		case tNumber:
			// A finite float64 is integral exactly when the validator's
			// rational of its shortest decimal form is.
			return number || integer && k.f == math.Trunc(k.f)
		}
		return false
	}
}

// enumTest is "enum" (or "const") over strings, booleans and null; a list
// with a number or a structure is left to the validator (JSON number
// equality is rational, not float).
func enumTest(vals []json.RawMessage) scalarTest {
	var strs []string
	var hasTrue, hasFalse, hasNull bool
	for _, raw := range vals {
		var v any
		if json.Unmarshal(raw, &v) != nil {
			return nil
		}
		switch x := v.(type) {
		case string:
			strs = append(strs, x)
		case bool:
			hasTrue, hasFalse = hasTrue || x, hasFalse || !x
		case nil:
			hasNull = true
		default:
			return nil
		}
	}
	return func(k memoKey) bool {
		switch k.kind {
		case tString:
			return slices.Contains(strs, k.s)
		case tBool:
			return k.b && hasTrue || !k.b && hasFalse
		case tNull:
			return hasNull
		}
		return false
	}
}

// exactBound reads a numeric keyword value that is an integer of at most
// maxExactInt in magnitude (others are left to the validator).
func exactBound(raw json.RawMessage) (float64, bool) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(string(raw)))
	if !ok || !r.IsInt() {
		return 0, false
	}
	n := r.Num()
	if n.CmpAbs(big.NewInt(maxExactInt)) > 0 {
		return 0, false
	}
	return float64(n.Int64()), true
}
