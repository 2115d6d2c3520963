package ooxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Transitional namespaces callers match on. Strict documents are folded onto
// these by the Decoder.
const (
	NSWord          = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	NSSheet         = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	NSRel           = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	NSDrawing       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	NSPackageRels   = "http://schemas.openxmlformats.org/package/2006/relationships"
	NSContentTypes  = "http://schemas.openxmlformats.org/package/2006/content-types"
	NSCoreProps     = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
	NSCustomProps   = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
	NSDocPropsTypes = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
	NSWord2010      = "http://schemas.microsoft.com/office/word/2010/wordml"
	NSMarkupCompat  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	NSDublinCore    = "http://purl.org/dc/elements/1.1/"
	NSDublinTerms   = "http://purl.org/dc/terms/"
)

// strictNamespaces maps ISO/IEC 29500 Strict namespace URIs to their
// Transitional equivalents. A reader matching Transitional URIs alone would
// see no content at all in a Strict document.
var strictNamespaces = map[string]string{
	"http://purl.oclc.org/ooxml/wordprocessingml/main":             NSWord,
	"http://purl.oclc.org/ooxml/spreadsheetml/main":                NSSheet,
	"http://purl.oclc.org/ooxml/presentationml/main":               "http://schemas.openxmlformats.org/presentationml/2006/main",
	"http://purl.oclc.org/ooxml/officeDocument/relationships":      NSRel,
	"http://purl.oclc.org/ooxml/officeDocument/math":               "http://schemas.openxmlformats.org/officeDocument/2006/math",
	"http://purl.oclc.org/ooxml/officeDocument/sharedTypes":        "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
	"http://purl.oclc.org/ooxml/officeDocument/customProperties":   NSCustomProps,
	"http://purl.oclc.org/ooxml/officeDocument/extendedProperties": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
	"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes":     NSDocPropsTypes,
	"http://purl.oclc.org/ooxml/officeDocument/bibliography":       "http://schemas.openxmlformats.org/officeDocument/2006/bibliography",
	"http://purl.oclc.org/ooxml/schemaLibrary/main":                "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
	"http://purl.oclc.org/ooxml/drawingml/main":                    NSDrawing,
	"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":   "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
	"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing":      "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
	"http://purl.oclc.org/ooxml/drawingml/chart":                   "http://schemas.openxmlformats.org/drawingml/2006/chart",
	"http://purl.oclc.org/ooxml/drawingml/chartDrawing":            "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
	"http://purl.oclc.org/ooxml/drawingml/picture":                 "http://schemas.openxmlformats.org/drawingml/2006/picture",
	"http://purl.oclc.org/ooxml/drawingml/diagram":                 "http://schemas.openxmlformats.org/drawingml/2006/diagram",
}

// TransitionalNS returns the Transitional namespace for a Strict one, or ns
// unchanged.
func TransitionalNS(ns string) string {
	if t, ok := strictNamespaces[ns]; ok {
		return t
	}
	return ns
}

// Decoder is a streaming XML token reader for one package part. It refuses
// DTDs (so entities are never declared, expanded or fetched), bounds the
// element nesting depth, and reports Strict namespaces as Transitional ones.
// Every error it returns other than io.EOF is a *document.Fault naming the
// part.
type Decoder struct {
	dec      *xml.Decoder
	part     string
	loc      document.Loc
	maxDepth int
	depth    int
}

// NewDecoder returns a Decoder over data, the content of partName in the
// file at filePath.
func NewDecoder(data []byte, filePath, partName string, lim limits.Limits) *Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = nil // only the five predefined XML entities
	d.CharsetReader = charsetReader
	maxDepth := lim.XMLDepth
	if maxDepth <= 0 {
		maxDepth = limits.Default().XMLDepth
	}
	return &Decoder{dec: d, part: partName, loc: document.Loc{Path: filePath}, maxDepth: maxDepth}
}

// Depth is the number of currently open elements.
func (d *Decoder) Depth() int { return d.depth }

// Part is the name of the part being decoded.
func (d *Decoder) Part() string { return d.part }

// Token returns the next token (see xml.Decoder.Token: CharData is only
// valid until the next call). Comments, processing instructions and the XML
// declaration are dropped. It returns io.EOF at the end of the part.
func (d *Decoder) Token() (xml.Token, error) {
	for {
		tok, err := d.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if d.depth > 0 {
					return nil, d.malformed(io.ErrUnexpectedEOF)
				}
				return nil, io.EOF
			}
			return nil, d.malformed(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			d.depth++
			if d.depth > d.maxDepth {
				return nil, document.LimitFault(limits.KeyXMLDepth, d.loc, nil,
					"XML part %s nests elements deeper than %d (limits.xml_depth)", d.part, d.maxDepth)
			}
			t.Name.Space = TransitionalNS(t.Name.Space)
			if len(t.Attr) > 0 {
				attrs := make([]xml.Attr, len(t.Attr))
				for i, a := range t.Attr {
					a.Name.Space = TransitionalNS(a.Name.Space)
					if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
						a.Value = TransitionalNS(a.Value)
					}
					attrs[i] = a
				}
				t.Attr = attrs
			}
			return t, nil
		case xml.EndElement:
			d.depth--
			t.Name.Space = TransitionalNS(t.Name.Space)
			return t, nil
		case xml.CharData:
			return t, nil
		case xml.Directive:
			if isDoctype(t) {
				return nil, document.Faultf(document.ReadCorrupt, d.loc, nil,
					"XML part %s declares a DTD; refused for safety", d.part)
			}
			// Other directives (<!ELEMENT …> outside a DOCTYPE cannot occur
			// in well-formed XML) carry nothing a reader needs.
		case xml.Comment, xml.ProcInst:
		}
	}
}

// Skip consumes tokens up to and including the end of the element whose
// start was just returned.
func (d *Decoder) Skip() error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return d.malformed(io.ErrUnexpectedEOF)
			}
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (d *Decoder) malformed(err error) *document.Fault {
	return document.Faultf(document.ReadCorrupt, d.loc, err,
		"XML part %s is malformed", d.part)
}

func isDoctype(dir xml.Directive) bool {
	s := strings.TrimSpace(string(dir))
	return len(s) >= 7 && strings.EqualFold(s[:7], "DOCTYPE")
}

// charsetReader accepts the single-byte encodings some non-Microsoft
// producers declare; Office itself always writes UTF-8.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii", "iso-8859-1", "latin1", "iso_8859-1", "windows-1252", "cp1252":
		data, err := io.ReadAll(input)
		if err != nil {
			return nil, err
		}
		// Latin-1 bytes are the first 256 code points. (windows-1252 differs
		// only in 0x80–0x9F, punctuation that is harmless to approximate.)
		var b strings.Builder
		b.Grow(len(data))
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		return strings.NewReader(b.String()), nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

// Attr returns the value of the attribute with the given namespace and
// local name. An unprefixed attribute also matches (Word writes w:val, some
// generators a bare val); space "" matches any namespace.
func Attr(se xml.StartElement, space, local string) (string, bool) {
	fallback, found := "", false
	for _, a := range se.Attr {
		if a.Name.Local != local {
			continue
		}
		if space == "" || a.Name.Space == space {
			return a.Value, true
		}
		if a.Name.Space == "" && !found {
			fallback, found = a.Value, true
		}
	}
	return fallback, found
}

// ElementText returns all character data inside the element whose start
// was just returned, consuming the element.
func (d *Decoder) ElementText() (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return b.String(), d.malformed(io.ErrUnexpectedEOF)
			}
			return b.String(), err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	return b.String(), nil
}
