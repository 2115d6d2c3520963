package xlsx

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// workbookReader holds what reading one workbook's sheets shares.
type workbookReader struct {
	ctx      context.Context
	f        *excelize.File
	p        *pkg
	info     *workbookInfo
	lim      limits.Limits
	path     string
	tree     *document.Tree
	date1904 bool

	// styles caches style id → what the reader needs from it: GetStyle
	// builds a whole Style value per call, and a 200k-row sheet uses a
	// handful of styles.
	styles map[int]styleInfo
	// cells counts non-empty cells read from the workbook (limits.cells).
	cells     int64
	cellsDone bool // limits.cells was hit; no more rows are read
	lists     []pendingList
}

type styleInfo struct {
	format fmtKind
	code   string // number format code ("" for General)
	// showsTime and seconds say whether a date/time format shows a clock.
	showsTime, seconds bool
	indent             int
	bold               bool
	font               string // set only for symbol fonts
}

// symbolFonts map letters to pictures: "P" in Wingdings 2 is a check mark
// (the GSA readiness checklist uses it), so the text alone misleads.
var symbolFonts = map[string]bool{
	"wingdings": true, "wingdings 2": true, "wingdings 3": true, "symbol": true, "webdings": true,
}

func (wr *workbookReader) style(id int) (si styleInfo) {
	if cached, ok := wr.styles[id]; ok {
		return cached
	}
	defer func() {
		// A style table excelize cannot index (a damaged styles.xml) costs
		// the formatting of the cells using it, not the workbook.
		if recover() != nil {
			si = styleInfo{}
		}
		wr.styles[id] = si
	}()
	st, err := wr.f.GetStyle(id)
	if err != nil || st == nil {
		return styleInfo{}
	}
	if st.CustomNumFmt != nil {
		si.code = *st.CustomNumFmt
		si.format = customFormatKind(si.code)
	} else {
		si.code = builtinFormatCodes[st.NumFmt]
		si.format = builtinFormatKind(st.NumFmt)
	}
	if si.format != fmtNumber {
		si.showsTime, si.seconds = formatShowsTime(si.code)
	}
	if st.Alignment != nil {
		si.indent = st.Alignment.Indent
	}
	if st.Font != nil {
		si.bold = st.Font.Bold
		if symbolFonts[strings.ToLower(strings.TrimSpace(st.Font.Family))] {
			si.font = st.Font.Family
		}
	}
	return si
}

// readSheet reads one sheet. Partial losses become tree faults; the error
// is only the context's, when the read is abandoned.
func (wr *workbookReader) readSheet(name string) (document.Sheet, error) {
	info := wr.info.sheetByName(name)
	sheet := document.Sheet{Name: name, Rows: []document.Row{}}
	switch info.state {
	case "hidden":
		sheet.Hidden = true
	case "veryHidden":
		sheet.VeryHidden = true
	default:
		if visible, err := wr.f.GetSheetVisible(name); err == nil && !visible {
			sheet.Hidden = true
		}
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

	stream := newSheetStream(data, wr.lim.XMLDepth)
	pipe := startPipe(stream)
	defer pipe.stop()
	complete, err := wr.readRows(name, &sheet, pipe)
	if err != nil {
		return sheet, err
	}
	if complete {
		pipe.finish()
		wr.checkTruncation(name, &sheet, stream)
	} else {
		pipe.stop()
	}
	wr.readSheetExtras(name, &sheet, stream)
	return sheet, nil
}

// readRows iterates the sheet with excelize's streaming row reader. It
// reports complete=false when a limit or an iterator error stopped it
// early (the fault is already recorded).
func (wr *workbookReader) readRows(name string, sheet *document.Sheet, stream *rowPipe) (complete bool, err error) {
	sheetLoc := document.Loc{Path: wr.path, Sheet: name}
	if wr.cellsDone {
		return false, nil
	}
	rows, err := wr.f.Rows(name)
	if err != nil {
		wr.fault(document.ReadPartialLoss, sheetLoc, err, "sheet %s cannot be read; its rows are lost", name)
		return false, nil
	}
	defer rows.Close()

	num := 0 // the iterator yields every row number, empty rows included
	for rows.Next() {
		num++
		if num%512 == 0 {
			if err := wr.ctx.Err(); err != nil {
				return false, err
			}
		}
		raw := stream.rowAt(num)
		// Rows with date-formatted numbers are read raw and rendered here
		// (see text.go: excelize's date formatting is far too slow).
		rawText := raw != nil && wr.hasDateCells(raw, stream)
		var texts []string
		if rawText {
			texts, err = rows.Columns(excelize.Options{RawCellValue: true})
		} else {
			texts, err = rows.Columns()
		}
		if err != nil {
			wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name, Row: num}, err,
				"sheet %s: row %d cannot be read; rows from it on are lost", name, num)
			return false, nil
		}
		last := len(texts)
		for last > 0 && texts[last-1] == "" {
			last--
		}
		if last == 0 {
			continue
		}
		rowLoc := document.Loc{Path: wr.path, Sheet: name, Row: num}
		if last > wr.lim.Columns {
			wr.limitFault(limits.KeyColumns, rowLoc, nil,
				"sheet %s: row %d has more than limits.columns (%d) columns; the rest of the sheet is not read", name, num, wr.lim.Columns)
			return false, nil
		}
		if len(sheet.Rows) >= wr.lim.Rows {
			wr.limitFault(limits.KeyRows, rowLoc, nil,
				"sheet %s has more than limits.rows (%d) rows; rows from row %d on are not read", name, wr.lim.Rows, num)
			return false, nil
		}
		row := document.Row{Num: num, Hidden: rows.GetRowOpts().Hidden, Cells: make([]document.Cell, last)}
		if raw != nil {
			row.OutlineLevel = raw.outline
		}
		rawIdx := 0
		for i, text := range texts[:last] {
			col := i + 1
			cell := &row.Cells[i]
			cell.Text = text
			cell.Loc = document.Loc{Path: wr.path, Sheet: name, Row: num, Cell: cellRef(col, num)}
			if text == "" {
				continue
			}
			wr.cells++
			if wr.cells > wr.lim.Cells {
				wr.cellsDone = true
				wr.limitFault(limits.KeyCells, rowLoc, nil,
					"the workbook has more than limits.cells (%d) cells; sheet %s is read up to row %d, later rows and sheets are not read",
					wr.lim.Cells, name, num-1)
				return false, nil
			}
			var rc *rawCell
			if raw != nil {
				for rawIdx < len(raw.cells) && raw.cells[rawIdx].col < col {
					rawIdx++
				}
				if rawIdx < len(raw.cells) && raw.cells[rawIdx].col == col {
					rc = &raw.cells[rawIdx]
				}
			}
			wr.typeCell(cell, raw, rc, stream, rawText)
		}
		sheet.Rows = append(sheet.Rows, row)
	}
	if err := rows.Error(); err != nil {
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name, Row: num}, err,
			"sheet %s: reading stopped after row %d; rows after it are lost", name, num)
		return false, nil
	}
	return true, nil
}

