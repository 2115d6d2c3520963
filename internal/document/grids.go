package document

import (
	"regexp"
	"strings"
)

// Grid is one table-shaped region of a tree: a table block of a Word or
// Markdown document, or a sheet of a workbook or CSV file. Exactly one of
// Block and Sheet is set.
type Grid struct {
	Block *Block
	Sheet *Sheet
}

// Grids lists the regions where an artifact's tables can be: the table
// blocks in document order, then the sheets that are neither hidden nor
// cover, instruction or lookup sheets (SkipSheet). The classifier reads
// their headers for a kind, the normalizer their rows for a payload.
func Grids(t *Tree) []Grid {
	var out []Grid
	for i := range t.Blocks {
		if b := &t.Blocks[i]; b.Kind == BlockTable && b.Table != nil {
			out = append(out, Grid{Block: b})
		}
	}
	for i := range t.Sheets {
		if s := &t.Sheets[i]; !s.Hidden && !s.VeryHidden && !SkipSheet(s.Name) {
			out = append(out, Grid{Sheet: s})
		}
	}
	return out
}

// skipSheet matches sheets that never hold the artifact's data (MODEL.md §3).
var skipSheet = regexp.MustCompile(`(?i)^(cover|instructions?|.*instructions|data mgmt|dashboard|parameters|lists?|lookups?|table of contents|overview|approach|definitions?|master ?data|logic|legend|glossary|reference data|drop ?downs?|settings|config(uration)?|read ?me)$`)

// SkipSheet reports whether a sheet is a cover, instruction or lookup sheet.
func SkipSheet(name string) bool { return skipSheet.MatchString(strings.TrimSpace(name)) }
