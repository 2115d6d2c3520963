package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tollgate-dev/tollgate/schemas"
)

// The node tree checks an element by parts; on every shape of bad value
// it must report exactly what the validator reports on the whole element.
func TestNodeCheckEqualsWholeCheck(t *testing.T) {
	once.Do(load)
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	tasks := itemSchemas["schedule"]["tasks"]
	if tasks == nil || tasks.props == nil || tasks.props["loc"] == nil || tasks.props["loc"].props == nil {
		t.Fatal("the schedule task schema is not decomposed (tasks, or its $ref'd loc)")
	}
	task := func(edit func(m map[string]any)) map[string]any {
		m := map[string]any{
			"uid": "7", "id": "7", "name": "Build", "type": "task", "outline_level": 2.0, "phase": 3.0,
			"start": "2026-01-05", "finish": "2026-01-09", "percent_complete": 40.0, "progress": "in-progress",
			"predecessors": []any{map[string]any{"ref": "6", "type": "FS", "lag_days": 0.0, "lag_raw": ""}},
			"resources":    []any{"PM"}, "constraint": nil, "critical": true,
			"loc": map[string]any{"sheet": "IMS", "row": 9.0, "cell": "B9"},
		}
		edit(m)
		return m
	}
	cases := map[string]map[string]any{
		"valid":                  task(func(map[string]any) {}),
		"missing required":       task(func(m map[string]any) { delete(m, "name"); delete(m, "type") }),
		"wrong type":             task(func(m map[string]any) { m["uid"] = 7.0; m["critical"] = "yes" }),
		"integer not integral":   task(func(m map[string]any) { m["outline_level"] = 1.5; m["phase"] = -1.0 }),
		"bad date and enum":      task(func(m map[string]any) { m["start"] = "05/01/2026"; m["progress"] = "done" }),
		"bad link":               task(func(m map[string]any) { m["predecessors"] = []any{map[string]any{"ref": 6.0, "type": "XX"}, "7"} }),
		"links not an array":     task(func(m map[string]any) { m["predecessors"] = "6FS" }),
		"loc extra key (closed)": task(func(m map[string]any) { m["loc"] = map[string]any{"row": 9.0, "colour": "red"} }),
		"loc bad cell and row":   task(func(m map[string]any) { m["loc"] = map[string]any{"row": 0.0, "cell": "b9"} }),
		"constraint wrong":       task(func(m map[string]any) { m["constraint"] = map[string]any{"type": "SOON"} }),
		"unknown key":            task(func(m map[string]any) { m["colour"] = []any{1.0} }),
		"percent out of range":   task(func(m map[string]any) { m["percent_complete"] = 140.0 }),
	}
	memo := map[memoKey][]Violation{}
	for name, m := range cases {
		for range 2 { // the second pass answers from memo
			want := check(tasks.whole, m, "/t")
			got := under(tasks.check(m, memo), "t")
			if len(want) == 0 {
				want = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:\nparts: %v\nwhole: %v", name, got, want)
			}
		}
	}
	if n := len(check(tasks.whole, cases["bad link"], "")); n < 3 {
		t.Fatalf("the bad-link case gives %d violations; the test would not show a difference", n)
	}
	if len(check(tasks.whole, []any{}, "")) == 0 {
		t.Fatal("a non-object task is valid?")
	}
	if got, want := tasks.check("not an object", memo), check(tasks.whole, "not an object", ""); !reflect.DeepEqual(got, want) {
		t.Errorf("non-object: %v vs %v", got, want)
	}
}

// decided is a subschema a scalarTest decides, with the validator's
// compiled schema for it and the strings of its enum (good probes).
type decided struct {
	url   string
	test  scalarTest
	sch   *jsonschema.Schema
	enums []string
}

// decidedSubschemas walks every schema file and returns each subschema a
// scalarTest decides.
func decidedSubschemas(t testing.TB) []decided {
	t.Helper()
	once.Do(load)
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	names, err := fs.Glob(schemas.FS, "*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	for _, n := range names {
		b, _ := schemas.FS.ReadFile(n)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(base+n, doc); err != nil {
			t.Fatal(err)
		}
	}
	var out []decided
	var walk func(url string, raw json.RawMessage)
	walk = func(url string, raw json.RawMessage) {
		var kw map[string]json.RawMessage
		if json.Unmarshal(raw, &kw) != nil {
			return
		}
		if test := compileScalarTest(url, kw); test != nil {
			sch, err := c.Compile(url)
			if err != nil {
				t.Fatalf("%s: %v", url, err)
			}
			d := decided{url: url, test: test, sch: sch}
			var enum []any
			if json.Unmarshal(kw["enum"], &enum) == nil {
				for _, e := range enum {
					if s, ok := e.(string); ok {
						d.enums = append(d.enums, s)
					}
				}
			}
			out = append(out, d)
		}
		for _, key := range []string{"properties", "$defs"} {
			var m map[string]json.RawMessage
			if json.Unmarshal(kw[key], &m) == nil {
				for name, sub := range m {
					walk(child(url, key, escapeToken(name)), sub)
				}
			}
		}
		for _, key := range []string{"items", "additionalProperties"} {
			if kw[key] != nil {
				walk(child(url, key), kw[key])
			}
		}
		var list []json.RawMessage
		if json.Unmarshal(kw["anyOf"], &list) == nil {
			for i, sub := range list {
				walk(child(url, "anyOf", strconv.Itoa(i)), sub)
			}
		}
	}
	for _, n := range names {
		b, _ := schemas.FS.ReadFile(n)
		walk(base+n, b)
	}
	return out
}

