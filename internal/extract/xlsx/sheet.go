package xlsx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/xmltext"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// workbookReader holds what reading one workbook's sheets shares.
type workbookReader struct {
	ctx      context.Context
	p        *pkg
	info     *workbookInfo
	lim      limits.Limits
	path     string
	tree     *document.Tree
	date1904 bool
	sst      *sharedStrings
	styles   *styleSheet

	// cells counts non-empty cells read from the workbook (limits.cells).
	cells     int64
	cellsDone bool // limits.cells was hit; no more rows are read
	lists     []pendingList
	// dates interns the ISO text of date serials: a schedule repeats a few
	// hundred dates over many thousand rows.
	dates map[int64]string
}

// rawCell is one <c> element as written.
type rawCell struct {
	col     int   // 1-based
	style   int   // s attribute, 0 when absent
	typ     uint8 // t attribute, one of the typ* constants
	formula bool  // has an <f> child (shared-formula children included)
	// The <v> text, and the inline string's direct <t> and run <t> texts,
	// as offsets into sheetReader.buf.
	v, t, r span
}

type span struct{ from, to int32 }

// Cell types (the t attribute).
const (
	typNumber uint8 = iota // "n" or absent
	typShared              // "s"
	typStr                 // "str": a formula's string result
	typInline              // "inlineStr"
	typBool                // "b"
	typError               // "e"
	typDate                // "d": an ISO 8601 date written as text
	typOther               // anything else: read as text
)

func cellType(t []byte) uint8 {
	switch string(t) {
	case "", "n":
		return typNumber
	case "s":
		return typShared
	case "str":
		return typStr
	case "inlineStr":
		return typInline
	case "b":
		return typBool
	case "e":
		return typError
	case "d":
		return typDate
	}
	return typOther
}

// fastScan is cleared by tests to read every part through encoding/xml.
var fastScan = true

// colStyle is a <col min max style> range.
type colStyle struct{ min, max, style int }

// pendingValidation is a <dataValidation> (or x14 one) being read.
type pendingValidation struct {
	typ, sqref, formula string
}

// sheetReader reads one worksheet part, row by row, into document rows.
type sheetReader struct {
	wr    *workbookReader
	name  string
	sheet *document.Sheet
	tok   tokenizer
	stack []string

	colStyles []colStyle

	// The row being read.
	rowNum, rowOutline, rowStyle int
	rowHidden, inRow             bool
	cells                        []rawCell
	buf                          []byte // the row's value and inline texts
	texts                        []string
	rowStr                       string // s.buf as a string, for the row being emitted
	scratch                      []byte
	rowHasValue                  bool
	cell                         rawCell
	// Where character data goes: the cell's <v>, its inline string's <t>
	// or run <t>, a validation's formula or sqref.
	into int

	// What the sheet holds beyond cells.
	merges      []string
	validations []pendingValidation
	validation  *pendingValidation
	tableRIDs   []string
	// sheetDataDone is set once </sheetData> was read: an XML error after
	// it loses no rows.
	sheetDataDone bool

	lastValueRow int   // number of the last row with a cell value
	lastRow      int   // number of the last completed row
	stopped      bool  // a limit stopped the read (the fault is recorded)
	wellFormed   bool  // the part parsed as XML to its end
	tooDeep      bool  // nesting exceeded limits.xml_depth
	err          error // why the part is not well-formed
}

const (
	intoNone = iota
	intoV
	intoT
	intoR
	intoFormula
	intoSqref
)

