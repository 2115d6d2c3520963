package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// maxListValues caps the values taken from one list validation's range.
const maxListValues = 1000

// pendingList is a list validation whose values may live on a sheet not
// read yet (RAID logs keep their lists on a hidden last sheet).
type pendingList struct {
	sheet   int      // index in tree.Sheets
	columns []string // column letters the validation covers
	formula string   // formula1 as written
	owner   string   // sheet the validation is on (for unqualified ranges)
}

// readSheetExtras reads comments, merged ranges, list validations and
// Excel tables. All but comments come from excelize getters that decode
// the whole sheet into a dense DOM, so they are only called when the raw
// pass saw such elements, the part is well-formed, and the DOM stays
// within limits.cells.
func (wr *workbookReader) readSheetExtras(name string, sheet *document.Sheet, stream *sheetStream) {
	if comments, err := wr.f.GetComments(name); err == nil {
		for _, c := range comments {
			var text strings.Builder
			text.WriteString(c.Text)
			for _, run := range c.Paragraph {
				text.WriteString(run.Text)
			}
			wr.tree.Comments = append(wr.tree.Comments, document.Comment{
				Author: c.Author,
				Text:   text.String(),
				Loc:    document.Loc{Path: wr.path, Sheet: name, Cell: c.Cell},
			})
		}
	}
	if !stream.hasMerges && !stream.hasValidations && !stream.hasTables {
		return
	}
	if !stream.wellFormed {
		return // excelize cannot decode the part; the sheet already has a fault
	}
	if stream.dense > wr.lim.Cells {
		wr.limitFault(limits.KeyCells, document.Loc{Path: wr.path, Sheet: name}, nil,
			"sheet %s: merged cells, validations and tables are not read: the sheet spans about %d cells, more than limits.cells (%d)",
			name, stream.dense, wr.lim.Cells)
		return
	}
	if stream.hasMerges {
		if merges, err := wr.f.GetMergeCells(name, true); err == nil {
			for _, m := range merges {
				if len(m) > 0 && m[0] != "" {
					sheet.Merged = append(sheet.Merged, m[0])
				}
			}
		}
	}
	if stream.hasValidations {
		if dvs, err := wr.f.GetDataValidations(name); err == nil {
			for _, dv := range dvs {
				if dv == nil || dv.Type != "list" || dv.Formula1 == "" {
					continue
				}
				wr.lists = append(wr.lists, pendingList{
					sheet:   len(wr.tree.Sheets),
					columns: sqrefColumns(dv.Sqref),
					formula: dv.Formula1,
					owner:   name,
				})
			}
		}
	}
	if stream.hasTables {
		if tables, err := wr.f.GetTables(name); err == nil {
			for _, t := range tables {
				headers, ok := wr.info.tableHeaderRows[t.Name]
				if !ok {
					headers = 1
				}
				sheet.Tables = append(sheet.Tables, document.ListObject{Name: t.Name, Ref: t.Range, HeaderRowCount: headers})
			}
		}
	}
}

// resolveLists fills Sheet.Validations once every sheet is read, so a list
// pointing at a later (often hidden) sheet resolves to its values.
func (wr *workbookReader) resolveLists() {
	var names []excelize.DefinedName
	namesLoaded := false
	for _, pl := range wr.lists {
		formula := strings.TrimPrefix(strings.TrimSpace(pl.formula), "=")
		values, ok := inlineList(formula)
		if !ok {
			ref := formula
			if !strings.ContainsAny(ref, "!$:") && !looksLikeCell(ref) {
				// A defined name; resolve it to its range.
				if !namesLoaded {
					names, namesLoaded = wr.f.GetDefinedName(), true
				}
				ref = definedNameRef(names, ref, pl.owner)
			}
			values = wr.rangeValues(ref, pl.owner)
		}
		if len(values) == 0 {
			continue
		}
		sheet := &wr.tree.Sheets[pl.sheet]
		if sheet.Validations == nil {
			sheet.Validations = map[string][]string{}
		}
		for _, col := range pl.columns {
			if _, seen := sheet.Validations[col]; !seen {
				sheet.Validations[col] = values
			}
		}
	}
}

// inlineList splits a quoted list formula: "New,In Progress,Closed".
func inlineList(formula string) ([]string, bool) {
	if len(formula) < 2 || formula[0] != '"' || formula[len(formula)-1] != '"' {
		return nil, false
	}
	body := strings.ReplaceAll(formula[1:len(formula)-1], `""`, `"`)
	var values []string
	for item := range strings.SplitSeq(body, ",") {
		if item = strings.TrimSpace(item); item != "" {
			values = append(values, item)
		}
	}
	return values, true
}

func definedNameRef(names []excelize.DefinedName, name, sheet string) string {
	found := ""
	for _, dn := range names {
		if !strings.EqualFold(dn.Name, name) {
			continue
		}
		if dn.Scope == sheet {
			return strings.TrimPrefix(dn.RefersTo, "=")
		}
		if dn.Scope == "" || dn.Scope == "Workbook" {
			found = strings.TrimPrefix(dn.RefersTo, "=")
		}
	}
	return found
}

// rangeValues returns the non-empty texts in a range such as
// 'Data Mgmt'!$B$6:$B$12 or $D$2, read from the extracted sheets.
func (wr *workbookReader) rangeValues(ref, owner string) []string {
	sheetName := owner
	if i := strings.LastIndex(ref, "!"); i >= 0 {
		sheetName = strings.ReplaceAll(strings.Trim(ref[:i], "'"), "''", "'")
		ref = ref[i+1:]
	}
	ref = strings.ReplaceAll(ref, "$", "")
	from, to, _ := strings.Cut(ref, ":")
	if to == "" {
		to = from
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil {
		return nil
	}
	c1, c2 = min(c1, c2), max(c1, c2)
	r1, r2 = min(r1, r2), max(r1, r2)
	for i := range wr.tree.Sheets {
		sheet := &wr.tree.Sheets[i]
		if sheet.Name != sheetName {
			continue
		}
		var values []string
		for _, row := range sheet.Rows {
			if row.Num < r1 || row.Num > r2 {
				continue
			}
			for col := c1; col <= c2 && col <= len(row.Cells); col++ {
				if text := row.Cells[col-1].Text; text != "" {
					values = append(values, text)
					if len(values) == maxListValues {
						return values
					}
				}
			}
		}
		return values
	}
	return nil
}

func looksLikeCell(s string) bool {
	_, _, err := excelize.CellNameToCoordinates(s)
	return err == nil
}

// sqrefColumns lists the column letters covered by a space-separated
// sqref ("B2:B4 B95:B110 D1"), in first-seen order.
func sqrefColumns(sqref string) []string {
	var cols []string
	seen := map[int]bool{}
	for part := range strings.FieldsSeq(sqref) {
		from, to, _ := strings.Cut(part, ":")
		if to == "" {
			to = from
		}
		c1, c2 := refColumn(strings.TrimLeft(from, "$")), refColumn(strings.TrimLeft(to, "$"))
		if c1 == 0 || c2 == 0 {
			continue
		}
		// Whole-sheet ranges would list 16384 columns; a list validation
		// that wide carries no column meaning.
		for c := min(c1, c2); c <= max(c1, c2) && c-min(c1, c2) < 256; c++ {
			if !seen[c] {
				seen[c] = true
				name, err := excelize.ColumnNumberToName(c)
				if err == nil {
					cols = append(cols, name)
				}
			}
		}
	}
	return cols
}
