package docx

import (
	"encoding/xml"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/ooxml"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Word tables have at most 63 columns; the caps below only stop a crafted
// gridSpan="100000000" from turning one cell into millions.
const (
	maxSpan    = 64
	maxColumns = 1024
)

type vMerge int

const (
	noMerge vMerge = iota
	mergeRestart
	mergeContinue
)

// cellSpec is a w:tc as written, before grid resolution.
type cellSpec struct {
	text  string
	span  int
	merge vMerge
}

// rowSpec is a w:tr as written.
type rowSpec struct {
	cells                 []cellSpec
	header                bool
	gridBefore, gridAfter int
}

type tableSpec struct {
	rows     []rowSpec
	gridCols int
}

// bodyTable reads a top-level table and appends its block.
func (r *reader) bodyTable() error {
	r.tables++
	index := r.tables
	spec, err := r.table(index)
	if err != nil {
		return err
	}
	grid := r.resolve(spec, index)
	t := &document.Table{Rows: grid}
	for _, row := range spec.rows[:len(grid)] {
		if !row.header {
			break
		}
		t.HeaderRows++
	}
	for ri := range grid {
		for ci := range grid[ri] {
			grid[ri][ci].Loc = &document.Loc{Path: r.path, Section: r.section, Table: index, Row: ri + 1, Column: ci + 1}
		}
	}
	r.tree.Blocks = append(r.tree.Blocks, document.Block{
		Kind: document.BlockTable, Table: t,
		Loc: document.Loc{Path: r.path, Section: r.section, Table: index}})
	return nil
}

// table reads a w:tbl (top-level when index > 0, nested otherwise).
func (r *reader) table(index int) (*tableSpec, error) {
	r.tableDepth++
	defer func() { r.tableDepth-- }()
	spec := &tableSpec{}
	return spec, r.tableContent(spec, index)
}

func (r *reader) tableContent(spec *tableSpec, index int) error {
	return r.children(func(se xml.StartElement) error {
		if se.Name.Space == ooxml.NSMarkupCompat {
			return r.alternate(se, func() error { return r.tableContent(spec, index) })
		}
		if se.Name.Space != ooxml.NSWord {
			return r.dec.Skip()
		}
		switch se.Name.Local {
		case "tblGrid":
			return r.children(func(c xml.StartElement) error {
				if isW(c, "gridCol") {
					spec.gridCols++
				}
				return r.dec.Skip()
			})
		case "tr":
			row := rowSpec{}
			if err := r.row(&row, index, len(spec.rows)+1); err != nil {
				return err
			}
			spec.rows = append(spec.rows, row)
			return nil
		case "sdt":
			return r.sdt(func() error { return r.tableContent(spec, index) })
		case "customXml":
			return r.tableContent(spec, index)
		}
		return r.dec.Skip()
	})
}

func (r *reader) row(row *rowSpec, index, rowNum int) error {
	return r.children(func(se xml.StartElement) error {
		if se.Name.Space == ooxml.NSMarkupCompat {
			return r.alternate(se, func() error { return r.row(row, index, rowNum) })
		}
		if se.Name.Space != ooxml.NSWord {
			return r.dec.Skip()
		}
		switch se.Name.Local {
		case "trPr":
			return r.children(func(c xml.StartElement) error {
				switch {
				case isW(c, "tblHeader"):
					row.header = isOn(attrVal(c))
				case isW(c, "gridBefore"):
					row.gridBefore = clamp(atoiDefault(attrVal(c), 0), 0, maxSpan)
				case isW(c, "gridAfter"):
					row.gridAfter = clamp(atoiDefault(attrVal(c), 0), 0, maxSpan)
				case isW(c, "ins"), isW(c, "del"):
					r.trackedChanges++
				}
				return r.dec.Skip()
			})
		case "tc":
			col := row.gridBefore + 1
			for _, c := range row.cells {
				col += c.span
			}
			cell := cellSpec{span: 1}
			if err := r.cell(&cell, index, rowNum, col); err != nil {
				return err
			}
			r.parsedCells++
			if r.parsedCells > r.cellLimit() {
				// Stop holding cells in memory; resolve reports the fault.
				r.parseCapped = true
				return nil
			}
			row.cells = append(row.cells, cell)
			return nil
		case "sdt":
			return r.sdt(func() error { return r.row(row, index, rowNum) })
		case "customXml":
			return r.row(row, index, rowNum)
		}
		return r.dec.Skip()
	})
}

// cell reads a w:tc: its span and merge, and its text (paragraphs on lines,
// nested tables flattened into it).
func (r *reader) cell(cell *cellSpec, index, rowNum, col int) error {
	saved := r.here
	if r.tableDepth == 1 && r.tree != nil {
		r.here = &document.Loc{Path: r.path, Section: r.section, Table: index, Row: rowNum, Column: col}
	}
	defer func() { r.here = saved }()
	var lines []string
	err := r.cellContent(cell, &lines)
	cell.text = strings.Join(lines, "\n")
	return err
}

func (r *reader) cellContent(cell *cellSpec, lines *[]string) error {
	return r.children(func(se xml.StartElement) error {
		if se.Name.Space == ooxml.NSMarkupCompat {
			return r.alternate(se, func() error { return r.cellContent(cell, lines) })
		}
		if se.Name.Space != ooxml.NSWord {
			return r.dec.Skip()
		}
		switch se.Name.Local {
		case "tcPr":
			return r.children(func(c xml.StartElement) error {
				switch {
				case isW(c, "gridSpan"):
					cell.span = clamp(atoiDefault(attrVal(c), 1), 1, maxSpan)
				case isW(c, "vMerge"):
					// An empty val means "continue" (ECMA-376 §17.4.85).
					if v, _ := ooxml.Attr(c, ooxml.NSWord, "val"); v == "restart" {
						cell.merge = mergeRestart
					} else {
						cell.merge = mergeContinue
					}
				}
				return r.dec.Skip()
			})
		case "p":
			p := newPara()
			if err := r.paragraph(p); err != nil {
				return err
			}
			r.advanceNumbering(p)
			if s := strings.TrimSpace(p.text.String()); s != "" {
				*lines = append(*lines, s)
			}
			return nil
		case "tbl":
			return r.flatTable(lines)
		case "sdt":
			return r.sdt(func() error { return r.cellContent(cell, lines) })
		case "customXml":
			return r.cellContent(cell, lines)
		case "ins", "moveTo":
			r.trackedChanges++
			return r.cellContent(cell, lines)
		case "del", "moveFrom":
			r.trackedChanges++
		}
		return r.dec.Skip()
	})
}

func (r *reader) cellLimit() int64 {
	if r.lim.TableCells > 0 {
		return r.lim.TableCells
	}
	return limits.Default().TableCells
}

// resolve lays a table out on its grid: every row gets one cell per grid
// column, gridSpan copies and vMerge continuations carry the text with
// Merged set. Rows past the document's table-cell budget are dropped with
// a TG-LIMIT-001 fault (once per document).
func (r *reader) resolve(spec *tableSpec, index int) [][]document.Cell {
	width := min(spec.gridCols, maxColumns)
	for _, row := range spec.rows {
		w := row.gridBefore + row.gridAfter
		for _, c := range row.cells {
			w += c.span
		}
		width = max(width, min(w, maxColumns))
	}
	var grid [][]document.Cell
	for ri, row := range spec.rows {
		if r.cellsCapped || r.cells+int64(width) > r.cellLimit() {
			r.cellsCapped = true
			break
		}
		r.cells += int64(width)
		out := make([]document.Cell, 0, width)
		for i := 0; i < row.gridBefore && len(out) < width; i++ {
			out = append(out, document.Cell{})
		}
		for _, c := range row.cells {
			col := len(out)
			text, merged := c.text, false
			if c.merge == mergeContinue && ri > 0 && col < len(grid[ri-1]) {
				text, merged = grid[ri-1][col].Text, true
			}
			for k := 0; k < c.span && len(out) < width; k++ {
				out = append(out, document.Cell{Text: text, Merged: merged || k > 0})
			}
		}
		for len(out) < width {
			out = append(out, document.Cell{})
		}
		grid = append(grid, out)
	}
	if r.parseCapped {
		r.cellsCapped = true
	}
	if r.cellsCapped {
		r.capFault(index)
	}
	return grid
}

// capFault records the table-cell limit once per document.
func (r *reader) capFault(index int) {
	if r.tree == nil {
		return
	}
	for _, f := range r.tree.Faults {
		if f.Limit == limits.KeyTableCells {
			return
		}
	}
	loc := document.Loc{Path: r.path, Section: r.section, Table: index}
	r.tree.Faults = append(r.tree.Faults, document.LimitFault(limits.KeyTableCells, loc, nil,
		"the document has more than %d table cells; the rest of its tables were not read (limits.table_cells)", r.cellLimit()))
}

// flatten renders a nested table as text: rows on lines, cells separated
// by tabs, merged copies left out.
func flatten(grid [][]document.Cell) string {
	var lines []string
	for _, row := range grid {
		var cells []string
		for _, c := range row {
			if !c.Merged && c.Text != "" {
				cells = append(cells, c.Text)
			}
		}
		if len(cells) > 0 {
			lines = append(lines, strings.Join(cells, "\t"))
		}
	}
	return strings.Join(lines, "\n")
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }
