package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// formField is one labelled value of a form: the value cell's text (empty
// when the form still shows its own prompt) and where it is.
type formField struct {
	text string
	raw  string // the cell as written, prompt included
	cell document.Cell
	loc  document.Loc
}

// readForm reads the key/value fields of a form-shaped document (MODEL.md
// §2.1 shape=keyvalue: the M3 change request and lessons-learned forms put
// a label cell before each value cell, sometimes two pairs in one row),
// then "Label: value" paragraphs for forms written as text. Labels must
// match tab exactly, so a value that happens to contain a label word is not
// taken for one; the first occurrence of a label wins.
func readForm(t *doc, tab *vocab.Table) map[string]formField {
	out := map[string]formField{}
	for _, g := range t.grids {
		for _, r := range g.rows {
			// A form row is label, value[, label, value…] from the first
			// column: a header row that merely contains a label word
			// ("Release No. | Date | Author") is not a form row.
			for j := 0; j < len(r.cells); j += 2 {
				c := r.cells[j]
				k, ok := tab.Exact(c.Text)
				if c.Merged || !ok {
					break
				}
				if _, seen := out[k]; seen {
					continue
				}
				f := formField{loc: g.loc(t.Path, r, j+1)}
				if j+1 < len(r.cells) {
					v := r.cells[j+1]
					// A label next to a label is a form whose value cell is
					// missing, not a value.
					if _, isLabel := tab.Exact(v.Text); !isLabel {
						f.cell, f.raw = v, strings.TrimSpace(v.Text)
						f.text = formValue(v.Text)
					} else {
						j--
					}
				}
				out[k] = f
			}
		}
	}
	for _, b := range t.Blocks {
		if b.Kind != document.BlockParagraph {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			m := labelLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			k, ok := tab.Exact(m[1])
			if !ok {
				continue
			}
			if _, seen := out[k]; seen {
				continue
			}
			raw := strings.TrimSpace(m[2])
			out[k] = formField{text: formValue(raw), raw: raw, cell: document.Cell{Text: raw, Loc: &b.Loc}, loc: b.Loc}
		}
	}
	return out
}

// labelLine is "Label: value" in a paragraph (Markdown "**CR #:** 12" too).
var labelLine = regexp.MustCompile(`^\s*\**([^:*]{2,60}?)\**\s*:\s*\**\s*(.*)$`)

// wholePrompt is a value that is only the form's own prompt: "<Low, Med,
// High>" or "<<Enter the project name>>" (the M3 forms list the allowed
// choices in angle brackets, which GEN-001's prompt patterns need not
// cover).
var wholePrompt = regexp.MustCompile(`^\s*<{1,2}[^<>]*>{1,2}\s*$`)

// formValue is the text of a value cell, or "" when the cell still holds
// template residue: a prompt, a blank signature line, or one of the M3
// lessons-learned grid's instruction sentences.
func formValue(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || wholePrompt.MatchString(s) || instructionText.MatchString(s) {
		return ""
	}
	rest := s
	for _, p := range findPlaceholders(s, document.Loc{}) {
		if p.Pattern == "tbd" {
			continue // an acknowledged gap is a value; rules judge it
		}
		rest = strings.Replace(rest, p.Text, "", 1)
	}
	if strings.Trim(rest, " \t\n.,;:-–_") == "" {
		return ""
	}
	return s
}

// instructionText is the M3 Lessons Learned template's cell guidance
// ("Describe a practice or process that should be implemented in future
// migrations. Provide an explanation.").
var instructionText = regexp.MustCompile(`(?i)^describe a practice or process that should\b`)

// fieldKeys lists a form's fields in a stable order for fields_found.
func fieldKeys(m map[string]formField) []string {
	idx := make(map[string]int, len(m))
	for k := range m {
		idx[k] = 0
	}
	return sortedKeys(idx)
}
