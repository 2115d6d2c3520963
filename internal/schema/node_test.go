package schema

import (
	"reflect"
	"testing"
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
