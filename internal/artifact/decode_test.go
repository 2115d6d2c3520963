package artifact

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// decodeMap must give exactly what json.Unmarshal gives, and fail exactly
// when it fails.
func sameAsStdlib(t *testing.T, text string) {
	t.Helper()
	got, gotErr := decodeMap([]byte(text))
	var want map[string]any
	wantErr := json.Unmarshal([]byte(text), &want)
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("%q: error %v, encoding/json %v", text, gotErr, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got  %#v\n want %#v", text, got, want)
	}
}

func TestDecodeMapMatchesEncodingJSON(t *testing.T) {
	for _, text := range []string{
		`{}`, ` { } `, `{"a":[]}`, `{"a":[[],{}]}`, `{"a":null,"b":true,"c":false}`,
		`{"n":[0,-0,1,-1,0.1,1e300,5e-324,1E+2,12345678901234567890,2.5e-3,9007199254740993]}`,
		`{"s":"plain","h":"\u003cb\u003e \u0026","e":"\"\\\/\b\f\n\r\t"}`,
		`{"u":"caf\u00e9 – ünïcødé 日本 😀","pair":"\ud83d\ude00","lone":"\ud83d x","lone2":"\ude00","bad2":"\ud83d\u0041"}`,
		`{"dup":1,"dup":2}`,
		`{"k\u0065y":1,"key":2}`,
		// Malformed text: both must refuse it.
		`{"a":1,}`, `{"a" 1}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":tru}`, `{"a":"x`, `{"a":"\x"}`,
		`{"a":"\u12"}`, "{\"a\":\"\x01\"}", "{\"a\":\"\xff\"}", `{"a":1} x`, `[1]`, `"s"`, `null`, ``, `{`,
	} {
		sameAsStdlib(t, text)
	}
}

// Every kind of value the artifact types hold survives Map as it would a
// json.Marshal + json.Unmarshal round trip.
func TestMapMatchesJSONRoundTrip(t *testing.T) {
	a := &Artifact{
		SchemaVersion: SchemaVersion, Kind: "schedule", KindSource: "content", KindConfidence: 0.875,
		Title: "IMS <draft> & \"final\"\t– ü", Source: Source{Path: "a/b.xml", SizeBytes: math.MaxInt32},
		FieldsFound: []string{"schedule.columns.start"},
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	got, err := a.Map()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v\nwant %#v", got, want)
	}
	if got["title"] != "IMS <draft> & \"final\"\t– ü" || got["kind_confidence"] != 0.875 {
		t.Fatalf("title %q, confidence %v", got["title"], got["kind_confidence"])
	}
}

func FuzzDecodeMap(f *testing.F) {
	for _, s := range []string{`{"a":[1,"x",{"b":null}]}`, `{"s":"\ud83d\ude00\n"}`, `{"n":-1.5e10}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { sameAsStdlib(t, text) })
}
