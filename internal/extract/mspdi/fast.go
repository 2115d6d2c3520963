package mspdi

import (
	"bytes"
	"context"
	"errors"
	"io"

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
// The scanner (xmltext.Scanner) accepts a strict subset of what
// encoding/xml accepts and hands the parser the same tokens RawToken would
// (names, character data after entity and newline normalisation, the same
// line numbers), so a file it reads gives the same tree. Whatever it does
// not handle — comments, CDATA, DOCTYPE and other directives, processing
// instructions other than a UTF-8 XML declaration, prefixed element names,
// character references and entities other than the five predefined ones,
// non-ASCII names or attribute values, any syntax error — and any fault
// the parser raises (depth, root element) is left to the decoder, which
// reads the file again from its first byte.
func readFast(ctx context.Context, r io.ReaderAt, size int64, path string, lim limits.Limits) (*parser, error) {
	b := make([]byte, size)
	if n, err := r.ReadAt(b, 0); int64(n) != size || (err != nil && !errors.Is(err, io.EOF)) {
		return nil, nil
	}
	p := newParser(ctx, path, lim)
	// Element names without a prefix; character references are left to
	// the decoder.
	p.scan = xmltext.NewScanner(b, xmltext.Options{})
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
		t, err := s.Next()
		if errors.Is(err, io.EOF) {
			if len(p.stack) > 0 {
				return errUnusual
			}
			return nil
		}
		if err != nil {
			return errUnusual
		}
		switch t.Kind {
		case xmltext.CharData:
			p.charData(t.Text)
		case xmltext.End:
			if len(p.stack) == 0 || p.stack[len(p.stack)-1] != t.Name {
				return errUnusual
			}
			p.endElement(t.Name)
		case xmltext.Start:
			if err := p.start(t.Name); err != nil {
				return errUnusual
			}
		}
	}
}
