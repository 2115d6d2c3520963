package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/schemas"
)

// node is a subschema compiled whole and, when its keywords allow it, in
// parts that check an instance piece by piece with the same violations.
//
// Why: a schedule has tens of thousands of tasks and links, each checked
// against the same item schema, and each value costs the validator a few
// allocations. Most values repeat (dates, codes, numbers, types), and the
// result of checking a scalar against a subschema does not depend on where
// it stands; so scalars are checked once per (subschema, value) — once per
// (subschema, JSON type) when the subschema constrains only the type — and
// plain objects and arrays are taken apart:
//   - {"type": "object", "required": R, "properties": P} holds for an
//     object exactly when it has every key of R and each of its
//     properties holds against its subschema in P (other keys are free);
//   - {"type": "array", "items": I} holds for an array exactly when each
//     item holds against I.
//
// Any other subschema (refs, anyOf, patterns on objects…) is checked whole
// by the validator, as is any value of the wrong JSON type (the whole
// check reports the type error as the validator words it).
type node struct {
	whole *jsonschema.Schema
	// typeOnly: the subschema constrains nothing but the JSON type (and
	// not "integer", which depends on the value).
	typeOnly bool
	// object decomposition (nil props: not decomposable as an object)
	props       map[string]*node
	required    []string
	requiredSet map[string]bool
	// closed: additionalProperties is false; an object with a key outside
	// props is then checked whole (the validator words that error).
	closed bool
	shape  *jsonschema.Schema // {"type": "object", "required": R}
	// additional checks the keys outside props (additionalProperties
	// given as a schema); nil: they are free (or, closed, rejected).
	additional *node
	// array decomposition
	items *node
	// native decides in Go that a scalar is valid (nil: the subschema has
	// a keyword it does not decide); see scalarTest.
	native scalarTest
}

// compileNode compiles the subschema at url (its JSON text is raw).
func compileNode(c *jsonschema.Compiler, url string, raw json.RawMessage) (*node, error) {
	var kw map[string]json.RawMessage
	if json.Unmarshal(raw, &kw) == nil && only(kw, "$ref") {
		// A bare reference is its target (its messages are the target's).
		var ref string
		if err := json.Unmarshal(kw["$ref"], &ref); err != nil {
			return nil, err
		}
		target, traw, err := resolve(url, ref)
		if err != nil {
			return nil, err
		}
		return compileNode(c, target, traw)
	}
	whole, err := c.Compile(url)
	if err != nil {
		return nil, err
	}
	nd := &node{whole: whole}
	if kw == nil {
		return nd, nil // a boolean schema: checked whole
	}
	if !rootAnnotations(url, kw) {
		return nd, nil // an $id elsewhere would move the base of its refs
	}
	nd.native = compileScalarTest(url, kw)
	addl := kw["additionalProperties"]
	closed := string(addl) == "false"
	switch {
	case only(kw, "type") && !strings.Contains(string(kw["type"]), `"integer"`):
		// ("integer" depends on the number, not only on its JSON type)
		nd.typeOnly = true
	case string(kw["type"]) == `"object"` && (only(kw, "type", "required", "properties") ||
		addl != nil && only(kw, "type", "required", "properties", "additionalProperties")):
		nd.closed = closed
		if !closed && string(addl) != "true" && addl != nil {
			// Keys outside properties hold against this subschema.
			if nd.additional, err = compileNode(c, child(url, "additionalProperties"), addl); err != nil {
				return nil, err
			}
		}
		var props map[string]json.RawMessage
		if kw["properties"] != nil {
			if err := json.Unmarshal(kw["properties"], &props); err != nil {
				return nil, err
			}
		}
		if kw["required"] != nil {
			if err := json.Unmarshal(kw["required"], &nd.required); err != nil {
				return nil, err
			}
		}
		nd.requiredSet = map[string]bool{}
		for _, r := range nd.required {
			nd.requiredSet[r] = true
		}
		nd.props = map[string]*node{}
		for name, sub := range props {
			if nd.props[name], err = compileNode(c, child(url, "properties", escapeToken(name)), sub); err != nil {
				return nil, err
			}
		}
		if nd.shape, err = shapeSchema(kw); err != nil {
			return nil, err
		}
	case string(kw["type"]) == `"array"` && kw["items"] != nil && only(kw, "type", "items"):
		if nd.items, err = compileNode(c, child(url, "items"), kw["items"]); err != nil {
			return nil, err
		}
	}
	return nd, nil
}

// only: the schema's keywords are among allowed (annotations aside).
func only(kw map[string]json.RawMessage, allowed ...string) bool {
	for k := range kw {
		if !annotation[k] && !slices.Contains(allowed, k) {
			return false
		}
	}
	return true
}

