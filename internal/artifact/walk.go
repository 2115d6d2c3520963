package artifact

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Builder makes one representation of JSON-shaped data: the generic form
// (maps and slices) for schemas, or a policy engine's value form.
type Builder[V any] interface {
	Null() V
	Bool(b bool) V
	Number(f float64) V
	String(s string) V
	// Object receives the keys and values in the same order; it must not
	// keep the slices (they are reused).
	Object(keys []string, vals []V) V
	// Array must not keep the slice either.
	Array(vals []V) V
}

// Walk builds with b the value that json.Unmarshal into an `any` would make
// of json.Marshal(x): the same objects, arrays, strings (invalid UTF-8
// replaced as encoding/json replaces it), float64 numbers, bools and
// nulls, struct fields named and omitted by their json tags.
//
// Why: the rules and the schemas used to see an artifact through a JSON
// round trip (Map). On a 10,000-task schedule that text and its generic
// maps were about a fifth of the run's time and a hundred megabytes of
// garbage; walking the typed artifact builds the wanted form directly. A
// type this walker does not know how to read the way encoding/json does (a
// custom marshaler, an embedded struct) goes through encoding/json, so the
// result is always the round trip's; TestWalkEqualsJSONRoundTrip checks it
// on every real document.
func Walk[V any](b Builder[V], x any) (V, error) {
	return NewWalker(b).Walk(x)
}

// Walker is Walk for many values with one builder: its scratch buffers
// are reused from one value to the next (converting a schedule task by
// task would otherwise allocate them again for each task).
type Walker[V any] struct{ w walker[V] }

func NewWalker[V any](b Builder[V]) *Walker[V] { return &Walker[V]{w: walker[V]{b: b}} }

// Walk is Walk(b, x) with the walker's builder.
func (w *Walker[V]) Walk(x any) (V, error) { return w.w.value(reflect.ValueOf(x), 0) }

// maxWalkDepth matches encoding/json's nesting limit.
const maxWalkDepth = 10000

type walker[V any] struct {
	b Builder[V]
	// scratch buffers reused across objects and arrays of a depth.
	keys [][]string
	vals [][]V
}

func (w *walker[V]) value(v reflect.Value, depth int) (V, error) {
	if !v.IsValid() {
		return w.b.Null(), nil
	}
	return w.typed(v, infoOf(v.Type()), depth)
}

// typed writes v, whose type is described by ti.
func (w *walker[V]) typed(v reflect.Value, ti *typeInfo, depth int) (V, error) {
	var zero V
	if depth > maxWalkDepth {
		return zero, fmt.Errorf("walk: nesting deeper than %d", maxWalkDepth)
	}
	if ti.viaJSON {
		return w.viaJSON(v, depth)
	}
	switch ti.kind {
	case reflect.String:
		return w.b.String(validUTF8(v.String())), nil
	case reflect.Bool:
		return w.b.Bool(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return w.b.Number(float64(v.Int())), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return w.b.Number(float64(v.Uint())), nil
	case reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return zero, fmt.Errorf("walk: unsupported number %v", f)
		}
		return w.b.Number(f), nil
	case reflect.Pointer:
		if v.IsNil() {
			return w.b.Null(), nil
		}
		return w.typed(v.Elem(), ti.elem, depth)
	case reflect.Interface:
		if v.IsNil() {
			return w.b.Null(), nil
		}
		return w.value(v.Elem(), depth)
	case reflect.Struct:
		return w.object(v, ti, depth)
	case reflect.Map:
		return w.mapValue(v, ti, depth)
	case reflect.Slice:
		if v.IsNil() {
			return w.b.Null(), nil
		}
		return w.array(v, ti, depth)
	case reflect.Array:
		return w.array(v, ti, depth)
	}
	return zero, fmt.Errorf("walk: unsupported type %s", v.Type())
}