// readSheet reads one sheet. Partial losses become tree faults; the error
// is only the context's, when the read is abandoned.
func (wr *workbookReader) readSheet(info sheetInfo) (document.Sheet, error) {
	name := info.name
	sheet := document.Sheet{Name: name, Rows: []document.Row{}}
	switch info.state {
	case "hidden":
		sheet.Hidden = true
	case "veryHidden":
		sheet.VeryHidden = true
	}
	sheetLoc := document.Loc{Path: wr.path, Sheet: name}
	data, ok := wr.p.parts[info.part]
	if !ok {
		wr.fault(document.ReadPartialLoss, sheetLoc, nil, "sheet %s: its part is missing from the package; its rows are lost", name)
		return sheet, nil
	}
	if !strings.HasPrefix(info.part, "xl/worksheets/") {
		return sheet, nil // chart, dialog or macro sheet: no cells
	}
	// Size the rows once (each <row> element is a hint; a sheet of many
	// empty styled rows only over-sizes it to a bound).
	sheet.Rows = make([]document.Row, 0, min(bytes.Count(data, []byte("<row ")), wr.lim.Rows, 1<<18))
	faults := len(wr.tree.Faults)
	cells, cellsDone := wr.cells, wr.cellsDone
	var tok tokenizer = newFastTokenizer(data)
	if !fastScan {
		tok = newStdTokenizer(data)
	}
	sr := &sheetReader{wr: wr, name: name, sheet: &sheet, tok: tok}
	err := sr.run()
	if errors.Is(err, xmltext.ErrUnusual) {
		// Read it again, whole, through encoding/xml.
		wr.tree.Faults = wr.tree.Faults[:faults]
		wr.cells, wr.cellsDone = cells, cellsDone
		sheet.Rows = sheet.Rows[:0]
		sr = &sheetReader{wr: wr, name: name, sheet: &sheet, tok: newStdTokenizer(data)}
		err = sr.run()
	}
	if err != nil {
		return sheet, err
	}
	if !sr.stopped {
		sr.checkTruncation()
	}
	wr.readSheetExtras(info, &sheet, sr)
	return sheet, nil
}

// run reads the part to its end, to a limit, or to an XML error. It
// returns xmltext.ErrUnusual when the fast scanner gave up (the caller starts
// again with encoding/xml) and the context's error when it ended.
func (s *sheetReader) run() error {
	maxDepth := s.wr.lim.XMLDepth
	for n := 0; ; n++ {
		if n&4095 == 0 {
			if err := s.wr.ctx.Err(); err != nil {
				return err
			}
		}
		t, err := s.tok.next()
		if errors.Is(err, xmltext.ErrUnusual) {
			return err
		}
		if errors.Is(err, io.EOF) {
			if len(s.stack) > 0 {
				s.err = fmt.Errorf("the part ends inside <%s>", s.stack[len(s.stack)-1])
				s.partialRow()
			} else {
				s.wellFormed = true
			}
			return nil
		}
		if err != nil {
			s.err = err
			s.partialRow()
			return nil
		}
		switch t.Kind {
		case xmltext.Start:
			s.stack = append(s.stack, t.Name)
			if len(s.stack) > maxDepth {
				s.tooDeep = true
				s.err = fmt.Errorf("elements nest deeper than %d", maxDepth)
				return nil
			}
			s.start(&t)
		case xmltext.CharData:
			s.text(t.Text)
		case xmltext.End:
			if len(s.stack) == 0 || s.stack[len(s.stack)-1] != t.Name {
				s.err = fmt.Errorf("unexpected </%s>", t.Name)
				return nil
			}
			s.stack = s.stack[:len(s.stack)-1]
			if !s.end(t.Name) {
				s.stopped = true
				return nil
			}
		}
	}
}

// partialRow keeps the cells read whole from a row the XML breaks in (the
// fault then says the row is where the loss starts).
func (s *sheetReader) partialRow() {
	if s.inRow {
		s.inRow = false
		s.emitRow()
	}
}

func (s *sheetReader) parent() string {
	if len(s.stack) > 1 {
		return s.stack[len(s.stack)-2]
	}
	return ""
}

