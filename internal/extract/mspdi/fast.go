package mspdi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

// fastMax bounds the files the fast scanner reads whole into memory; a
// larger file is streamed through encoding/xml.
const fastMax = 64 << 20

// maxNames bounds the interned element names: MSPDI has about two hundred,
// so a file with more is odd and its extra names are simply not interned.
const maxNames = 1024

// errUnusual says the fast scanner met something it leaves to encoding/xml.
var errUnusual = errors.New("mspdi: not plain element-only XML")

// readFast reads the file with the fast scanner. It returns the parser when
// the whole file was plain element-only XML that parsed without a fault,
// the context's error when the context ended, and (nil, nil) when the file
// must go through encoding/xml instead.
//
// The scanner accepts a strict subset of what encoding/xml accepts and
// hands the parser the same tokens RawToken would (local names, character
// data after entity and newline normalisation, the same line numbers), so
// a file it reads gives the same tree. Whatever it does not handle —
// comments, CDATA, DOCTYPE and other directives, processing instructions
// other than a UTF-8 XML declaration, prefixed element names, entities
// other than the five predefined ones, non-ASCII names or attribute values,
// any syntax error, any fault the parser raises (depth, root element) — is
// left to the decoder, which reads the file again from its first byte.
func readFast(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*parser, error) {
	b := make([]byte, size)
	if n, err := r.ReadAt(b, 0); int64(n) != size || (err != nil && !errors.Is(err, io.EOF)) {
		return nil, nil
	}
	p := newParser(ctx, path, lim)
	p.scan = &scanner{b: b, line: 1, names: map[string]string{}}
	// Size the task list once: growing a slice of wide raw tasks copies
	// them again and again. The count is only a capacity hint.
	hint := bytes.Count(b, []byte("<Task>"))
	if lim.Rows > 0 {
		hint = min(hint, lim.Rows)
	}
	p.raw.tasks = make([]rawTask, 0, hint)
	if err := p.runFast(); err != nil {
		if cerr := ctx.Err(); cerr != nil && errors.Is(err, cerr) {
			return nil, cerr
		}
		return nil, nil
	}
	p.scan = nil
	return p, nil
}

// runFast is run over the fast scanner.
func (p *parser) runFast() error {
	s := p.scan
	for n := 0; ; n++ {
		if n%checkEvery == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		if s.i >= len(s.b) {
			if len(p.stack) > 0 {
				return errUnusual
			}
			return nil
		}
		if s.b[s.i] != '<' {
			text, ok := s.text()
			if !ok {
				return errUnusual
			}
			p.charData(text)
			continue
		}
		if s.i+1 >= len(s.b) {
			return errUnusual
		}
		switch s.b[s.i+1] {
		case '/':
			name, ok := s.endTag()
			if !ok || len(p.stack) == 0 || p.stack[len(p.stack)-1] != name {
				return errUnusual
			}
			p.endElement(name)
		case '?':
			if !s.xmlDecl() {
				return errUnusual
			}
		case '!':
			return errUnusual
		default:
			name, empty, ok := s.startTag()
			if !ok {
				return errUnusual
			}
			if err := p.start(name); err != nil {
				return errUnusual
			}
			if empty {
				p.endElement(name)
			}
		}
	}
}

// scanner walks a whole file held in memory.
type scanner struct {
	b     []byte
	i     int // next byte to read
	line  int // 1 + the newlines before i, as the decoder counts
	names map[string]string
	buf   []byte // text that needed rewriting (entities, \r)
}

func isSpace(c byte) bool { return c == ' ' || c == '\r' || c == '\n' || c == '\t' }

// space skips the blanks the decoder skips inside tags.
func (s *scanner) space() {
	for s.i < len(s.b) && isSpace(s.b[s.i]) {
		if s.b[s.i] == '\n' {
			s.line++
		}
		s.i++
	}
}