func (w *walker[V]) buffers(depth int) ([]string, []V) {
	for len(w.keys) <= depth {
		w.keys = append(w.keys, nil)
		w.vals = append(w.vals, nil)
	}
	return w.keys[depth][:0], w.vals[depth][:0]
}

func (w *walker[V]) keep(depth int, keys []string, vals []V) {
	w.keys[depth], w.vals[depth] = keys, vals
}

func (w *walker[V]) object(v reflect.Value, ti *typeInfo, depth int) (V, error) {
	var zero V
	keys, vals := w.buffers(depth)
	for _, f := range ti.fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		x, err := w.typed(fv, f.info, depth+1)
		if err != nil {
			return zero, err
		}
		keys = append(keys, f.name)
		vals = append(vals, x)
	}
	out := w.b.Object(keys, vals)
	w.keep(depth, keys, vals)
	return out, nil
}

func (w *walker[V]) mapValue(v reflect.Value, ti *typeInfo, depth int) (V, error) {
	var zero V
	if v.IsNil() {
		return w.b.Null(), nil
	}
	names := make([]string, 0, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		names = append(names, iter.Key().String())
	}
	sort.Strings(names)
	keys, vals := w.buffers(depth)
	kt := v.Type().Key()
	for _, k := range names {
		x, err := w.typed(v.MapIndex(reflect.ValueOf(k).Convert(kt)), ti.elem, depth+1)
		if err != nil {
			return zero, err
		}
		keys = append(keys, validUTF8(k))
		vals = append(vals, x)
	}
	out := w.b.Object(keys, vals)
	w.keep(depth, keys, vals)
	return out, nil
}

func (w *walker[V]) array(v reflect.Value, ti *typeInfo, depth int) (V, error) {
	var zero V
	n := v.Len()
	_, vals := w.buffers(depth)
	for i := range n {
		x, err := w.typed(v.Index(i), ti.elem, depth+1)
		if err != nil {
			return zero, err
		}
		vals = append(vals, x)
	}
	out := w.b.Array(vals)
	w.vals[depth] = vals
	return out, nil
}

// viaJSON is the fallback for what Walk does not read itself: the value's
// JSON text, decoded the standard way, then walked.
func (w *walker[V]) viaJSON(v reflect.Value, depth int) (V, error) {
	var zero V
	src := v.Interface()
	if v.CanAddr() {
		src = v.Addr().Interface() // pointer-receiver marshalers, as json.Marshal of the whole sees them
	}
	b, err := json.Marshal(src)
	if err != nil {
		return zero, fmt.Errorf("walk: %w", err)
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		return zero, fmt.Errorf("walk: %w", err)
	}
	return w.value(reflect.ValueOf(x), depth)
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// marshals reports whether encoding/json would call a method of t (or of
// *t, for addressable values, which Walk treats the same way) to encode it.
func marshals(t reflect.Type) bool {
	if t.Kind() == reflect.Interface {
		return false
	}
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)
}

// typeInfo is how values of one type are written, worked out once per
// type (reflection's method and tag lookups are the slow part of a walk).
type typeInfo struct {
	kind reflect.Kind
	// viaJSON: encoding/json writes this type (a marshaler, []byte,
	// float32, a map without string keys, a struct using what the walker
	// does not model: embedded fields, ",string" or ",omitzero").
	viaJSON bool
	elem    *typeInfo   // pointer, slice, array and map element
	fields  []fieldPlan // struct
	public  []Field     // struct: fields as Fields returns them
}

type fieldPlan struct {
	index     int
	name      string
	omitEmpty bool
	info      *typeInfo
}

var (
	infoMu sync.Mutex
	infos  sync.Map // reflect.Type → *typeInfo, complete
)

func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := infos.Load(t); ok {
		return ti.(*typeInfo)
	}
	infoMu.Lock()
	defer infoMu.Unlock()
	building := map[reflect.Type]*typeInfo{}
	ti := buildInfo(t, building)
	for bt, bi := range building {
		infos.Store(bt, bi)
	}
	return ti
}