// annotation are keywords that assert nothing ($defs only holds subschemas
// others refer to; $id only where it names the document the subschema is
// compiled from: see rootAnnotations).
var annotation = map[string]bool{"description": true, "title": true, "examples": true, "$schema": true, "$id": true, "$comment": true, "$defs": true}

// rootAnnotations: the subschema has no $id, or the $id of the document
// at url (a payload schema's root), so its refs resolve as resolve does.
func rootAnnotations(url string, kw map[string]json.RawMessage) bool {
	raw, ok := kw["$id"]
	if !ok {
		return true
	}
	var id string
	doc, frag, _ := strings.Cut(url, "#")
	return json.Unmarshal(raw, &id) == nil && id == doc && strings.TrimPrefix(frag, "/") == ""
}

// admits: an object with these keys may be checked by parts (a closed
// object with a key outside its properties is checked whole).
func (nd *node) admits(keys func(yield func(string) bool)) bool {
	if !nd.closed {
		return true
	}
	ok := true
	keys(func(k string) bool {
		_, ok = nd.props[k]
		return ok
	})
	return ok
}

// admitsFields is admits for a struct value's written fields.
func (nd *node) admitsFields(v reflect.Value, fields []artifact.Field) bool {
	for _, f := range fields {
		if _, ok := nd.props[f.Name]; !ok && !artifact.Omitted(v, f) {
			return false
		}
	}
	return true
}

// resolve finds the target of ref (relative to the schema at url) among
// the embedded schemas: its absolute URL and its JSON text.
func resolve(url, ref string) (string, json.RawMessage, error) {
	doc, _, _ := strings.Cut(url, "#")
	file, frag, _ := strings.Cut(ref, "#")
	if file != "" {
		doc = base + file
	}
	b, err := schemas.FS.ReadFile(strings.TrimPrefix(doc, base))
	if err != nil {
		return "", nil, fmt.Errorf("$ref %s: %w", ref, err)
	}
	raw := json.RawMessage(b)
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil || m[tok] == nil {
			return "", nil, fmt.Errorf("$ref %s: no %q", ref, tok)
		}
		raw = m[tok]
	}
	return doc + "#" + frag, raw, nil
}

// shapeSchema compiles {"type": "object", "required": R} on its own.
func shapeSchema(kw map[string]json.RawMessage) (*jsonschema.Schema, error) {
	shape := map[string]json.RawMessage{"type": kw["type"]}
	if r, ok := kw["required"]; ok {
		shape["required"] = r
	}
	b, err := json.Marshal(shape)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	sc := jsonschema.NewCompiler()
	sc.DefaultDraft(jsonschema.Draft2020)
	if err := sc.AddResource("urn:tollgate:shape", doc); err != nil {
		return nil, err
	}
	return sc.Compile("urn:tollgate:shape")
}

// memoKey is a scalar checked against a node: its value, or only its JSON
// type for a type-only node.
type memoKey struct {
	nd   *node
	kind jsonType
	s    string
	f    float64
	b    bool
}

// value is the scalar's generic form (boxed only on a memo miss).
func (k memoKey) value() any {
	switch k.kind {
	case tString:
		return k.s
	case tNumber:
		return k.f
	case tBool:
		return k.b
	}
	return nil
}

type jsonType byte

const (
	tNull jsonType = iota + 1
	tBool
	tNumber
	tString
)

// scalar checks one scalar (val is its generic form) once per memo key.
// Like every check of a node, its violations' pointers are relative to the
// value checked: callers prefix them, so the common case (no violation)
// builds no pointer text at all.
func (nd *node) scalar(k memoKey, memo map[memoKey][]Violation) []Violation {
	if nd.native != nil && nd.native(k) {
		return nil
	}
	k.nd = nd
	if nd.typeOnly {
		k = memoKey{nd: nd, kind: k.kind} // its zero value stands for the type
	}
	vs, seen := memo[k]
	if !seen {
		vs = check(nd.whole, k.value(), "")
		memo[k] = vs
	}
	if len(vs) == 0 {
		return nil
	}
	return slices.Clone(vs) // callers prefix the pointers in place
}

// under prefixes the pointers of vs (relative to a child) with the child's
// token, in place.
func under(vs []Violation, tok string) []Violation {
	for i := range vs {
		vs[i].Pointer = "/" + tok + vs[i].Pointer
	}
	return vs
}