// name reads an ASCII XML name without a colon and reports whether one was
// there, followed by a byte that can end it. colon allows one colon inside
// (an attribute such as xmlns:xsi, whose name is not kept).
func (s *scanner) name(colon bool) ([]byte, bool) {
	start := s.i
	if start >= len(s.b) {
		return nil, false
	}
	if c := s.b[start]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_') {
		return nil, false
	}
	colons := 0
	for s.i < len(s.b) {
		c := s.b[s.i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-' {
			s.i++
			continue
		}
		if c == ':' {
			colons++
			s.i++
			continue
		}
		break
	}
	if s.i >= len(s.b) || s.b[s.i] >= utf8.RuneSelf {
		return nil, false
	}
	n := s.b[start:s.i]
	if colons > 0 && (!colon || colons > 1 || n[len(n)-1] == ':') {
		return nil, false
	}
	return n, true
}

// intern returns the name as a string, shared between its occurrences.
func (s *scanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.names) < maxNames {
		s.names[v] = v
	}
	return v
}

// startTag reads "<name attr="v" ...>" or "<name .../>" at s.i.
func (s *scanner) startTag() (name string, empty, ok bool) {
	s.i++ // <
	n, ok := s.name(false)
	if !ok {
		return "", false, false
	}
	name = s.intern(n)
	for {
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
		if _, ok := s.name(true); !ok {
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
		for {
			if s.i >= len(s.b) {
				return "", false, false
			}
			c := s.b[s.i]
			s.i++
			if c == q {
				break
			}
			switch {
			case c == '\n':
				s.line++
			case c == '<' || c == '&' || c >= utf8.RuneSelf || c < 0x20 && c != '\t' && c != '\r':
				return "", false, false
			}
		}
	}
}

// endTag reads "</name>" (blanks allowed before the >) at s.i.
func (s *scanner) endTag() (string, bool) {
	s.i += 2 // </
	n, ok := s.name(false)
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

// text reads character data up to the next < or the end, rewriting the
// predefined entities and \r\n or \r to \n as the decoder does. It refuses
// (ok false) what the decoder would refuse or what this scanner leaves to
// it: character references, other entities, "]]>", bytes that are not
// XML characters or not UTF-8.
func (s *scanner) text() ([]byte, bool) {
	start := s.i
	rewritten := false
	s.buf = s.buf[:0]
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '<':
			return s.result(start, rewritten), true
		case c == '\n':
			s.line++
		case c == '\t' || (c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '\r' && c != '>'):
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
				s.line++
				s.i++
			}
			continue
		case c == '&':
			end := bytes.IndexByte(s.b[s.i+1:min(len(s.b), s.i+6)], ';')
			if end < 0 {
				return nil, false
			}
			r, ok := predefined[string(s.b[s.i+1:s.i+1+end])]
			if !ok {
				return nil, false
			}
			if !rewritten {
				s.buf = append(s.buf, s.b[start:s.i]...)
				rewritten = true
			}
			s.buf = append(s.buf, r)
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

func (s *scanner) result(start int, rewritten bool) []byte {
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

// xmlDecl reads an XML declaration that changes nothing: version 1.0 (or
// none), encoding UTF-8 (or none), any standalone, in plain attribute form.
// Anything else (another PI, another encoding) is left to the decoder.
func (s *scanner) xmlDecl() bool {
	const open = "<?xml"
	if len(s.b)-s.i < len(open)+1 || string(s.b[s.i:s.i+len(open)]) != open || !isSpace(s.b[s.i+len(open)]) {
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
		v = v[1 : len(v)-1]
		for _, c := range []byte(v) {
			if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == '_') {
				return false
			}
		}
		switch {
		case k == "version" && v == "1.0":
		case k == "encoding" && strings.EqualFold(v, "utf-8"):
		case k == "standalone":
		default:
			return false
		}
	}
	for _, c := range []byte(body) {
		if c == '\n' {
			s.line++
		} else if c >= utf8.RuneSelf || c < 0x20 && !isSpace(c) {
			return false
		}
	}
	s.i += end + 2
	return true
}
