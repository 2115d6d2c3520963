package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/internal/extract/xmltext"
)

// The sheet and shared-strings parts are read through a tokenizer: a fast
// scanner over the part's bytes, with encoding/xml as the fallback. The
// fast scanner accepts a strict subset of what encoding/xml's RawToken
// accepts (element tags, attributes without entity references, character
// data with the five predefined entities and character references, a plain
// XML declaration) and yields the same tokens for it: local names (a
// prefix is dropped, as the reader matches local names only, which also
// reads ISO 29500 Strict parts), attribute values and character data with
// \r\n and \r turned into \n. Anything else (comments, CDATA, processing
// instructions, DOCTYPE, other entities, bytes that are not XML
// characters, any syntax error) makes it stop with errUnusual, and the
// caller reads the part again from its first byte with encoding/xml, so a
// part gives the same result either way (FuzzScanner checks this). A part
// that is not well-formed is always read through encoding/xml, whose
// errors say where it breaks.

// errUnusual says the fast scanner met something it leaves to encoding/xml.
var errUnusual = errors.New("xlsx: not plain XML for the fast scanner")

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// xmlAttr is one attribute: its local name and value. The value is only
// valid until the next token.
type xmlAttr struct {
	name  string
	value []byte
}

// xmlTok is one token; its slices are only valid until the next token.
type xmlTok struct {
	kind  tokKind
	name  string // local name (start and end)
	attrs []xmlAttr
	text  []byte
}

// attr returns the value of the attribute named local.
func (t *xmlTok) attr(local string) []byte {
	for i := range t.attrs {
		if t.attrs[i].name == local {
			return t.attrs[i].value
		}
	}
	return nil
}

// tokenizer yields tokens until io.EOF or an error.
type tokenizer interface {
	next() (xmlTok, error)
}

// fastTokenizer scans a whole part held in memory.
type fastTokenizer struct {
	b       []byte
	i       int
	names   xmltext.Names
	attrs   []xmlAttr
	text    xmltext.Text
	pendEnd string // the end token of a self-closing tag still to yield
	hasEnd  bool
}

func newFastTokenizer(b []byte) *fastTokenizer {
	return &fastTokenizer{b: b}
}

func (s *fastTokenizer) next() (xmlTok, error) {
	if s.hasEnd {
		s.hasEnd = false
		return xmlTok{kind: tokEnd, name: s.pendEnd}, nil
	}
	for {
		if s.i >= len(s.b) {
			return xmlTok{}, io.EOF
		}
		if s.b[s.i] != '<' {
			text, next, _, ok := s.text.Read(s.b, s.i, true)
			if !ok {
				return xmlTok{}, errUnusual
			}
			s.i = next
			return xmlTok{kind: tokText, text: text}, nil
		}
		if s.i+1 >= len(s.b) {
			return xmlTok{}, errUnusual
		}
		switch s.b[s.i+1] {
		case '/':
			name, ok := s.endTag()
			if !ok {
				return xmlTok{}, errUnusual
			}
			return xmlTok{kind: tokEnd, name: name}, nil
		case '?':
			if !s.xmlDecl() {
				return xmlTok{}, errUnusual
			}
			continue
		case '!':
			return xmlTok{}, errUnusual
		}
		name, empty, ok := s.startTag()
		if !ok {
			return xmlTok{}, errUnusual
		}
		if empty {
			s.pendEnd, s.hasEnd = name, true
		}
		return xmlTok{kind: tokStart, name: name, attrs: s.attrs}, nil
	}
}

// name reads an ASCII XML name with at most one colon and returns its
// local part.
func (s *fastTokenizer) name() ([]byte, bool) {
	start := s.i
	if start >= len(s.b) {
		return nil, false
	}
	if c := s.b[start]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_') {
		return nil, false
	}
	colon := -1
	for s.i < len(s.b) {
		c := s.b[s.i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-' {
			s.i++
			continue
		}
		if c == ':' {
			if colon >= 0 {
				return nil, false
			}
			colon = s.i
			s.i++
			continue
		}
		break
	}
	if s.i >= len(s.b) || s.b[s.i] >= utf8.RuneSelf {
		return nil, false
	}
	n := s.b[start:s.i]
	if colon >= 0 {
		// encoding/xml splits at the first colon; a name ending in one or
		// a local part not starting like a name is left to it.
		local := s.b[colon+1 : s.i]
		if len(local) == 0 || colon == start {
			return nil, false
		}
		if c := local[0]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_') {
			return nil, false
		}
		return local, true
	}
	return n, true
}

func (s *fastTokenizer) intern(b []byte) string {
	// The names of a sheet's cell data, without a map lookup.
	switch string(b) {
	case "c":
		return "c"
	case "v":
		return "v"
	case "r":
		return "r"
	case "s":
		return "s"
	case "t":
		return "t"
	case "row":
		return "row"
	case "is":
		return "is"
	case "f":
		return "f"
	case "si":
		return "si"
	}
	return s.names.Intern(b)
}

