package xlsx

import (
	"encoding/xml"
	"path"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
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

// readSheetExtras takes comments, merged ranges, list validations and
// Excel tables of a sheet: merged ranges and validations were read with
// the cells; comments and tables live in parts the sheet's relationships
// name.
func (wr *workbookReader) readSheetExtras(info sheetInfo, sheet *document.Sheet, sr *sheetReader) {
	rels := wr.sheetRels(info.part)
	for _, rel := range rels {
		if strings.HasSuffix(rel.Type, "/comments") {
			wr.readComments(info.name, resolveTarget(path.Dir(info.part), rel.Target))
		}
	}
	if !sr.wellFormed {
		return // the sheet already has a fault saying its extras may be lost
	}
	sheet.Merged = append(sheet.Merged, sr.merges...)
	for _, dv := range sr.validations {
		if dv.typ != "list" || dv.formula == "" {
			continue
		}
		wr.lists = append(wr.lists, pendingList{
			sheet:   len(wr.tree.Sheets),
			columns: sqrefColumns(dv.sqref),
			formula: dv.formula,
			owner:   info.name,
		})
	}
	for _, id := range sr.tableRIDs {
		for _, rel := range rels {
			if rel.ID != id || rel.TargetMode == "External" {
				continue
			}
			var t struct {
				Name string `xml:"name,attr"`
				Ref  string `xml:"ref,attr"`
			}
			data, ok := wr.p.parts[resolveTarget(path.Dir(info.part), rel.Target)]
			if !ok || xml.Unmarshal(data, &t) != nil {
				continue
			}
			headers, ok := wr.info.tableHeaderRows[t.Name]
			if !ok {
				headers = 1
			}
			sheet.Tables = append(sheet.Tables, document.ListObject{Name: t.Name, Ref: t.Ref, HeaderRowCount: headers})
		}
	}
}

type xmlRel struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// sheetRels lists a sheet part's relationships (none when the part is
// missing or malformed).
func (wr *workbookReader) sheetRels(part string) []xmlRel {
	data, ok := wr.p.parts[path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")]
	if !ok {
		return nil
	}
	var rels struct {
		Rels []xmlRel `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &rels) != nil {
		return nil
	}
	return rels.Rels
}

// readComments adds a comments part's notes: the text is the plain text
// followed by the rich-text runs.
func (wr *workbookReader) readComments(sheet, part string) {
	data, ok := wr.p.parts[part]
	if !ok {
		return
	}
	var x struct {
		Authors  []string `xml:"authors>author"`
		Comments []struct {
			Ref      string  `xml:"ref,attr"`
			AuthorID int     `xml:"authorId,attr"`
			T        *string `xml:"text>t"`
			Runs     []struct {
				T *string `xml:"t"`
			} `xml:"text>r"`
		} `xml:"commentList>comment"`
	}
	if xml.Unmarshal(data, &x) != nil {
		return
	}
	for _, c := range x.Comments {
		var text strings.Builder
		if c.T != nil {
			text.WriteString(*c.T)
		}
		for _, r := range c.Runs {
			if r.T != nil {
				text.WriteString(*r.T)
			}
		}
		author := ""
		if c.AuthorID >= 0 && c.AuthorID < len(x.Authors) {
			author = x.Authors[c.AuthorID]
		}
		wr.tree.Comments = append(wr.tree.Comments, document.Comment{
			Author: author,
			Text:   text.String(),
			Loc:    document.Loc{Path: wr.path, Sheet: sheet, Cell: c.Ref},
		})
	}
}

// resolveLists fills Sheet.Validations once every sheet is read, so a list
// pointing at a later (often hidden) sheet resolves to its values.
func (wr *workbookReader) resolveLists() {
	for _, pl := range wr.lists {
		formula := strings.TrimPrefix(strings.TrimSpace(pl.formula), "=")
		values, ok := inlineList(formula)
		if !ok {
			ref := formula
			if !strings.ContainsAny(ref, "!$:") && !looksLikeCell(ref) {
				// A defined name; resolve it to its range.
				ref = definedNameRef(wr.info.names, ref, pl.owner)
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

func definedNameRef(names []definedName, name, sheet string) string {
	found := ""
	for _, dn := range names {
		if !strings.EqualFold(dn.name, name) {
			continue
		}
		if dn.scope == sheet {
			return strings.TrimPrefix(dn.refersTo, "=")
		}
		if dn.scope == "" {
			found = strings.TrimPrefix(dn.refersTo, "=")
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
	c1, r1, ok1 := cellCoordinates(from)
	c2, r2, ok2 := cellCoordinates(to)
	if !ok1 || !ok2 {
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
	_, _, ok := cellCoordinates(s)
	return ok
}

// cellCoordinates splits an A1 reference (no $) into its 1-based column
// and row, within Excel's grid.
func cellCoordinates(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && 'a' <= ref[i]|0x20 && ref[i]|0x20 <= 'z' {
		i++
	}
	if i == 0 || i > 3 || i == len(ref) {
		return 0, 0, false
	}
	col = refColumn(ref[:i])
	row, err := strconv.Atoi(ref[i:])
	if err != nil || ref[i] < '1' || ref[i] > '9' || col < 1 || col > 16384 || row < 1 || row > 1048576 {
		return 0, 0, false
	}
	return col, row, true
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
				if c <= 16384 {
					cols = append(cols, columnName(c))
				}
			}
		}
	}
	return cols
}

// columnName is the letters of a 1-based column (28 → "AB").
func columnName(col int) string {
	ref := document.CellRef(col, 1)
	return ref[:len(ref)-1]
}