func (s *sheetReader) start(t *xmltext.Token) {
	switch t.Name {
	case "col":
		if s.parent() != "cols" {
			return
		}
		var c colStyle
		for _, a := range t.Attrs {
			switch a.Name {
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
	case "row":
		if s.parent() != "sheetData" {
			return
		}
		s.rowNum, s.rowOutline, s.rowStyle, s.rowHidden = s.lastRow+1, 0, 0, false
		s.inRow = true
		s.cells, s.buf, s.rowHasValue = s.cells[:0], s.buf[:0], false
		for _, a := range t.Attrs {
			switch a.Name {
			case "r":
				if n := atoi(a.Value); n > 0 {
					s.rowNum = n
				}
			case "outlineLevel":
				s.rowOutline = atoi(a.Value)
			case "s":
				s.rowStyle = atoi(a.Value)
			case "hidden":
				s.rowHidden = xmlBool(a.Value)
			}
		}
	case "c":
		if s.parent() != "row" {
			return
		}
		col := 1
		if n := len(s.cells); n > 0 {
			col = s.cells[n-1].col + 1
		}
		s.cell = rawCell{col: col}
		for _, a := range t.Attrs {
			switch a.Name {
			case "r":
				if c := refColumn(a.Value); c > 0 {
					s.cell.col = c
				}
			case "s":
				s.cell.style = atoi(a.Value)
			case "t":
				s.cell.typ = cellType(a.Value)
			}
		}
	case "f":
		if s.parent() == "c" {
			s.cell.formula = true
		}
	case "v":
		if s.parent() == "c" {
			s.into = intoV
		}
	case "t":
		// An inline string's text: <is><t> or <is><r><t> (phonetic
		// <rPh><t> runs are not part of the value).
		n := len(s.stack)
		switch {
		case n >= 3 && s.stack[n-2] == "is" && s.stack[n-3] == "c":
			s.into = intoT
		case n >= 4 && s.stack[n-2] == "r" && s.stack[n-3] == "is" && s.stack[n-4] == "c":
			s.into = intoR
		}
	case "mergeCell":
		if ref := t.Attr("ref"); len(ref) > 0 {
			s.merges = append(s.merges, string(ref))
		}
	case "dataValidation":
		s.validation = &pendingValidation{typ: string(t.Attr("type")), sqref: string(t.Attr("sqref"))}
	case "formula1":
		if s.validation != nil && s.parent() == "dataValidation" {
			s.into = intoFormula
		}
	case "sqref":
		if s.validation != nil && s.parent() == "dataValidation" {
			s.validation.sqref = ""
			s.into = intoSqref
		}
	case "tablePart":
		if id := t.Attr("id"); len(id) > 0 {
			s.tableRIDs = append(s.tableRIDs, string(id))
		}
	}
}

func (s *sheetReader) text(b []byte) {
	switch s.into {
	case intoV:
		s.cell.v = s.appendSpan(s.cell.v, b)
	case intoT:
		s.cell.t = s.appendSpan(s.cell.t, b)
	case intoR:
		s.cell.r = s.appendSpan(s.cell.r, b)
	case intoFormula:
		s.validation.formula += string(b)
	case intoSqref:
		s.validation.sqref += string(b)
	}
}

// appendSpan adds b to the text sp holds; the texts of one cell are
// contiguous unless another text of the cell came between (then the
// earlier part is copied to the end).
func (s *sheetReader) appendSpan(sp span, b []byte) span {
	if sp.to != sp.from && int(sp.to) != len(s.buf) {
		from := len(s.buf)
		s.buf = append(s.buf, s.buf[sp.from:sp.to]...)
		sp = span{int32(from), int32(len(s.buf))}
	}
	if sp.to == sp.from {
		sp = span{int32(len(s.buf)), int32(len(s.buf))}
	}
	s.buf = append(s.buf, b...)
	sp.to = int32(len(s.buf))
	return sp
}

// end handles a closing tag; false stops the read (a limit was hit).
func (s *sheetReader) end(name string) bool {
	switch name {
	case "v", "t", "formula1":
		s.into = intoNone
	case "sqref":
		if s.into == intoSqref {
			s.into = intoNone
		}
	case "c":
		if len(s.stack) > 0 && s.stack[len(s.stack)-1] == "row" {
			s.cells = append(s.cells, s.cell)
			if s.cell.v.to > s.cell.v.from || s.cell.typ == typInline {
				s.rowHasValue = true
			}
		}
	case "row":
		if len(s.stack) > 0 && s.stack[len(s.stack)-1] == "sheetData" {
			s.inRow = false
			ok := s.emitRow()
			s.lastRow = s.rowNum
			if s.rowHasValue {
				s.lastValueRow = s.rowNum
			}
			return ok
		}
	case "dataValidation":
		if s.validation != nil {
			s.validations = append(s.validations, *s.validation)
			s.validation = nil
		}
	case "sheetData":
		s.sheetDataDone = true
	}
	return true
}

// emitRow turns the row just read into a document row, applying
// limits.columns, limits.rows and limits.cells. It returns false when a
// limit stops the read.
func (s *sheetReader) emitRow() bool {
	wr := s.wr
	if wr.cellsDone {
		return false
	}
	num := s.rowNum
	// The displayed text of each cell, trailing empty cells dropped.
	// One string holds the row's values and inline texts; cells take
	// substrings of it rather than a string each.
	s.rowStr = string(s.buf)
	texts := s.texts[:0]
	last := 0
	for i := range s.cells {
		t := s.cellText(&s.cells[i])
		texts = append(texts, t)
		if t != "" && s.cells[i].col > last {
			last = s.cells[i].col
		}
	}
	s.texts = texts
	if last == 0 {
		return true
	}
	name := s.name
	rowLoc := document.Loc{Path: wr.path, Sheet: name, Row: num}
	if last > wr.lim.Columns {
		wr.limitFault(limits.KeyColumns, rowLoc, nil,
			"sheet %s: row %d has more than limits.columns (%d) columns; the rest of the sheet is not read", name, num, wr.lim.Columns)
		return false
	}
	if len(s.sheet.Rows) >= wr.lim.Rows {
		wr.limitFault(limits.KeyRows, rowLoc, nil,
			"sheet %s has more than limits.rows (%d) rows; rows from row %d on are not read", name, wr.lim.Rows, num)
		return false
	}
	row := document.Row{Num: num, Hidden: s.rowHidden, OutlineLevel: s.rowOutline, Cells: make([]document.Cell, last)}
	for i := range s.cells {
		rc := &s.cells[i]
		if rc.col > last {
			continue
		}
		cell := &row.Cells[rc.col-1]
		*cell = document.Cell{}
		if texts[i] == "" {
			continue
		}
		wr.cells++
		if wr.cells > wr.lim.Cells {
			wr.cellsDone = true
			wr.limitFault(limits.KeyCells, rowLoc, nil,
				"the workbook has more than limits.cells (%d) cells; sheet %s is read up to row %d, later rows and sheets are not read",
				wr.lim.Cells, name, num-1)
			return false
		}
		s.typeCell(cell, rc, texts[i])
	}
	s.sheet.Rows = append(s.sheet.Rows, row)
	return true
}

func (s *sheetReader) bytes(sp span) []byte { return s.buf[sp.from:sp.to] }

// str is a span of the row being emitted as a string.
func (s *sheetReader) str(sp span) string { return s.rowStr[sp.from:sp.to] }

// cellText is the text a cell shows, before number formats: the shared or
// inline string, TRUE/FALSE, or the value as written.
func (s *sheetReader) cellText(rc *rawCell) string {
	switch rc.typ {
	case typShared:
		v := strings.TrimSpace(s.str(rc.v))
		if v == "" {
			return ""
		}
		i, err := strconv.Atoi(v)
		if err != nil {
			return ""
		}
		return s.wr.sst.get(i)
	case typInline:
		switch {
		case rc.t.to == rc.t.from && rc.r.to == rc.r.from:
			return s.str(rc.v)
		case rc.r.to == rc.r.from:
			return bstrDecode(s.str(rc.t))
		}
		return bstrDecode(s.str(rc.t) + s.str(rc.r))
	case typBool:
		switch string(s.bytes(rc.v)) {
		case "1":
			return "TRUE"
		case "0":
			return "FALSE"
		}
	}
	return s.str(rc.v)
}

// typeCell fills a non-empty cell: its kind and typed value, the text a
// number shows in its format, and the style facts the normalizers use.
func (s *sheetReader) typeCell(cell *document.Cell, rc *rawCell, text string) {
	wr := s.wr
	cell.Text = text
	si := wr.styles.get(s.styleOf(rc))
	cell.Style = si.style
	cell.Formula = rc.formula
	switch rc.typ {
	case typBool:
		cell.Kind = "bool"
		if strings.TrimSpace(string(s.bytes(rc.v))) == "1" {
			cell.Number = 1
		}
	case typError:
		cell.Kind = "error"
	case typShared, typStr, typInline, typOther:
		cell.Kind = "string"
	case typDate:
		cell.Kind = "string"
		if d, ok := isoDate(text); ok {
			cell.Kind, cell.Date = "date", d
		}
	default: // a number
		raw := strings.TrimSpace(text)
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			cell.Kind = "string"
			return
		}
		cell.Kind, cell.Number = "number", v
		// The text follows the cell's own style (row and column styles
		// only say whether it is a date, as excelize read them).
		own, styled := si, false
		if rc.style != s.styleOf(rc) {
			own = wr.styles.get(rc.style)
		}
		if rc.style > 0 && rc.style < wr.styles.count() {
			styled = true
		}
		if own.format == fmtNumber && own.code != "" {
			cell.Text = numberText(own.code, v, styled)
		} else {
			cell.Text, s.scratch = generalTextReusing(raw, v, styled, s.scratch)
		}
		switch {
		// A time-of-day format on a value of a day or more still shows a
		// moment in time; below one day it is a duration or clock time.
		case si.format == fmtDate || (si.format == fmtTimeOnly && v >= 1):
			if d, ok := wr.serialToISO(v); ok {
				cell.Kind, cell.Date = "date", d
				cell.Text = dateText(d, v, si.showsTime, si.seconds)
			}
		case si.format == fmtTimeOnly:
			cell.Text = dateText("", v, true, si.seconds)
		}
	}
}

// serialToISO is serialToISO with the workbook's date system, interning
// whole-day results.
func (wr *workbookReader) serialToISO(v float64) (string, bool) {
	day := int64(v)
	if float64(day) == v {
		if d, ok := wr.dates[day]; ok {
			return d, true
		}
	}
	d, ok := serialToISO(v, wr.date1904)
	if ok && float64(day) == v && len(wr.dates) < 100_000 {
		if wr.dates == nil {
			wr.dates = map[int64]string{}
		}
		wr.dates[day] = d
	}
	return d, ok
}

// styleOf returns the style that applies to a cell the way Excel resolves
// it: the cell's own, else its row's, else its column's.
func (s *sheetReader) styleOf(c *rawCell) int {
	if c.style > 0 {
		return c.style
	}
	if s.rowStyle > 0 {
		return s.rowStyle
	}
	for _, cs := range s.colStyles {
		if cs.min <= c.col && c.col <= cs.max {
			return cs.style
		}
	}
	return 0
}

// isoDate takes the date part of an ISO 8601 date or date-time.
func isoDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return "", false
	}
	if _, err := time.Parse(time.DateOnly, s[:10]); err != nil {
		return "", false
	}
	return s[:10], true
}