// typeCell fills the typed value of a non-empty cell from its raw XML.
// Without the raw cell (the row was not found in the stream, e.g. past a
// point where the XML breaks) the cell is kept as text.
func (wr *workbookReader) typeCell(cell *document.Cell, row *rawRow, rc *rawCell, stream *rowPipe, rawText bool) {
	if rc == nil {
		cell.Kind = "string"
		return
	}
	si := wr.style(stream.styleOf(row, *rc))
	cell.Indent, cell.Bold, cell.Font = si.indent, si.bold, si.font
	cell.Formula = rc.formula
	switch rc.typ {
	case "b":
		cell.Kind = "bool"
		if strings.TrimSpace(rc.value) == "1" {
			cell.Number = 1
		}
		if rawText {
			cell.Text = "FALSE"
			if cell.Number == 1 {
				cell.Text = "TRUE"
			}
		}
	case "e":
		cell.Kind = "error"
	case "s", "str", "inlineStr":
		cell.Kind = "string"
	case "d":
		// An ISO 8601 date-time written as text.
		cell.Kind = "string"
		if d, ok := isoDate(rc.value); ok {
			cell.Kind, cell.Date = "date", d
		}
	default: // "n" or absent: a number
		v, err := strconv.ParseFloat(strings.TrimSpace(rc.value), 64)
		if err != nil {
			cell.Kind = "string"
			return
		}
		cell.Kind, cell.Number = "number", v
		if rawText {
			cell.Text = numberText(si.code, rc.value, v)
		}
		switch {
		// A time-of-day format on a value of a day or more still shows a
		// moment in time; below one day it is a duration or clock time.
		case si.format == fmtDate || (si.format == fmtTimeOnly && v >= 1):
			if d, ok := serialToISO(v, wr.date1904); ok {
				cell.Kind, cell.Date = "date", d
				if rawText {
					cell.Text = dateText(d, v, si.showsTime, si.seconds)
				}
			}
		case si.format == fmtTimeOnly && rawText:
			cell.Text = dateText("", v, true, si.seconds)
		}
	}
}

// hasDateCells reports whether a row holds a number with a date or time
// format.
func (wr *workbookReader) hasDateCells(row *rawRow, stream *rowPipe) bool {
	for _, c := range row.cells {
		if (c.typ == "" || c.typ == "n") && c.value != "" && wr.style(stream.styleOf(row, c)).format != fmtNumber {
			return true
		}
	}
	return false
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

// checkTruncation compares what the iterator yielded with the raw part
// (read to its end by pipe.finish).
func (wr *workbookReader) checkTruncation(name string, sheet *document.Sheet, stream *sheetStream) {
	lastRead := 0
	if n := len(sheet.Rows); n > 0 {
		lastRead = sheet.Rows[n-1].Num
	}
	switch {
	case stream.tooDeep:
		wr.limitFault(limits.KeyXMLDepth, document.Loc{Path: wr.path, Sheet: name, Row: stream.lastRow}, stream.err,
			"sheet %s: the sheet XML nests deeper than limits.xml_depth (%d) after row %d; the rest of the sheet is not checked",
			name, wr.lim.XMLDepth, stream.lastRow)
	case !stream.wellFormed && stream.sheetDataDone:
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name}, stream.err,
			"sheet %s: the sheet XML is malformed after its cell data; merged cells, validations and tables of the sheet may be lost", name)
	case !stream.wellFormed:
		// The last complete <row> is the last row known to be whole (the
		// iterator may have yielded part of the next one).
		after := stream.lastRow
		if lastRead > 0 {
			after = min(after, lastRead)
		}
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name, Row: after}, stream.err,
			"sheet %s: the sheet XML is truncated or malformed after row %d; rows after it are lost", name, after)
	case stream.lastValueRow > lastRead:
		// Rows past the last one read only count as lost when they hold
		// values: Excel writes many styled empty rows.
		wr.fault(document.ReadPartialLoss, document.Loc{Path: wr.path, Sheet: name, Row: lastRead}, nil,
			"sheet %s: the sheet XML has values up to row %d but only rows up to %d were read; rows after it are lost",
			name, stream.lastValueRow, lastRead)
	}
}

// limitFault records the TG-LIMIT-001 fault of the limit named key.
func (wr *workbookReader) limitFault(key string, loc document.Loc, err error, format string, args ...any) {
	wr.tree.Faults = append(wr.tree.Faults, document.LimitFault(key, loc, err, format, args...))
}

func (wr *workbookReader) fault(rule string, loc document.Loc, err error, format string, args ...any) {
	wr.tree.Faults = append(wr.tree.Faults, document.Faultf(rule, loc, err, format, args...))
}

// cellRef is excelize.CoordinatesToCellName without the error: col and
// row come from the iterator and are always in range.
func cellRef(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return ""
	}
	return ref
}