// buildInfo fills building with the infos of t and the types it reaches;
// a recursive type refers to its own (still filling) info.
func buildInfo(t reflect.Type, building map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := infos.Load(t); ok {
		return ti.(*typeInfo)
	}
	if ti, ok := building[t]; ok {
		return ti
	}
	ti := &typeInfo{kind: t.Kind()}
	building[t] = ti
	if marshals(t) {
		ti.viaJSON = true
		return ti
	}
	switch t.Kind() {
	case reflect.Float32:
		ti.viaJSON = true // float32 text is the shortest for 32 bits
	case reflect.Pointer, reflect.Array:
		ti.elem = buildInfo(t.Elem(), building)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			ti.viaJSON = true // []byte is base64 text
			break
		}
		ti.elem = buildInfo(t.Elem(), building)
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			ti.viaJSON = true // int keys become text keys
			break
		}
		ti.elem = buildInfo(t.Elem(), building)
	case reflect.Struct:
		structInfo(t, ti, building)
	case reflect.Complex64, reflect.Complex128, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		ti.viaJSON = true // encoding/json reports the error
	}
	return ti
}

func structInfo(t reflect.Type, ti *typeInfo, building map[reflect.Type]*typeInfo) {
	seen := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			ti.viaJSON = true
			return
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		omit := false
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty":
				omit = true
			case "string", "omitzero", "inline":
				ti.viaJSON = true
			}
		}
		if seen[name] {
			ti.viaJSON = true // duplicate names: encoding/json's rules decide
		}
		seen[name] = true
		ti.fields = append(ti.fields, fieldPlan{index: i, name: name, omitEmpty: omit, info: buildInfo(f.Type, building)})
	}
	if ti.viaJSON {
		ti.fields = nil
		return
	}
	for _, f := range ti.fields {
		ti.public = append(ti.public, Field{Index: f.index, Name: f.name, OmitEmpty: f.omitEmpty})
	}
}

// isEmpty is encoding/json's omitempty test.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// validUTF8 is s as encoding/json writes it: every byte of an invalid
// sequence becomes U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Generic is the Builder of the generic form json.Unmarshal gives: maps,
// []any (non-nil), float64, strings, bools and nil.
type Generic struct{}

func (Generic) Null() any            { return nil }
func (Generic) Bool(b bool) any      { return b }
func (Generic) Number(f float64) any { return f }
func (Generic) String(s string) any  { return s }

func (Generic) Object(keys []string, vals []any) any {
	m := make(map[string]any, len(keys))
	for i, k := range keys {
		m[k] = vals[i]
	}
	return m
}

func (Generic) Array(vals []any) any {
	return append(make([]any, 0, len(vals)), vals...)
}

// Plain reports whether Walk writes values of type t itself (rather than
// through encoding/json: marshalers, []byte, float32, embedded fields…).
func Plain(t reflect.Type) bool { return !infoOf(t).viaJSON }

// Field is one struct field Walk writes: its index in the struct, its
// JSON name, and whether it is left out when empty (omitempty).
type Field struct {
	Index     int
	Name      string
	OmitEmpty bool
}

// Fields returns the fields Walk writes of struct type t, in order; false
// when t is not a Plain struct. The slice is shared: do not modify it.
func Fields(t reflect.Type) ([]Field, bool) {
	ti := infoOf(t)
	if ti.viaJSON || ti.kind != reflect.Struct {
		return nil, false
	}
	return ti.public, true
}

// Omitted reports whether Walk leaves out field f of struct value v.
func Omitted(v reflect.Value, f Field) bool { return f.OmitEmpty && isEmpty(v.Field(f.Index)) }

// ValidUTF8 is s as Walk writes it (invalid bytes become U+FFFD).
func ValidUTF8(s string) string { return validUTF8(s) }
