package schema

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

// itemSchemas are, per payload kind and property, the item schema of a
// payload property whose schema is only {"type": "array", "items": …}:
// such an array is valid exactly when each element is valid against the
// item schema, so its elements can be checked one at a time.
var itemSchemas map[string]map[string]*node

// payloadNodes are the payload schemas as node trees: what is left of a
// payload once its split arrays are taken out (a schedule's index, derived
// figures, columns …) is checked by parts too. envelopeNode is the
// envelope's: a generic document's 10,000 table rows are checked row by
// row, each value once.
var (
	payloadNodes map[string]*node
	envelopeNode *node
)

// splitArrays finds the splittable array properties of each payload schema
// (called from load once the schemas are compiled).
func splitArrays(c *jsonschema.Compiler, names []string, docs map[string][]byte) error {
	itemSchemas = map[string]map[string]*node{}
	payloadNodes = map[string]*node{}
	for _, n := range names {
		kind := strings.TrimSuffix(n, ".schema.json")
		b := docs[n]
		var err error
		if kind == "envelope" {
			if envelopeNode, err = compileNode(c, base+n, b); err != nil {
				return fmt.Errorf("%s: %w", n, err)
			}
			continue
		}
		if payloadNodes[kind], err = compileNode(c, base+n, b); err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		var doc struct {
			Properties map[string]map[string]json.RawMessage `json:"properties"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			return err
		}
		for prop, sub := range doc.Properties {
			if !onlyItems(sub) {
				continue
			}
			nd, err := compileNode(c, base+n+"#/properties/"+escapeToken(prop)+"/items", sub["items"])
			if err != nil {
				return fmt.Errorf("%s %s items: %w", n, prop, err)
			}
			if itemSchemas[kind] == nil {
				itemSchemas[kind] = map[string]*node{}
			}
			itemSchemas[kind][prop] = nd
		}
	}
	return nil
}

// onlyItems: the property schema constrains nothing but the array type and
// its items (annotations aside).
func onlyItems(sub map[string]json.RawMessage) bool {
	return string(sub["type"]) == `"array"` && sub["items"] != nil && only(sub, "type", "items")
}

// splitMin is the array length from which elements are checked one by one:
// below it the whole-array check is as cheap.
const splitMin = 64

// ValidateArtifact is Validate on a typed artifact, with the same
// violations: the artifact is walked to its generic form piece by piece
// instead of whole. The envelope is checked on the artifact without its
// payload (the envelope schema does not read payload keys); the payload
// without its long splittable arrays (schedule tasks and relationships);
// then each element of those arrays against the item schema, one at a
// time. A 10,000-task schedule then never exists as one generic tree
// (tens of megabytes), and the per-element checks are independent.
func ValidateArtifact(a *artifact.Artifact) []Violation {
	return ValidateArtifactContext(context.Background(), a)
}

// ValidateArtifactContext is ValidateArtifact that stops early once ctx is
// done; the violations are then incomplete, and the caller, whose run was
// cancelled, discards them.
func ValidateArtifactContext(ctx context.Context, a *artifact.Artifact) []Violation {
	once.Do(load)
	if loadErr != nil {
		return []Violation{{Pointer: "", Message: "schemas unavailable: " + loadErr.Error()}}
	}
	kind := string(a.Kind)
	env, payload := split(a)
	g, err := artifact.Walk[any](artifact.Generic{}, env)
	if err != nil {
		return []Violation{{Pointer: "", Message: "artifact is not JSON data: " + err.Error()}}
	}
	out := envelopeNode.check(g, map[memoKey][]Violation{})
	s, ok := compiled[kind]
	if !ok || !payload.IsValid() {
		return out
	}
	rest, arrays := splitPayload(payload, itemSchemas[kind])
	pg, err := artifact.Walk[any](artifact.Generic{}, rest.Interface())
	if err != nil {
		return append(out, Violation{Pointer: "/" + kind, Message: "payload is not JSON data: " + err.Error()})
	}
	var pv []Violation
	if pg != nil {
		if nd := payloadNodes[kind]; nd != nil {
			pv = under(nd.check(pg, map[memoKey][]Violation{}), kind)
		} else {
			pv = check(s, pg, "/"+kind)
		}
	}
	for _, arr := range arrays {
		if ctx.Err() != nil {
			break
		}
		pv = append(pv, checkElements(ctx, arr, "/"+kind+"/"+arr.name+"/")...)
	}
	sort.SliceStable(pv, func(i, j int) bool { return pv[i].Pointer < pv[j].Pointer })
	return append(out, pv...)
}

// split returns a shallow copy of a without the payload of its kind, and
// that payload (a non-nil pointer to the payload struct), if any.
func split(a *artifact.Artifact) (*artifact.Artifact, reflect.Value) {
	env := *a
	v := reflect.ValueOf(&env).Elem()
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != string(a.Kind) || f.Type.Kind() != reflect.Pointer {
			continue
		}
		p := v.Field(i)
		if p.IsNil() {
			return &env, reflect.Value{}
		}
		p.Set(reflect.Zero(f.Type))
		return &env, reflect.ValueOf(a).Elem().Field(i)
	}
	return &env, reflect.Value{}
}

type splitArray struct {
	name   string
	schema *node
	elems  reflect.Value
}

// splitPayload returns a copy of the payload (a pointer to a struct) whose
// long splittable arrays are emptied, and those arrays.
func splitPayload(p reflect.Value, items map[string]*node) (reflect.Value, []splitArray) {
	if len(items) == 0 || p.Elem().Kind() != reflect.Struct {
		return p, nil
	}
	cp := reflect.New(p.Elem().Type())
	cp.Elem().Set(p.Elem())
	var out []splitArray
	t := cp.Elem().Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		s, ok := items[name]
		f := cp.Elem().Field(i)
		if !ok || f.Kind() != reflect.Slice || f.Len() < splitMin {
			continue
		}
		out = append(out, splitArray{name: name, schema: s, elems: p.Elem().Field(i)})
		f.Set(reflect.MakeSlice(f.Type(), 0, 0))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return cp, out
}

// parallelMin is the number of elements from which they are checked on
// every core: each element is independent, and on a 10,000-task schedule
// the check is the largest single cost of a run.
const parallelMin = 1000

// checkElements checks each element of arr against its item schema, in
// element order.
func checkElements(ctx context.Context, arr splitArray, prefix string) []Violation {
	n := arr.elems.Len()
	parts := 1
	if n >= parallelMin {
		parts = min(runtime.GOMAXPROCS(0), n/(parallelMin/2))
	}
	out := make([][]Violation, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			memo := map[memoKey][]Violation{}
			for i := lo; i < hi; i++ {
				if (i-lo)%256 == 0 && ctx.Err() != nil {
					return
				}
				vs := arr.schema.checkTyped(arr.elems.Index(i), memo)
				for j := range vs {
					vs[j].Pointer = prefix + strconv.Itoa(i) + vs[j].Pointer
				}
				out[p] = append(out[p], vs...)
			}
		}()
	}
	wg.Wait()
	var all []Violation
	for _, vs := range out {
		all = append(all, vs...)
	}
	return all
}
