package mspdi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/internal/extract/xmltext"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// fastMax bounds the files the fast scanner reads whole into memory; a
// larger file is streamed through encoding/xml.
const fastMax = 64 << 20

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
	p.scan = &scanner{b: b, line: 1}
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
			// Character references are left to the decoder.
			text, next, newlines, ok := s.text.Read(s.b, s.i, false)
			if !ok {
				return errUnusual
			}
			s.i, s.line = next, s.line+newlines
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
	names xmltext.Names
	text  xmltext.Text
}

// space skips the blanks the decoder skips inside tags.
func (s *scanner) space() {
	for s.i < len(s.b) && xmltext.IsSpace(s.b[s.i]) {
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

// startTag reads "<name attr="v" ...>" or "<name .../>" at s.i.
func (s *scanner) startTag() (name string, empty, ok bool) {
	s.i++ // <
	n, ok := s.name(false)
	if !ok {
		return "", false, false
	}
	name = s.names.Intern(n)
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
	name := s.names.Intern(n)
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '>' {
		return "", false
	}
	s.i++
	return name, true
}

// xmlDecl reads an XML declaration that changes nothing: version 1.0 (or
// none), encoding UTF-8 (or none), any standalone, in plain attribute form.
// Anything else (another PI, another encoding) is left to the decoder.
func (s *scanner) xmlDecl() bool {
	const open = "<?xml"
	if len(s.b)-s.i < len(open)+1 || string(s.b[s.i:s.i+len(open)]) != open || !xmltext.IsSpace(s.b[s.i+len(open)]) {
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
		} else if c >= utf8.RuneSelf || c < 0x20 && !xmltext.IsSpace(c) {
			return false
		}
	}
	s.i += end + 2
	return true
}
