package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// The reader walks each worksheet part twice in step: excelize's row
// iterator gives the displayed text (number formats applied, shared and
// rich strings resolved), and sheetStream, a raw token reader over the same
// bytes, gives what the iterator hides: each cell's type, style id, formula
// presence and raw value, each row's outline level, and whether the part
// is well-formed to its end.
//
// Why not excelize's per-cell getters (GetCellType, GetCellStyle,
// GetCellValue, GetCellFormula)? Each loads the whole sheet into a dense
// DOM (one struct per row up to the last row and per column up to each
// row's last cell: a few stray cells at XFD1048576 cost gigabytes), each
// call re-decodes the entire part when the XML is malformed (quadratic on a
// truncated sheet), and each one redirects a cell inside a merged range to
// the range's top-left cell. The stream costs one more tokenizer pass and
// O(one row) of memory.

// rawCell is one <c> element as written.
type rawCell struct {
	col     int    // 1-based
	style   int    // s attribute, 0 when absent
	typ     string // t attribute: "", "n", "s", "str", "inlineStr", "b", "e", "d"
	formula bool   // has an <f> child (shared-formula children included)
	value   string // <v> text
}

// rawRow is one <row> element as written.
type rawRow struct {
	num     int // r, or the previous row's number + 1
	outline int
	style   int // s attribute (applies to cells without their own style)
	cells   []rawCell
}

// colStyle is a <col min max style> range.
type colStyle struct{ min, max, style int }

// sheetStream reads a worksheet part row by row.
type sheetStream struct {
	dec      *xml.Decoder
	maxDepth int
	stack    []string

	inSheetData bool
	colStyles   []colStyle

	cur     rawRow // row being built
	cell    rawCell
	inValue bool

	// What the sheet holds beyond cells: excelize's getters for these load
	// the whole sheet as a DOM, so they are only called when needed.
	hasMerges, hasValidations, hasTables bool
	// dense estimates that DOM's size: rows up to the last one plus, per
	// row, columns up to its last cell.
	dense int64
	// sheetDataDone is set once </sheetData> was read: an XML error after
	// it loses no rows.
	sheetDataDone bool

	rowElems     int // <row> elements completed inside <sheetData>
	lastValueRow int // number of the last row with a cell value
	rowHasValue  bool
	lastRow      int   // number of the last completed row
	done         bool  // the part was read to its end or to an error
	wellFormed   bool  // the part parsed as XML to its end
	tooDeep      bool  // nesting exceeded maxDepth
	err          error // why the part is not well-formed
}

func newSheetStream(data []byte, maxDepth int) *sheetStream {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return &sheetStream{dec: d, maxDepth: maxDepth}
}

// next returns the next complete row inside <sheetData>, or nil at the end
// of the part or at the first XML error. The returned row (and its cells
// slice) is only valid until the following call.
func (s *sheetStream) next() *rawRow {
	for !s.done {
		tok, err := s.dec.RawToken()
		if errors.Is(err, io.EOF) {
			s.done = true
			if len(s.stack) > 0 {
				s.err = fmt.Errorf("the part ends inside <%s>", s.stack[len(s.stack)-1])
			} else {
				s.wellFormed = true
			}
			return nil
		}
		if err != nil {
			s.done, s.err = true, err
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.stack = append(s.stack, t.Name.Local)
			if len(s.stack) > s.maxDepth {
				s.done, s.tooDeep = true, true
				s.err = fmt.Errorf("elements nest deeper than %d", s.maxDepth)
				return nil
			}
			s.start(t)
		case xml.CharData:
			if s.inValue {
				s.cell.value += string(t)
			}
		case xml.EndElement:
			if len(s.stack) == 0 || s.stack[len(s.stack)-1] != t.Name.Local {
				s.done = true
				s.err = fmt.Errorf("unexpected </%s>", t.Name.Local)
				return nil
			}
			s.stack = s.stack[:len(s.stack)-1]
			if row := s.end(t.Name.Local); row != nil {
				return row
			}
		}
	}
	return nil
}

func (s *sheetStream) start(t xml.StartElement) {
	parent := ""
	if len(s.stack) > 1 {
		parent = s.stack[len(s.stack)-2]
	}
	switch {
	case t.Name.Local == "col" && parent == "cols":
		var c colStyle
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "min":
				c.min = atoi(a.Value)
			case "max":
				c.max = atoi(a.Value)
			case "style":
				c.style = atoi(a.Value)
			}
		}
		if c.style > 0 {
			s.colStyles = append(s.colStyles, c)
		}
	case t.Name.Local == "sheetData":
		s.inSheetData = true
	case t.Name.Local == "row" && parent == "sheetData":
		cells := s.cur.cells[:0]
		s.cur = rawRow{num: s.lastRow + 1, cells: cells}
		s.rowHasValue = false
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "r":
				if n := atoi(a.Value); n > 0 {
					s.cur.num = n
				}
			case "outlineLevel":
				s.cur.outline = atoi(a.Value)
			case "s":
				s.cur.style = atoi(a.Value)
			}
		}
	case t.Name.Local == "c" && parent == "row":
		col := 1
		if n := len(s.cur.cells); n > 0 {
			col = s.cur.cells[n-1].col + 1
		}
		s.cell = rawCell{col: col}
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "r":
				if c := refColumn(a.Value); c > 0 {
					s.cell.col = c
				}
			case "s":
				s.cell.style = atoi(a.Value)
			case "t":
				s.cell.typ = a.Value
			}
		}
	case t.Name.Local == "mergeCell":
		s.hasMerges = true
	case t.Name.Local == "dataValidation":
		s.hasValidations = true
	case t.Name.Local == "tablePart":
		s.hasTables = true
	case t.Name.Local == "f" && parent == "c":
		s.cell.formula = true
	case t.Name.Local == "v" && parent == "c":
		s.inValue = true
	}
}