// checkTruncation reports a sheet part that is not well-formed to its end,
// and rows with values that were not read.
func (s *sheetReader) checkTruncation() {
	wr, name, sheet := s.wr, s.name, s.sheet
	lastRead := 0
	if n := len(sheet.Rows); n > 0 {
		lastRead = sheet.Rows[n-1].Num
	}
	switch {
	case s.tooDeep:
		wr.limitFault(limits.KeyXMLDepth, document.Loc{Path: wr.path, Sheet: name, Row: s.lastRow}, s.err,
			"sheet %s: the sheet XML nests deeper than limits.xml_depth (%d) after row %d; the rest of the sheet is not checked",
			name, wr.lim.XMLDepth, s.lastRow)
	case !s.wellFormed && s.sheetDataDone:
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name}, s.err,
			"sheet %s: the sheet XML is malformed after its cell data; merged cells, validations and tables of the sheet may be lost", name)
	case !s.wellFormed:
		after := s.lastRow
		if lastRead > 0 {
			after = min(after, lastRead)
		}
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name, Row: after}, s.err,
			"sheet %s: the sheet XML is truncated or malformed after row %d; rows after it are lost", name, after)
	case s.lastValueRow > lastRead:
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name, Row: lastRead}, nil,
			"sheet %s: the sheet XML has values up to row %d but only rows up to %d were read; rows after it are lost",
			name, s.lastValueRow, lastRead)
	}
}

// limitFault records the TG-LIMIT-001 fault of the limit named key.
func (wr *workbookReader) limitFault(key string, loc document.Loc, err error, format string, args ...any) {
	wr.tree.Faults = append(wr.tree.Faults, document.LimitFault(key, loc, err, format, args...))
}

func (wr *workbookReader) fault(rule string, loc document.Loc, err error, format string, args ...any) {
	wr.tree.Faults = append(wr.tree.Faults, document.Faultf(rule, loc, err, format, args...))
}

// atoi reads a non-negative decimal; anything else is 0.
func atoi(b []byte) int {
	if len(b) == 0 || len(b) > 9 {
		n, err := strconv.Atoi(string(b))
		if err != nil || n < 0 {
			return 0
		}
		return n
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// xmlBool is an xsd:boolean attribute.
func xmlBool(b []byte) bool {
	s := strings.TrimSpace(string(b))
	return s == "1" || s == "true"
}

// refColumn returns the 1-based column of an A1 reference ("AB12" → 28),
// or 0 when it does not start with letters.
func refColumn[T string | []byte](ref T) int {
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
