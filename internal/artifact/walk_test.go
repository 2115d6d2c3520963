package artifact_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/artifact"
)

type inner struct {
	A string `json:"a"`
}

type embedded struct {
	inner
	B int `json:"b"`
}

type textKey string

type upper string

func (u upper) MarshalJSON() ([]byte, error) { return json.Marshal("U:" + string(u)) }

type ptrMarshal struct{ X int }

func (p *ptrMarshal) MarshalJSON() ([]byte, error) { return []byte(`"ptr"`), nil }

type walkCase struct {
	Str       string            `json:"str"`
	Bad       string            `json:"bad"`
	Omit      string            `json:"omit,omitempty"`
	OmitZero  int               `json:"omit_zero,omitempty"`
	Zero      int               `json:"zero"`
	NilSlice  []string          `json:"nil_slice"`
	Empty     []string          `json:"empty"`
	NilPtr    *string           `json:"nil_ptr"`
	NilMap    map[string]int    `json:"nil_map"`
	Keys      map[textKey][]int `json:"keys"`
	Any       any               `json:"any"`
	Untagged  bool
	Skipped   string `json:"-"`
	private   string
	F32       float32        `json:"f32"`
	Big       float64        `json:"big"`
	Bytes     []byte         `json:"bytes"`
	Time      time.Time      `json:"time"`
	Marshaled upper          `json:"marshaled"`
	Embedded  embedded       `json:"embedded"`
	Ptr       ptrMarshal     `json:"ptr"`
	Arr       [2]uint8       `json:"arr"`
	IntKeys   map[int]string `json:"int_keys"`
}

// Walk must agree with the encoding/json round trip on every shape the
// artifact types use, and on the ones it hands to encoding/json.
func TestWalkEqualsJSONRoundTrip(t *testing.T) {
	c := &walkCase{
		Str: "ok", Bad: "a\xffb\xfe\xfd", Empty: []string{}, Keys: map[textKey][]int{"z": {1}, "a\xff": nil},
		Any: map[string]any{"n": 1.5, "l": []any{"x", nil, true}}, Untagged: true, Skipped: "x", private: "y",
		F32: 0.1, Big: 1e21, Bytes: []byte("hi"), Time: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		Marshaled: "m", Embedded: embedded{inner{"i"}, 2}, Ptr: ptrMarshal{1}, Arr: [2]uint8{1, 2}, IntKeys: map[int]string{3: "c"},
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	got, err := artifact.Walk[any](artifact.Generic{}, c)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		gb, _ := json.Marshal(got)
		t.Fatalf("Walk:\n%s\nround trip:\n%s", gb, b)
	}
}

func TestWalkRefusesWhatJSONRefuses(t *testing.T) {
	for _, x := range []any{map[string]any{"nan": nanValue()}, map[string]any{"f": func() {}}} {
		if _, err := artifact.Walk[any](artifact.Generic{}, x); err == nil {
			t.Errorf("Walk(%T) gave no error", x)
		}
	}
}

func nanValue() float64 {
	zero := 0.0
	return zero / zero
}
