package normalize

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/schemas"
)

// TestEverySchemaHasAKind: each payload schema of schemas/ is the schema
// of a registered payload kind; a schema file nobody registers would be
// compiled but never tie to a normalizer or a payload field.
func TestEverySchemaHasAKind(t *testing.T) {
	names, err := fs.Glob(schemas.FS, "*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		k := kind.Kind(strings.TrimSuffix(n, ".schema.json"))
		if k == "envelope" {
			continue
		}
		if r, ok := Lookup(k); !ok || !r.HasPayload() {
			t.Errorf("schemas/%s: no payload kind %q is registered (internal/normalize/kinds.go)", n, k)
		}
	}
}

// TestPayloadFieldsAreRegistered: each registered payload kind's Payload
// returns the Artifact field whose JSON key is the kind's name (where
// schema validation and the rules look for it), and every payload field
// of Artifact belongs to a registered kind.
func TestPayloadFieldsAreRegistered(t *testing.T) {
	typ := reflect.TypeFor[artifact.Artifact]()
	fields := map[kind.Kind]int{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct {
			fields[kind.Kind(name)] = i
		}
	}
	registered := 0
	for _, s := range kind.Current().All() {
		r, ok := Lookup(s.Kind)
		if !ok {
			t.Errorf("%s: in the kind registry but not registered with normalize.Register", s.Kind)
			continue
		}
		if !r.HasPayload() {
			continue
		}
		registered++
		i, ok := fields[s.Kind]
		if !ok {
			t.Errorf("%s: no pointer field with JSON key %q on artifact.Artifact", s.Kind, s.Kind)
			continue
		}
		var a artifact.Artifact
		p := reflect.New(typ.Field(i).Type.Elem())
		reflect.ValueOf(&a).Elem().Field(i).Set(p)
		if got := r.Payload(&a); reflect.ValueOf(got).Pointer() != p.Pointer() {
			t.Errorf("%s: Payload returns another field than %s", s.Kind, typ.Field(i).Name)
		}
	}
	if registered != len(fields) {
		t.Errorf("%d payload kinds registered, artifact.Artifact has %d payload fields", registered, len(fields))
	}
}

// TestRegisterRefusesIncompleteKinds: what the compiler cannot see (a nil
// normalizer or payload, a schema that is not JSON, a kind no signal can
// decide, a name that is no JSON key) is refused at registration.
func TestRegisterRefusesIncompleteKinds(t *testing.T) {
	sig := kind.Signals{Titles: []string{"Widget Plan"}}
	payload := func(a *artifact.Artifact) any { return a.Charter }
	norm := func(*Doc, *artifact.Artifact, Options) {}
	for name, r := range map[string]Registration{
		"nil normalizer":   PayloadKind("test_widget_a", sig, []byte(`{}`), payload, nil),
		"nil payload":      PayloadKind("test_widget_b", sig, []byte(`{}`), nil, norm),
		"schema not JSON":  PayloadKind("test_widget_c", sig, []byte(`{`), payload, norm),
		"no schema":        PayloadKind("test_widget_d", sig, nil, payload, norm),
		"no signals":       EnvelopeKind("test_widget_e", kind.Signals{}),
		"not a snake name": EnvelopeKind("Widget Plan", sig),
		"registered twice": EnvelopeKind(kind.Charter, sig),
	} {
		if err := Register(r); err == nil {
			t.Errorf("%s: registered", name)
		}
	}
}
