// Package schema validates normalized artifacts against the embedded JSON
// Schemas: the envelope, then the payload of the artifact's kind. The
// schemas are compiled once; validation is safe for concurrent use.
package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/schemas"
)

const base = "https://tollgate.dev/schemas/"

// Violation is one schema error: where in the artifact, and what.
type Violation struct {
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

var (
	once     sync.Once
	compiled map[string]*jsonschema.Schema // "envelope" and payload kinds
	loadErr  error
)

func load() {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	docs, names, err := schemaDocs()
	if err != nil {
		loadErr = err
		return
	}
	for _, n := range names {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs[n]))
		if err != nil {
			loadErr = fmt.Errorf("parse schema %s: %w", n, err)
			return
		}
		if err := c.AddResource(base+n, doc); err != nil {
			loadErr = fmt.Errorf("add schema %s: %w", n, err)
			return
		}
	}
	compiled = map[string]*jsonschema.Schema{}
	for _, n := range names {
		s, err := c.Compile(base + n)
		if err != nil {
			loadErr = fmt.Errorf("compile schema %s: %w", n, err)
			return
		}
		compiled[strings.TrimSuffix(n, ".schema.json")] = s
	}
	if err := splitArrays(c, names, docs); err != nil {
		loadErr = fmt.Errorf("compile array item schemas: %w", err)
	}
}

// schemaDocs are the schema documents by file name: the envelope and the
// payload schema of every registered kind (kind.Spec.Schema; the built-in
// kinds register the files of schemas/). A file of schemas/ no kind
// registers is still compiled, so a kind's schema is never silently
// dropped (normalize's TestEverySchemaHasAKind reports it).
func schemaDocs() (map[string][]byte, []string, error) {
	names, err := fs.Glob(schemas.FS, "*.schema.json")
	if err != nil {
		return nil, nil, err
	}
	docs := map[string][]byte{}
	for _, n := range names {
		b, err := schemas.FS.ReadFile(n)
		if err != nil {
			return nil, nil, fmt.Errorf("read schema %s: %w", n, err)
		}
		docs[n] = b
	}
	for _, s := range kind.Current().All() {
		n := string(s.Kind) + ".schema.json"
		if s.Schema == nil {
			continue
		}
		if _, ok := docs[n]; !ok {
			names = append(names, n)
		}
		docs[n] = s.Schema
	}
	sort.Strings(names)
	return docs, names, nil
}

// Kinds lists the payload kinds that have a schema (compiled at the first
// validation: the kinds registered by then).
func Kinds() []string {
	once.Do(load)
	var out []string
	for k := range compiled {
		if k != "envelope" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Validate checks an artifact (as generic JSON: maps, slices, float64 or
// json.Number, strings, bools, nil) and returns every violation, envelope
// first. A schema that fails to load is reported as a violation at the root
// rather than silently passing.
func Validate(art map[string]any) []Violation {
	once.Do(load)
	if loadErr != nil {
		return []Violation{{Pointer: "", Message: "schemas unavailable: " + loadErr.Error()}}
	}
	out := check(compiled["envelope"], art, "")
	kind, _ := art["kind"].(string)
	if s, ok := compiled[kind]; ok {
		if payload, ok := art[kind]; ok && payload != nil {
			out = append(out, check(s, payload, "/"+kind)...)
		}
	}
	return out
}

func check(s *jsonschema.Schema, v any, prefix string) []Violation {
	err := s.Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Violation{{Pointer: prefix, Message: err.Error()}}
	}
	var out []Violation
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, Violation{Pointer: prefix + pointer(e.InstanceLocation), Message: e.ErrorKind.LocalizedString(printer)})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return out
}

func pointer(loc []string) string {
	var b strings.Builder
	for _, p := range loc {
		b.WriteByte('/')
		b.WriteString(escapeToken(p))
	}
	return b.String()
}

// printer renders schema error messages in English.
var printer = message.NewPrinter(language.English)
