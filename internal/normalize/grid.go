package normalize

import (
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// grid is a table-shaped region of a document with one format-neutral
// shape: a Word/Markdown table, or the used rows of a sheet or CSV.
type grid struct {
	sheet   string // sheet name (xlsx/csv); "" for document tables
	table   int    // 1-based document table index (docx/md); 0 for sheets
	section string // enclosing heading text (docx/md)
	rows    []gridRow
	// validations are the sheet's list data-validations by column letter.
	validations map[string][]string
}

type gridRow struct {
	num   int // 1-based row number in the table or sheet
	cells []document.Cell
}

func (r gridRow) text(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i].Text)
}

func (r gridRow) cell(i int) document.Cell {
	if i < 0 || i >= len(r.cells) {
		return document.Cell{}
	}
	return r.cells[i]
}

func (r gridRow) empty() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// loc addresses a row (and optionally a column) of the grid.
func (g grid) loc(path string, row gridRow, col int) document.Loc {
	l := document.Loc{Path: path, Sheet: g.sheet, Table: g.table, Row: row.num, Section: g.section}
	switch {
	case col >= 0 && col < len(row.cells) && row.cells[col].Loc != nil && row.cells[col].Loc.Cell != "":
		l.Cell = row.cells[col].Loc.Cell
	case col >= 0 && col < len(row.cells) && g.sheet != "" && row.cells[col].Loc == nil:
		// A workbook cell: its address is its column and row.
		l.Cell = document.CellRef(col+1, row.num)
	case col >= 0 && g.sheet == "":
		l.Column = col + 1
	}
	return l
}

// grids are the tree's table-shaped regions (document.Grids: hidden and
// instruction sheets are left out, they are not the artifact) in the
// normalizer's shape.
func grids(t *document.Tree) []grid {
	var out []grid
	for _, dg := range document.Grids(t) {
		if dg.Block != nil {
			out = append(out, gridOf(*dg.Block))
			continue
		}
		s := dg.Sheet
		g := grid{sheet: s.Name, rows: make([]gridRow, 0, len(s.Rows)), validations: s.Validations}
		for _, r := range s.Rows {
			g.rows = append(g.rows, gridRow{num: r.Num, cells: r.Cells})
		}
		out = append(out, g)
	}
	return out
}

// allowed is the list data-validation of column j (the letters of the
// header cell's address), nil when the column has none.
func (g grid) allowed(h header, j int) []string {
	if len(g.validations) == 0 || h.idx < 0 || j >= len(g.rows[h.idx].cells) {
		return nil
	}
	letters := strings.TrimRight(g.loc("", g.rows[h.idx], j).Cell, "0123456789")
	var out []string
	for _, v := range g.validations[letters] {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// header is a detected header row and the canonical columns it maps.
type header struct {
	idx   int            // index into grid.rows
	cols  map[string]int // canonical key -> column index
	texts []string
	score int
	width int // non-empty, non-merged cells of the header row
}

// findHeader scans the first 30 rows for the row whose cells match the most
// synonyms of tab (ties go to the lower row: group bands sit above the real
// header), requiring minScore matches and mostly-text cells.
func findHeader(g grid, tab *vocab.Table, minScore int) (header, bool) {
	best := header{idx: -1}
	for i, r := range g.rows {
		if i >= 30 {
			break
		}
		cols := map[string]int{}
		cands := map[string][]int{}
		texts, nonEmpty, textual, width := make([]string, len(r.cells)), 0, 0, 0
		for j, c := range r.cells {
			s := strings.TrimSpace(c.Text)
			texts[j] = s
			if s == "" {
				continue
			}
			nonEmpty++
			if !c.Merged {
				width++
			}
			if c.Kind == "" || c.Kind == "string" {
				textual++
			}
			if k, ok := tab.Match(s); ok {
				cands[k] = append(cands[k], j)
				if _, dup := cols[k]; !dup {
					cols[k] = j
				}
			}
		}
		if nonEmpty == 0 || textual*10 < nonEmpty*8 {
			continue
		}
		if len(cols) >= best.score && len(cols) >= minScore {
			// A tie goes to the lower row only when it is wider: a group
			// band (merged cells) above the real header scores like it
			// but is narrower; a data row that happens to contain header
			// words is not wider than the header.
			if len(cols) > best.score || best.idx < 0 || width > best.width {
				for k, js := range cands {
					if len(js) > 1 {
						cols[k] = fullest(g, i, js)
					}
				}
				best = header{idx: i, cols: cols, texts: texts, score: len(cols), width: width}
			}
		}
	}
	return best, best.idx >= 0
}

// firstTextRow is the generic header guess: the first row with two or more
// text cells.
func firstTextRow(g grid) int {
	for i, r := range g.rows {
		if i >= 30 {
			break
		}
		n := 0
		for _, c := range r.cells {
			if strings.TrimSpace(c.Text) != "" && (c.Kind == "" || c.Kind == "string") {
				n++
			}
		}
		if n >= 2 {
			return i
		}
	}
	return -1
}

// dataRows are the rows after the header until five consecutive empty sheet
// rows (MODEL.md §3 step 4).
func dataRows(g grid, headerIdx int) []gridRow {
	rows, _ := dataRowsUpTo(g, headerIdx, -1)
	return rows
}

// dataRowsUpTo is dataRows keeping at most limit rows (all when limit is
// negative); total counts them all.
func dataRowsUpTo(g grid, headerIdx, limit int) (rows []gridRow, total int) {
	var out []gridRow
	if n := len(g.rows) - headerIdx - 1; n > 0 {
		if limit >= 0 {
			n = min(n, limit)
		}
		out = make([]gridRow, 0, n)
	}
	prev := -1
	if headerIdx >= 0 && headerIdx < len(g.rows) {
		prev = g.rows[headerIdx].num
	}
	for _, r := range g.rows[headerIdx+1:] {
		if g.sheet != "" && prev >= 0 && r.num-prev > 5 {
			break
		}
		prev = r.num
		if r.empty() {
			continue
		}
		if total++; limit < 0 || len(out) < limit {
			out = append(out, r)
		}
	}
	return out, total
}

// fullest picks, among header columns that map to the same key (the Packt
// plan has both an empty "Predecessor" and a filled "Predecessors"), the
// one with the most values in the rows below the header.
func fullest(g grid, headerIdx int, cols []int) int {
	best, bestN := cols[0], -1
	for _, j := range cols {
		n := 0
		for _, r := range g.rows[headerIdx+1 : min(len(g.rows), headerIdx+200)] {
			if r.text(j) != "" {
				n++
			}
		}
		if n > bestN {
			best, bestN = j, n
		}
	}
	return best
}

// sortedKeys keeps fields_found and columns in a stable order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