func (s *fastTokenizer) startTag() (name string, empty, ok bool) {
	s.i++ // <
	n, ok := s.name()
	if !ok {
		return "", false, false
	}
	name = s.intern(n)
	s.attrs = s.attrs[:0]
	for {
		sp := s.i
		s.space()
		if s.i >= len(s.b) {
			return "", false, false
		}
		switch s.b[s.i] {
		case '>':
			s.i++
			return name, false, true
		case '/':
			if s.i+1 >= len(s.b) || s.b[s.i+1] != '>' {
				return "", false, false
			}
			s.i += 2
			return name, true, true
		}
		if s.i == sp {
			return "", false, false // attributes must be separated by blanks
		}
		an, ok := s.name()
		if !ok {
			return "", false, false
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '=' {
			return "", false, false
		}
		s.i++
		s.space()
		if s.i >= len(s.b) || (s.b[s.i] != '"' && s.b[s.i] != '\'') {
			return "", false, false
		}
		q := s.b[s.i]
		s.i++
		start := s.i
		for {
			if s.i >= len(s.b) {
				return "", false, false
			}
			c := s.b[s.i]
			if c == q {
				break
			}
			// Entities, line ends (normalised by the decoder), non-ASCII
			// and control bytes are left to encoding/xml.
			if c == '<' || c == '&' || c == '\r' || c >= utf8.RuneSelf || c < 0x20 && c != '\t' && c != '\n' {
				return "", false, false
			}
			s.i++
		}
		s.attrs = append(s.attrs, xmlAttr{name: s.intern(an), value: s.b[start:s.i]})
		s.i++
	}
}

func (s *fastTokenizer) space() {
	for s.i < len(s.b) && xmltext.IsSpace(s.b[s.i]) {
		s.i++
	}
}

func (s *fastTokenizer) endTag() (string, bool) {
	s.i += 2 // </
	n, ok := s.name()
	if !ok {
		return "", false
	}
	name := s.intern(n)
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '>' {
		return "", false
	}
	s.i++
	return name, true
}

// xmlDecl reads an XML declaration that changes nothing: version 1.0,
// encoding UTF-8 (or none), any standalone.
func (s *fastTokenizer) xmlDecl() bool {
	const open = "<?xml"
	if s.i != 0 && !(s.i == 3 && bytes.HasPrefix(s.b, []byte("\xef\xbb\xbf"))) {
		return false
	}
	if len(s.b)-s.i < len(open)+1 || string(s.b[s.i:s.i+len(open)]) != open || !xmltext.IsSpace(s.b[s.i+len(open)]) {
		return false
	}
	end := bytes.Index(s.b[s.i:min(len(s.b), s.i+256)], []byte("?>"))
	if end < 0 {
		return false
	}
	body := s.b[s.i+len(open) : s.i+end]
	for _, f := range bytes.Fields(body) {
		k, v, ok := bytes.Cut(f, []byte("="))
		if !ok || len(v) < 2 || (v[0] != '"' && v[0] != '\'') || v[len(v)-1] != v[0] {
			return false
		}
		v = v[1 : len(v)-1]
		switch {
		case string(k) == "version" && string(v) == "1.0":
		case string(k) == "encoding" && bytes.EqualFold(v, []byte("utf-8")):
		case string(k) == "standalone" && (string(v) == "yes" || string(v) == "no"):
		default:
			return false
		}
	}
	s.i += end + 2
	return true
}

// stdTokenizer is encoding/xml's RawToken in strict mode: no DTD, no
// entities beyond the predefined ones.
type stdTokenizer struct {
	d     *xml.Decoder
	attrs []xmlAttr
}

func newStdTokenizer(b []byte) *stdTokenizer {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	return &stdTokenizer{d: d}
}

func (s *stdTokenizer) next() (xmlTok, error) {
	for {
		tok, err := s.d.RawToken()
		if err != nil {
			return xmlTok{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.attrs = s.attrs[:0]
			for _, a := range t.Attr {
				s.attrs = append(s.attrs, xmlAttr{name: a.Name.Local, value: []byte(a.Value)})
			}
			return xmlTok{kind: tokStart, name: t.Name.Local, attrs: s.attrs}, nil
		case xml.EndElement:
			return xmlTok{kind: tokEnd, name: t.Name.Local}, nil
		case xml.CharData:
			return xmlTok{kind: tokText, text: t}, nil
		}
	}
}

// bstrDecode turns the _xHHHH_ escapes of ST_Xstring into characters, as
// excelize does for shared and inline strings (_x005F_ is "_").
func bstrDecode(s string) string {
	i := indexBstr(s, 0)
	if i < 0 {
		return s
	}
	var b []byte
	last := 0
	for ; i >= 0; i = indexBstr(s, i) {
		b = append(b, s[last:i]...)
		if s[i:i+7] == "_x005F_" || s[i:i+7] == "_x005f_" {
			b = append(b, '_')
		} else {
			// A lone surrogate is dropped, as excelize's strconv.Unquote
			// of it fails.
			if n, _ := strconv.ParseUint(s[i+2:i+6], 16, 32); !utf16IsSurrogate(rune(n)) {
				b = utf8.AppendRune(b, rune(n))
			}
		}
		i += 7
		last = i
	}
	return string(append(b, s[last:]...))
}

// indexBstr finds the next _xHHHH_ at or after from.
func indexBstr(s string, from int) int {
	for from+7 <= len(s) {
		j := strings.Index(s[from:], "_x")
		if j < 0 {
			return -1
		}
		j += from
		if j+7 <= len(s) && isHex4(s[j+2:j+6]) && s[j+6] == '_' {
			return j
		}
		from = j + 1
	}
	return -1
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func utf16IsSurrogate(r rune) bool { return 0xD800 <= r && r < 0xE000 }
