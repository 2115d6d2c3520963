// Package xmltext is the readers' fast XML scanner (Scanner: Excel sheets
// and shared strings, MS Project XML) and its parts: reading character
// data the way encoding/xml's RawToken reads it, and the XML character and
// space classes. The scanner accepts a strict subset of XML and leaves the
// rest to encoding/xml (the readers' fuzz targets check they agree); what
// is here refuses (ok false, ErrUnusual) whatever encoding/xml would
// refuse or read otherwise.
package xmltext

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// IsSpace is XML white space, as the decoder skips it inside tags.
func IsSpace(c byte) bool { return c == ' ' || c == '\r' || c == '\n' || c == '\t' }

// IsChar is the XML Char production, as encoding/xml checks it.
func IsChar(r rune) bool {
	return r == 0x09 ||
		r == 0x0A ||
		r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// predefined are the entities XML defines without a DTD.
var predefined = map[string]byte{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// Text reads character data, keeping the buffer it rewrites into from one
// call to the next.
type Text struct {
	buf []byte
}

// Read reads the character data of b from i up to the next '<' or the end
// of b, rewriting the predefined entities — and character references when
// charRefs — and \r\n or \r to \n, as the decoder does. It returns the
// text (b's own bytes when nothing needed rewriting, else the reader's
// buffer: valid until the next Read), the index after it and the newlines
// (\n bytes) it passed, the way the decoder counts lines. It refuses "]]>",
// other entities, malformed references, bytes that are not XML characters
// or not UTF-8.
func (t *Text) Read(b []byte, i int, charRefs bool) (text []byte, next, newlines int, ok bool) {
	start := i
	rewritten := false
	t.buf = t.buf[:0]
	result := func() []byte {
		if rewritten {
			return t.buf
		}
		return b[start:i]
	}
	for i < len(b) {
		c := b[i]
		switch {
		case c == '<':
			return result(), i, newlines, true
		case c == '\n':
			newlines++
		case c == '\t' || (c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '>'):
		case c == '>':
			if i-start >= 2 && b[i-1] == ']' && b[i-2] == ']' {
				return nil, i, newlines, false
			}
		case c == '\r':
			if !rewritten {
				t.buf = append(t.buf, b[start:i]...)
				rewritten = true
			}
			t.buf = append(t.buf, '\n')
			i++
			if i < len(b) && b[i] == '\n' {
				newlines++
				i++
			}
			continue
		case c == '&':
			end := bytes.IndexByte(b[i+1:min(len(b), i+12)], ';')
			if end < 0 {
				return nil, i, newlines, false
			}
			ref := b[i+1 : i+1+end]
			if !rewritten {
				t.buf = append(t.buf, b[start:i]...)
				rewritten = true
			}
			if r, ok := predefined[string(ref)]; ok {
				t.buf = append(t.buf, r)
			} else if r, ok := CharRef(ref); ok && charRefs {
				t.buf = utf8.AppendRune(t.buf, r)
			} else {
				return nil, i, newlines, false
			}
			i += end + 2
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 || !IsChar(r) {
				return nil, i, newlines, false
			}
			if rewritten {
				t.buf = append(t.buf, b[i:i+size]...)
			}
			i += size
			continue
		default: // a control character
			return nil, i, newlines, false
		}
		if rewritten {
			t.buf = append(t.buf, c)
		}
		i++
	}
	return result(), i, newlines, true
}

// CharRef decodes "#38" or "#x26" (a character reference without its & and
// ;) the way encoding/xml does, refusing what it would refuse.
func CharRef(ref []byte) (rune, bool) {
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
	if err != nil || n > utf8.MaxRune || !IsChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// maxNames bounds the interned names: the formats read have a few hundred,
// so a part with more is odd and its extra names are simply not interned.
const maxNames = 1024

// Names interns element and attribute names: one string per distinct name.
type Names struct {
	m map[string]string
}

// Intern returns b as a string, shared with its other occurrences.
func (n *Names) Intern(b []byte) string {
	if v, ok := n.m[string(b)]; ok {
		return v
	}
	v := string(b)
	if n.m == nil {
		n.m = make(map[string]string, 64)
	}
	if len(n.m) < maxNames {
		n.m[v] = v
	}
	return v
}
