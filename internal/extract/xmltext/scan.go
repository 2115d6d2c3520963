package xmltext

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrUnusual says the scanner met something it leaves to encoding/xml.
// The caller then reads the whole input again, from its first byte,
// through encoding/xml, so faults and messages are exactly the decoder's.
var ErrUnusual = errors.New("not plain XML for the fast scanner")

// Kind is what a token is.
type Kind uint8

const (
	Start Kind = iota + 1
	End
	CharData
)

// Attr is one attribute: its local name and value. The value is only valid
// until the next token.
type Attr struct {
	Name  string
	Value []byte
}

// Token is one token; its slices are only valid until the next token.
type Token struct {
	Kind  Kind
	Name  string // local name (Start and End)
	Attrs []Attr // Start
	Text  []byte // CharData
}

// Attr returns the value of the attribute named local.
func (t *Token) Attr(local string) []byte {
	for i := range t.Attrs {
		if t.Attrs[i].Name == local {
			return t.Attrs[i].Value
		}
	}
	return nil
}

// Options are the differences between the readers that use the scanner.
type Options struct {
	// Prefixed accepts element names with a namespace prefix and yields
	// their local part, as the readers match local names only (an Excel
	// part in ISO 29500 Strict form prefixes every element). Without it a
	// prefixed element name is left to encoding/xml.
	Prefixed bool
	// CharRefs reads character references (&#38;) in character data;
	// without it they are left to encoding/xml.
	CharRefs bool
}

// Scanner is the fast XML scanner of the readers (Excel sheets and shared
// strings, MS Project XML): it walks a whole input held in memory and
// yields what encoding/xml's RawToken yields for it, in far less time and
// memory — an MS Project schedule or a workbook's sheets are read several
// times faster (docs/performance.md has the measurements).
//
// It accepts a strict subset of XML: element tags with ASCII names and
// attributes without entity references, character data with the five
// predefined entities (and character references when Options.CharRefs), a
// plain XML declaration at the start. It yields local names (a prefix is
// dropped; see Options.Prefixed), attribute values as written, character
// data with entities and \r\n or \r rewritten as the decoder does, and an
// End token after the Start of a self-closing tag. Anything else —
// comments, CDATA, processing instructions, DOCTYPE, other entities, bytes
// that are not XML characters, any syntax error — ends it with ErrUnusual.
// The readers' fuzz targets check it against encoding/xml.
type Scanner struct {
	b       []byte
	i       int // next byte to read
	line    int // 1 + the newlines before i, as the decoder counts
	opts    Options
	names   Names
	text    Text
	attrs   []Attr
	pendEnd string // the End token of a self-closing tag still to yield
	hasEnd  bool
}

// NewScanner scans b.
func NewScanner(b []byte, opts Options) *Scanner {
	return &Scanner{b: b, line: 1, opts: opts}
}

// Line is the line the scanner is on, counted as encoding/xml counts it
// (1 + the newlines read).
func (s *Scanner) Line() int { return s.line }

// Next returns the next token, io.EOF at the end of the input, or
// ErrUnusual.
func (s *Scanner) Next() (Token, error) {
	if s.hasEnd {
		s.hasEnd = false
		return Token{Kind: End, Name: s.pendEnd}, nil
	}
	for {
		if s.i >= len(s.b) {
			return Token{}, io.EOF
		}
		if s.b[s.i] != '<' {
			text, next, newlines, ok := s.text.Read(s.b, s.i, s.opts.CharRefs)
			if !ok {
				return Token{}, ErrUnusual
			}
			s.i, s.line = next, s.line+newlines
			return Token{Kind: CharData, Text: text}, nil
		}
		if s.i+1 >= len(s.b) {
			return Token{}, ErrUnusual
		}
		switch s.b[s.i+1] {
		case '/':
			name, ok := s.endTag()
			if !ok {
				return Token{}, ErrUnusual
			}
			return Token{Kind: End, Name: name}, nil
		case '?':
			if !s.xmlDecl() {
				return Token{}, ErrUnusual
			}
			continue
		case '!':
			return Token{}, ErrUnusual
		}
		name, empty, ok := s.startTag()
		if !ok {
			return Token{}, ErrUnusual
		}
		if empty {
			s.pendEnd, s.hasEnd = name, true
		}
		return Token{Kind: Start, Name: name, Attrs: s.attrs}, nil
	}
}

