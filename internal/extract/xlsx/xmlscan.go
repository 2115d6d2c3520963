package xlsx

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/internal/extract/xmltext"
)

// The sheet and shared-strings parts are read through a tokenizer: the
// readers' fast scanner (xmltext.Scanner, with prefixed names and
// character references) over the part's bytes, with encoding/xml as the
// fallback. When the scanner meets something it leaves to encoding/xml it
// stops with xmltext.ErrUnusual, and the caller reads the part again from
// its first byte with encoding/xml, so a part gives the same result either
// way (FuzzScanner checks this). A part that is not well-formed is always
// read through encoding/xml, whose errors say where it breaks.

// tokenizer yields tokens until io.EOF or an error.
type tokenizer interface {
	next() (xmltext.Token, error)
}

// fastTokenizer is the fast scanner as a tokenizer.
type fastTokenizer struct{ s *xmltext.Scanner }

func newFastTokenizer(b []byte) fastTokenizer {
	return fastTokenizer{xmltext.NewScanner(b, xmltext.Options{Prefixed: true, CharRefs: true})}
}

func (f fastTokenizer) next() (xmltext.Token, error) { return f.s.Next() }

// stdTokenizer is encoding/xml's RawToken in strict mode: no DTD, no
// entities beyond the predefined ones.
type stdTokenizer struct {
	d     *xml.Decoder
	attrs []xmltext.Attr
}

func newStdTokenizer(b []byte) *stdTokenizer {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	return &stdTokenizer{d: d}
}

func (s *stdTokenizer) next() (xmltext.Token, error) {
	for {
		tok, err := s.d.RawToken()
		if err != nil {
			return xmltext.Token{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.attrs = s.attrs[:0]
			for _, a := range t.Attr {
				s.attrs = append(s.attrs, xmltext.Attr{Name: a.Name.Local, Value: []byte(a.Value)})
			}
			return xmltext.Token{Kind: xmltext.Start, Name: t.Name.Local, Attrs: s.attrs}, nil
		case xml.EndElement:
			return xmltext.Token{Kind: xmltext.End, Name: t.Name.Local}, nil
		case xml.CharData:
			return xmltext.Token{Kind: xmltext.CharData, Text: t}, nil
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