// check validates v (generic JSON); scalar results are kept in memo.
func (nd *node) check(v any, memo map[memoKey][]Violation) []Violation {
	switch x := v.(type) {
	case nil:
		return nd.scalar(memoKey{kind: tNull}, memo)
	case string:
		return nd.scalar(memoKey{kind: tString, s: x}, memo)
	case float64:
		return nd.scalar(memoKey{kind: tNumber, f: x}, memo)
	case bool:
		return nd.scalar(memoKey{kind: tBool, b: x}, memo)
	case map[string]any:
		if nd.props == nil || !nd.admits(func(yield func(string) bool) {
			for k := range x {
				if !yield(k) {
					return
				}
			}
		}) {
			return check(nd.whole, v, "")
		}
		var out []Violation
		for _, r := range nd.required {
			if _, ok := x[r]; !ok {
				out = check(nd.shape, requiredPresent(func(k string) bool { _, ok := x[k]; return ok }, nd.required), "")
				break
			}
		}
		for k, pv := range x {
			sub, ok := nd.props[k]
			if !ok {
				sub = nd.additional
			}
			if sub != nil {
				out = append(out, under(sub.check(pv, memo), escapeToken(k))...)
			}
		}
		sortViolations(out)
		return out
	case []any:
		if nd.items == nil {
			return check(nd.whole, v, "")
		}
		var out []Violation
		for i, e := range x {
			if vs := nd.items.check(e, memo); len(vs) > 0 {
				out = append(out, under(vs, strconv.Itoa(i))...)
			}
		}
		return out
	}
	return check(nd.whole, v, "")
}

// checkTyped is check on a typed value (what artifact.Walk writes of it),
// without building its generic form except where the whole subschema is
// needed: a task's scalars are looked up in memo straight from its fields.
func (nd *node) checkTyped(v reflect.Value, memo map[memoKey][]Violation) []Violation {
	if !v.IsValid() {
		return nd.scalar(memoKey{kind: tNull}, memo)
	}
	if !artifact.Plain(v.Type()) {
		return nd.generic(v, memo)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nd.scalar(memoKey{kind: tNull}, memo)
		}
		return nd.checkTyped(v.Elem(), memo)
	case reflect.String:
		s := artifact.ValidUTF8(v.String())
		return nd.scalar(memoKey{kind: tString, s: s}, memo)
	case reflect.Bool:
		return nd.scalar(memoKey{kind: tBool, b: v.Bool()}, memo)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f := float64(v.Int())
		return nd.scalar(memoKey{kind: tNumber, f: f}, memo)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		f := float64(v.Uint())
		return nd.scalar(memoKey{kind: tNumber, f: f}, memo)
	case reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nd.generic(v, memo) // Walk reports it
		}
		return nd.scalar(memoKey{kind: tNumber, f: f}, memo)
	case reflect.Struct:
		fields, plain := artifact.Fields(v.Type())
		if nd.props == nil || !plain || nd.closed && !nd.admitsFields(v, fields) {
			return nd.generic(v, memo)
		}
		var out []Violation
		found := 0
		for _, f := range fields {
			if artifact.Omitted(v, f) {
				continue
			}
			if nd.requiredSet[f.Name] {
				found++
			}
			sub, ok := nd.props[f.Name]
			if !ok {
				sub = nd.additional
			}
			if sub != nil {
				if vs := sub.checkTyped(v.Field(f.Index), memo); len(vs) > 0 {
					out = append(out, under(vs, escapeToken(f.Name))...)
				}
			}
		}
		if found < len(nd.requiredSet) {
			out = append(out, check(nd.shape, requiredPresent(func(k string) bool {
				for _, f := range fields {
					if f.Name == k && !artifact.Omitted(v, f) {
						return true
					}
				}
				return false
			}, nd.required), "")...)
		}
		sortViolations(out)
		return out
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nd.scalar(memoKey{kind: tNull}, memo)
		}
		if nd.items == nil {
			return nd.generic(v, memo)
		}
		var out []Violation
		for i := range v.Len() {
			if vs := nd.items.checkTyped(v.Index(i), memo); len(vs) > 0 {
				out = append(out, under(vs, strconv.Itoa(i))...)
			}
		}
		return out
	}
	return nd.generic(v, memo)
}

// generic checks v through its generic form.
func (nd *node) generic(v reflect.Value, memo map[memoKey][]Violation) []Violation {
	x := v.Interface()
	if v.CanAddr() {
		x = v.Addr().Interface() // as Walk of the whole artifact sees it
	}
	g, err := artifact.Walk[any](artifact.Generic{}, x)
	if err != nil {
		return []Violation{{Pointer: "", Message: "not JSON data: " + err.Error()}}
	}
	return nd.check(g, memo)
}

// requiredPresent is the part of an object the shape check reads: which
// of its required keys it has (values do not matter to it).
func requiredPresent(has func(string) bool, required []string) map[string]any {
	m := map[string]any{}
	for _, r := range required {
		if has(r) {
			m[r] = nil
		}
	}
	return m
}

func sortViolations(vs []Violation) {
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Pointer < vs[j].Pointer })
}

// escapeToken escapes one JSON pointer token.
func escapeToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// child is the URL of a subschema of the one at url, tokens appended to
// its fragment (a document's root has none yet).
func child(url string, tokens ...string) string {
	if !strings.Contains(url, "#") {
		url += "#"
	}
	return url + "/" + strings.Join(tokens, "/")
}