// end handles a closing tag and returns the row it completes, if any.
func (s *sheetStream) end(name string) *rawRow {
	parent := ""
	if len(s.stack) > 0 {
		parent = s.stack[len(s.stack)-1]
	}
	switch {
	case name == "v":
		s.inValue = false
	case name == "c" && parent == "row":
		s.cur.cells = append(s.cur.cells, s.cell)
		if s.cell.value != "" || s.cell.typ == "inlineStr" {
			s.rowHasValue = true
		}
	case name == "row" && parent == "sheetData":
		s.rowElems++
		s.dense += int64(max(s.cur.num-s.lastRow, 1))
		if n := len(s.cur.cells); n > 0 {
			s.dense += int64(s.cur.cells[n-1].col)
		}
		s.lastRow = s.cur.num
		if s.rowHasValue {
			s.lastValueRow = s.cur.num
			s.rowHasValue = false
		}
		return &s.cur
	case name == "sheetData":
		s.inSheetData = false
		s.sheetDataDone = true
	}
	return nil
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// refColumn returns the 1-based column of an A1 reference ("AB12" → 28),
// or 0 when it does not start with letters.
func refColumn(ref string) int {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > 1<<20 {
			return 0
		}
	}
	return col
}

// rowPipe runs a sheetStream on its own goroutine, so the raw pass costs
// wall time only where it is slower than excelize's iterator running on
// the reader's goroutine. Rows travel in batches; the stream's counters are
// read only after the producer has finished (finish or stop).
type rowPipe struct {
	s       *sheetStream
	batches chan rowBatch
	quit    chan struct{}
	stopped bool

	cur     rowBatch
	idx     int
	pending *rawRow // look-ahead row not yet asked for
	cols    []colStyle
}

type rowBatch struct {
	rows []rawRow
	// cols is the <cols> styles seen so far, capped so the producer's
	// later appends never touch what the consumer reads.
	cols []colStyle
}

const pipeBatch = 256

func startPipe(s *sheetStream) *rowPipe {
	p := &rowPipe{s: s, batches: make(chan rowBatch, 4), quit: make(chan struct{})}
	go p.produce()
	return p
}

func (p *rowPipe) produce() {
	defer close(p.batches)
	batch := make([]rawRow, 0, pipeBatch)
	send := func() bool {
		b := rowBatch{rows: batch, cols: p.s.colStyles[:len(p.s.colStyles):len(p.s.colStyles)]}
		select {
		case p.batches <- b:
			batch = make([]rawRow, 0, pipeBatch)
			return true
		case <-p.quit:
			return false
		}
	}
	for r := p.s.next(); r != nil; r = p.s.next() {
		row := *r
		row.cells = append([]rawCell(nil), r.cells...)
		batch = append(batch, row)
		if len(batch) == pipeBatch && !send() {
			return
		}
	}
	if len(batch) > 0 {
		send()
	}
}

// nextRow returns the next row from the producer, or nil at the end.
func (p *rowPipe) nextRow() *rawRow {
	for p.idx >= len(p.cur.rows) {
		b, ok := <-p.batches
		if !ok {
			return nil
		}
		p.cur, p.idx, p.cols = b, 0, b.cols
	}
	p.idx++
	return &p.cur.rows[p.idx-1]
}

// rowAt returns the row numbered num if the part has one, advancing past
// lower-numbered rows; it returns nil when the part has no such row (the
// look-ahead row, if any, is kept for a later call).
func (p *rowPipe) rowAt(num int) *rawRow {
	for p.pending == nil || p.pending.num < num {
		r := p.nextRow()
		if r == nil {
			return nil
		}
		p.pending = r
	}
	if p.pending.num == num {
		return p.pending
	}
	return nil
}

// finish reads the rest of the part, so the stream's counters describe
// all of it.
func (p *rowPipe) finish() {
	for range p.batches {
	}
}

// stop ends the producer early and waits for it; safe to call twice.
func (p *rowPipe) stop() {
	if !p.stopped {
		p.stopped = true
		close(p.quit)
	}
	for range p.batches {
	}
}

// styleOf returns the style that applies to a cell the way Excel resolves
// it: the cell's own, else its row's, else its column's.
func (p *rowPipe) styleOf(row *rawRow, c rawCell) int {
	if c.style > 0 {
		return c.style
	}
	if row.style > 0 {
		return row.style
	}
	for _, cs := range p.cols {
		if cs.min <= c.col && c.col <= cs.max {
			return cs.style
		}
	}
	return 0
}