// agree fails when d passes v natively but the validator rejects it.
func (d decided) agree(t testing.TB, v memoKey) {
	if d.test(v) && len(check(d.sch, v.value(), "")) > 0 {
		t.Errorf("%s passes %#v natively; the validator rejects it: %v", d.url, v.value(), check(d.sch, v.value(), ""))
	}
}

// Every subschema of every payload schema that a scalarTest decides must
// agree with the validator on a spread of scalars: the test may reject a
// valid value (the validator then decides), never pass an invalid one.
func TestNativeAgreesWithValidator(t *testing.T) {
	values := []memoKey{
		{kind: tNull}, {kind: tBool, b: true}, {kind: tBool},
		{kind: tString}, {kind: tString, s: "x"}, {kind: tString, s: "2026-01-05"}, {kind: tString, s: "05/01/2026"},
		{kind: tString, s: "B9"}, {kind: tString, s: "b9"}, {kind: tString, s: "FS"}, {kind: tString, s: "é"},
		{kind: tString, s: "task"}, {kind: tString, s: "in-progress"}, {kind: tString, s: "computed"},
		{kind: tNumber, f: -1}, {kind: tNumber}, {kind: tNumber, f: 0.5}, {kind: tNumber, f: 1}, {kind: tNumber, f: 99.99},
		{kind: tNumber, f: 100}, {kind: tNumber, f: 100.5}, {kind: tNumber, f: 1e9}, {kind: tNumber, f: 1e300}, {kind: tNumber, f: -1e-9},
	}
	all := decidedSubschemas(t)
	for _, d := range all {
		for _, v := range values {
			d.agree(t, v)
		}
		for _, s := range d.enums {
			d.agree(t, memoKey{kind: tString, s: s})
		}
	}
	if len(all) < 200 {
		t.Fatalf("only %d subschemas decided natively; the test covers too little", len(all))
	}
	t.Logf("%d subschemas decided natively, each against %d+ scalars", len(all), len(values))
}

// FuzzNativeAgreesWithValidator: no string, number or boolean passes a
// natively decided subschema that the validator rejects.
func FuzzNativeAgreesWithValidator(f *testing.F) {
	for _, s := range []string{"", "2026-01-05", "B9", "FS", "in-progress", "é", "2026-13-45", "A0"} {
		f.Add(s, 0.0, false)
	}
	f.Add("x", -1.0, true)
	f.Add("x", 100.5, true)
	f.Add("x", 1e300, true)
	var all []decided
	f.Fuzz(func(t *testing.T, s string, x float64, b bool) {
		if all == nil {
			all = decidedSubschemas(t)
		}
		if !utf8.ValidString(s) || math.IsNaN(x) || math.IsInf(x, 0) {
			return // the walker never hands these over as scalars
		}
		for _, d := range all {
			for _, v := range []memoKey{{kind: tString, s: s}, {kind: tNumber, f: x}, {kind: tBool, b: b}, {kind: tNull}} {
				d.agree(t, v)
			}
		}
	})
}

// A scalarTest must also never pass what the validator rejects when the
// keyword values are beyond it: those subschemas get no test at all.
func TestNativeLeavesHardKeywordsToTheValidator(t *testing.T) {
	for _, raw := range []string{
		`{"type": "number", "minimum": 0.1}`,               // not an exact integer bound
		`{"type": "number", "maximum": 18014398509481985}`, // past 2^53
		`{"enum": [1, 2]}`,                                 // numeric enum: rational equality
		`{"type": "string", "format": "date"}`,             // a keyword it does not know
		`{"type": "string", "pattern": "(?<=a)b"}`,         // not a Go regexp
		`{"type": "thing"}`,
	} {
		var kw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(raw), &kw); err != nil {
			t.Fatal(err)
		}
		if compileScalarTest(base+"x.json", kw) != nil {
			t.Errorf("%s: decided natively", raw)
		}
	}
}