// space skips the blanks the decoder skips inside tags.
func (s *Scanner) space() {
	for s.i < len(s.b) && IsSpace(s.b[s.i]) {
		if s.b[s.i] == '\n' {
			s.line++
		}
		s.i++
	}
}

// name reads an ASCII XML name with at most one colon, followed by a byte
// that can end it, and returns its local part. prefixed allows the colon
// (an attribute name such as xmlns:xsi always may have one).
func (s *Scanner) name(prefixed bool) ([]byte, bool) {
	start := s.i
	if start >= len(s.b) || !nameStart(s.b[start]) {
		return nil, false
	}
	colon := -1
	for s.i < len(s.b) {
		c := s.b[s.i]
		if nameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-' {
			s.i++
			continue
		}
		if c == ':' {
			if colon >= 0 || !prefixed {
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
	if colon < 0 {
		return s.b[start:s.i], true
	}
	// encoding/xml splits at the first colon; a name ending in one, or a
	// local part not starting like a name, is left to it.
	local := s.b[colon+1 : s.i]
	if len(local) == 0 || !nameStart(local[0]) {
		return nil, false
	}
	return local, true
}

func nameStart(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' }

// intern returns a name as a string shared by its occurrences.
func (s *Scanner) intern(b []byte) string {
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

// startTag reads "<name attr="v" ...>" or "<name .../>" at s.i.
func (s *Scanner) startTag() (name string, empty, ok bool) {
	s.i++ // <
	n, ok := s.name(s.opts.Prefixed)
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
		an, ok := s.name(true)
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
			// Entities, \r (rewritten by the decoder), non-ASCII and
			// control bytes are left to encoding/xml.
			switch {
			case c == '\n':
				s.line++
			case c == '<' || c == '&' || c == '\r' || c >= utf8.RuneSelf || c < 0x20 && c != '\t':
				return "", false, false
			}
			s.i++
		}
		s.attrs = append(s.attrs, Attr{Name: s.intern(an), Value: s.b[start:s.i]})
		s.i++
	}
}

// endTag reads "</name>" (blanks allowed before the >) at s.i.
func (s *Scanner) endTag() (string, bool) {
	s.i += 2 // </
	n, ok := s.name(s.opts.Prefixed)
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

// xmlDecl reads an XML declaration that changes nothing, at the start of
// the input (after a byte order mark, if any): version 1.0, encoding UTF-8
// (or none), standalone yes or no, each at most once, in plain attribute
// form. Anything else (another PI, another encoding) is left to the
// decoder.
func (s *Scanner) xmlDecl() bool {
	const open = "<?xml"
	if s.i != 0 && !(s.i == 3 && bytes.HasPrefix(s.b, []byte("\xef\xbb\xbf"))) {
		return false
	}
	if len(s.b)-s.i < len(open)+1 || string(s.b[s.i:s.i+len(open)]) != open || !IsSpace(s.b[s.i+len(open)]) {
		return false
	}
	end := bytes.Index(s.b[s.i:min(len(s.b), s.i+256)], []byte("?>"))
	if end < 0 {
		return false
	}
	body := string(s.b[s.i+len(open) : s.i+end])
	seen := map[string]bool{}
	for _, f := range strings.Fields(body) {
		k, v, ok := strings.Cut(f, "=")
		if !ok || len(v) < 2 || (v[0] != '"' && v[0] != '\'') || v[len(v)-1] != v[0] || seen[k] {
			return false
		}
		seen[k] = true
		switch v = v[1 : len(v)-1]; {
		case k == "version" && v == "1.0":
		case k == "encoding" && strings.EqualFold(v, "utf-8"):
		case k == "standalone" && (v == "yes" || v == "no"):
		default:
			return false
		}
	}
	for _, c := range []byte(body) {
		if c == '\n' {
			s.line++
		} else if c >= utf8.RuneSelf || c < 0x20 && !IsSpace(c) {
			return false
		}
	}
	s.i += end + 2
	return true
}
