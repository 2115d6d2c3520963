// Package csv reads a CSV file into a one-sheet document.Tree, so the
// normalizer treats it like a worksheet (a risk register or RACI exported
// from a tracker).
package csv

import (
	"bytes"
	"context"
	encsv "encoding/csv"
	"errors"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/textfile"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Read reads a CSV file. The delimiter (comma, semicolon or tab) is sniffed
// from the first lines; a UTF-8 BOM is dropped; bytes that are not UTF-8
// are decoded as Windows-1252 (what Excel writes for "CSV" on Windows) and
// a note says so.
//
// Row.Num is the record number, which is the line number unless a quoted
// field spans lines; Loc.Line always holds the physical line of the field.
// Cells carry Kind "number" when the text is a plain decimal number, else
// "string"; dates are left to the normalizer.
func Read(ctx context.Context, r io.ReaderAt, size int64, name string, lim limits.Limits) (*document.Tree, error) {
	b, err := textfile.Load(r, size, lim)
	if err != nil {
		return nil, err
	}
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	sheetName := strings.TrimSuffix(base, path.Ext(base))
	t := &document.Tree{Path: name, Format: document.FormatCSV}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(b) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot decode the file as text")
		}
		b = dec
		t.Notes = append(t.Notes, "the file is not UTF-8; it was read as Windows-1252")
	}

	cr := encsv.NewReader(bytes.NewReader(b))
	cr.Comma = sniffDelimiter(b)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	sheet := document.Sheet{Name: sheetName, Rows: []document.Row{}}
	var cells int64
	limit := func(key, format string, args ...any) {
		t.Faults = append(t.Faults, document.LimitFault(key, document.Loc{Sheet: sheetName}, nil, format, args...))
	}
	colCapped := false
	for rec := 1; ; rec++ {
		if rec%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *encsv.ParseError
			loc := document.Loc{Sheet: sheetName}
			if errors.As(err, &pe) {
				loc.Line = pe.Line
			}
			return nil, document.Faultf(document.ReadCorrupt, loc, err, "malformed CSV at line %d: %v", loc.Line, err)
		}
		if rec > lim.Rows {
			limit(limits.KeyRows, "the file has more than %d records; the rest were not read (limits.rows)", lim.Rows)
			break
		}
		if len(fields) > lim.Columns {
			if !colCapped {
				colCapped = true
				line, _ := cr.FieldPos(0)
				limit(limits.KeyColumns, "record at line %d has %d fields; only the first %d were read (limits.columns)", line, len(fields), lim.Columns)
			}
			fields = fields[:lim.Columns]
		}
		// Trailing empty fields are not cells (Row contract); a record of
		// only empty fields is not a row.
		n := len(fields)
		for n > 0 && strings.TrimSpace(fields[n-1]) == "" {
			n--
		}
		if n == 0 {
			continue
		}
		if cells+int64(n) > lim.Cells {
			limit(limits.KeyCells, "the file has more than %d cells; records from line %d on were not read (limits.cells)", lim.Cells, lineOf(cr))
			break
		}
		cells += int64(n)
		row := document.Row{Num: rec, Cells: make([]document.Cell, n)}
		for i, text := range fields[:n] {
			line, _ := cr.FieldPos(i)
			c := document.Cell{Text: text, Loc: &document.Loc{
				Path: name, Sheet: sheetName, Row: rec, Column: i + 1, Line: line, Cell: cellRef(i+1, rec),
			}}
			c.Kind, c.Number = kindOf(text)
			row.Cells[i] = c
		}
		sheet.Rows = append(sheet.Rows, row)
	}
	t.Sheets = []document.Sheet{sheet}
	return t, nil
}

func lineOf(cr *encsv.Reader) int {
	line, _ := cr.FieldPos(0)
	return line
}

// numberText is a plain decimal number as people type it into a cell; it
// leaves out what strconv.ParseFloat also accepts (hex, "Inf", "NaN",
// underscores), which in a CSV are text.
var numberText = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)

func kindOf(text string) (string, float64) {
	s := strings.TrimSpace(text)
	if s == "" {
		return "", 0
	}
	if numberText.MatchString(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return "number", f
		}
	}
	return "string", 0
}

// cellRef is the A1 reference of a 1-based column and row.
func cellRef(col, row int) string {
	var letters []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		letters = append([]byte{byte('A' + (c-1)%26)}, letters...)
	}
	return string(letters) + strconv.Itoa(row)
}

// sniffLines is how many lines decide the delimiter.
const sniffLines = 20

// sniffDelimiter picks the delimiter among comma, semicolon and tab: the
// one that splits the first lines into the same number of fields most
// consistently, ties going to the one that splits more, then to tab before
// semicolon before comma (commas turn up in prose far more often than tabs
// do, so a tie with tab is a TSV with commas in its text). Delimiters
// inside double quotes do not count. European Excel writes semicolons;
// tab-separated exports are common from trackers. No delimiter at all
// (one column) reads as comma.
func sniffDelimiter(b []byte) rune {
	candidates := []rune{'\t', ';', ','}
	counts := make([][]int, len(candidates))
	inQuote := false
	line := make([]int, len(candidates))
	lines := 0
	flush := func() {
		for i := range candidates {
			counts[i] = append(counts[i], line[i])
			line[i] = 0
		}
		lines++
	}
	for _, c := range string(b) {
		if lines >= sniffLines {
			break
		}
		switch {
		case c == '"':
			inQuote = !inQuote
		case c == '\n' && !inQuote:
			flush()
		case !inQuote:
			for i, d := range candidates {
				if c == d {
					line[i]++
				}
			}
		}
	}
	if lines < sniffLines {
		flush()
	}
	best, bestScore, bestWidth := ',', -1, -1
	for i, d := range candidates {
		first := counts[i][0]
		if first == 0 {
			continue
		}
		score := 0
		for _, n := range counts[i] {
			if n == first {
				score++
			}
		}
		if score > bestScore || score == bestScore && first > bestWidth {
			best, bestScore, bestWidth = d, score, first
		}
	}
	return best
}
