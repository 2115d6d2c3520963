package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
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
	names   map[string]string
	attrs   []xmlAttr
	buf     []byte // character data that needed rewriting
	pendEnd string // the end token of a self-closing tag still to yield
	hasEnd  bool
}

// maxNames bounds the interned element and attribute names.
const maxNames = 1024

func newFastTokenizer(b []byte) *fastTokenizer {
	return &fastTokenizer{b: b, names: make(map[string]string, 64)}
}

func isSpace(c byte) bool { return c == ' ' || c == '\r' || c == '\n' || c == '\t' }

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
			text, ok := s.text()
			if !ok {
				return xmlTok{}, errUnusual
			}
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
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.names) < maxNames {
		s.names[v] = v
	}
	return v
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
	for s.i < len(s.b) && isSpace(s.b[s.i]) {
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

// predefined are the entities XML defines without a DTD.
var predefined = map[string]byte{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// text reads character data up to the next < or the end of the part.
func (s *fastTokenizer) text() ([]byte, bool) {
	start := s.i
	rewritten := false
	s.buf = s.buf[:0]
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '<':
			return s.result(start, rewritten), true
		case c == '\t' || c == '\n' || (c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '>'):
		case c == '>':
			if s.i-start >= 2 && s.b[s.i-1] == ']' && s.b[s.i-2] == ']' {
				return nil, false
			}
		case c == '\r':
			if !rewritten {
				s.buf = append(s.buf, s.b[start:s.i]...)
				rewritten = true
			}
			s.buf = append(s.buf, '\n')
			s.i++
			if s.i < len(s.b) && s.b[s.i] == '\n' {
				s.i++
			}
			continue
		case c == '&':
			end := bytes.IndexByte(s.b[s.i+1:min(len(s.b), s.i+12)], ';')
			if end < 0 {
				return nil, false
			}
			ref := s.b[s.i+1 : s.i+1+end]
			if !rewritten {
				s.buf = append(s.buf, s.b[start:s.i]...)
				rewritten = true
			}
			if r, ok := predefined[string(ref)]; ok {
				s.buf = append(s.buf, r)
			} else if r, ok := charRef(ref); ok {
				s.buf = utf8.AppendRune(s.buf, r)
			} else {
				return nil, false
			}
			s.i += end + 2
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(s.b[s.i:])
			if r == utf8.RuneError && size == 1 || !isInCharacterRange(r) {
				return nil, false
			}
			if rewritten {
				s.buf = append(s.buf, s.b[s.i:s.i+size]...)
			}
			s.i += size
			continue
		default: // a control character
			return nil, false
		}
		if rewritten {
			s.buf = append(s.buf, c)
		}
		s.i++
	}
	return s.result(start, rewritten), true
}

// charRef decodes "#38" or "#x26" the way encoding/xml does, refusing what
// it would refuse.
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' {
		if len(ref) < 3 {
			return 0, false
		}
		for _, c := range ref[2:] {
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return 0, false
			}
		}
		n, err = strconv.ParseUint(string(ref[2:]), 16, 64)
	} else {
		for _, c := range ref[1:] {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n, err = strconv.ParseUint(string(ref[1:]), 10, 64)
	}
	if err != nil || n > utf8.MaxRune || !isInCharacterRange(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

func (s *fastTokenizer) result(start int, rewritten bool) []byte {
	if rewritten {
		return s.buf
	}
	return s.b[start:s.i]
}

// isInCharacterRange is the XML Char production, as encoding/xml checks it.
func isInCharacterRange(r rune) bool {
	return r == 0x09 ||
		r == 0x0A ||
		r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// xmlDecl reads an XML declaration that changes nothing: version 1.0,
// encoding UTF-8 (or none), any standalone.
func (s *fastTokenizer) xmlDecl() bool {
	const open = "<?xml"
	if s.i != 0 && !(s.i == 3 && bytes.HasPrefix(s.b, []byte("\xef\xbb\xbf"))) {
		return false
	}
	if len(s.b)-s.i < len(open)+1 || string(s.b[s.i:s.i+len(open)]) != open || !isSpace(s.b[s.i+len(open)]) {
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
