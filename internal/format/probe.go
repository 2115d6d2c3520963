package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"regexp"

	"go.yaml.in/yaml/v3"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/p6"
)

// mspdiNamespace is the namespace of the MS Project XML (MSPDI) root.
const mspdiNamespace = "http://schemas.microsoft.com/project"

// isMSPDI: the root is MS Project's <Project> in its namespace. RawToken
// does not resolve prefixes, so the default namespace declaration (or the
// one bound to the root's prefix) is looked at.
func isMSPDI(se xml.StartElement) bool {
	if se.Name.Local != "Project" {
		return false
	}
	for _, a := range se.Attr {
		if (a.Name.Space == "" && a.Name.Local == "xmlns" && se.Name.Space == "") ||
			(a.Name.Space == "xmlns" && a.Name.Local == se.Name.Space) {
			return a.Value == mspdiNamespace
		}
	}
	return false
}

// isP6: the root is P6's <APIBusinessObjects> declaring its namespace.
func isP6(se xml.StartElement) bool {
	for _, a := range se.Attr {
		if a.Name.Local == "xmlns" && p6.IsP6(se.Name.Local, a.Value) {
			return true
		}
	}
	return false
}

// holdsArtifact is the Listed test of JSON and YAML: in a directory
// walk, only files that are tollgate artifacts are listed.
func holdsArtifact(format document.Format) func(r io.Reader, max int64) bool {
	return func(r io.Reader, max int64) bool { return isArtifact(r, format, max) }
}

// isArtifact reports whether a JSON or YAML file is a tollgate artifact:
// a top-level mapping with a string "kind". Files found while walking a
// directory are listed only then; other JSON/YAML there is configuration or
// data. Reading stops at max bytes.
func isArtifact(r io.Reader, format document.Format, max int64) bool {
	br := bufio.NewReader(io.LimitReader(r, max))
	// A UTF-8 byte-order mark (Windows editors write one) is not content.
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	switch format {
	case document.FormatJSON:
		return jsonHasKind(json.NewDecoder(br))
	case document.FormatYAML:
		// Decoding into a Node does not expand aliases, so an alias bomb
		// costs no more than its text.
		var text bytes.Buffer
		var doc yaml.Node
		if err := yaml.NewDecoder(io.TeeReader(br, &text)).Decode(&doc); err != nil {
			// A broken artifact is still an artifact: the reader reports
			// why it cannot be read, rather than the walk skipping it.
			return yamlKindLine.Match(text.Bytes())
		}
		if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
			return false
		}
		m := doc.Content[0]
		if m.Kind != yaml.MappingNode {
			return false
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if k.Value == "kind" {
				return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str"
			}
		}
	}
	return false
}

// yamlKindLine is a top-level "kind:" key with a plain value.
var yamlKindLine = regexp.MustCompile(`(?m)^kind:[ \t]*[A-Za-z_]+[ \t]*$`)

// jsonHasKind walks the top-level object token by token (constant memory)
// and stops at the "kind" key.
func jsonHasKind(dec *json.Decoder) bool {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return false
		}
		if key == "kind" {
			v, err := dec.Token()
			_, isString := v.(string)
			return err == nil && isString
		}
		if skipJSONValue(dec) != nil {
			return false
		}
	}
	return false
}

func skipJSONValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
		if depth < 0 {
			return errors.New("unbalanced JSON")
		}
	}
}
