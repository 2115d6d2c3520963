package testdocs

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

var (
	cellRe  = regexp.MustCompile(`(?s)<w:tc>.*?</w:tc>|<w:tc [^>]*>.*?</w:tc>`)
	textRe  = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)
	runRe   = regexp.MustCompile(`(?s)<w:r>.*?</w:r>|<w:r [^>]*>.*?</w:r>`)
	emptyP  = regexp.MustCompile(`<w:p( [^>]*)?/>`)
	closeP  = "</w:p>"
	closeTr = "</w:tr>"
)

// FillForm fills a Word form's value cells: for each label, the cell right
// after the table cell whose text is exactly that label (in the same row)
// gets value as its only text, replacing whatever prompt it held. Tables
// must not be nested inside the form's cells. Every label must be found, so
// a template change cannot silently leave a field unfilled.
func FillForm(documentXML []byte, values map[string]string) ([]byte, error) {
	s := string(documentXML)
	done := map[string]bool{}
	var out strings.Builder
	last := 0
	cells := cellRe.FindAllStringIndex(s, -1)
	for i := 0; i+1 < len(cells); i++ {
		label := cellText(s[cells[i][0]:cells[i][1]])
		v, ok := values[label]
		if !ok || done[label] || strings.Contains(s[cells[i][1]:cells[i+1][0]], closeTr) {
			continue
		}
		next := cells[i+1]
		out.WriteString(s[last:next[0]])
		out.WriteString(setCellText(s[next[0]:next[1]], v))
		last = next[1]
		done[label] = true
		i++
	}
	out.WriteString(s[last:])
	for l := range values {
		if !done[l] {
			return nil, fmt.Errorf("form label %q not found", l)
		}
	}
	return []byte(out.String()), nil
}

func cellText(cell string) string {
	var b strings.Builder
	for _, m := range textRe.FindAllStringSubmatch(cell, -1) {
		b.WriteString(m[1])
	}
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

// setCellText drops the cell's runs and writes text as one run in its first
// paragraph (keeping the paragraph and cell properties).
func setCellText(cell, text string) string {
	cell = runRe.ReplaceAllString(cell, "")
	run := `<w:r><w:t xml:space="preserve">` + Escape(text) + `</w:t></w:r>`
	if i := strings.Index(cell, closeP); i >= 0 {
		return cell[:i] + run + cell[i:]
	}
	if loc := emptyP.FindStringSubmatchIndex(cell); loc != nil {
		attrs := ""
		if loc[2] >= 0 {
			attrs = cell[loc[2]:loc[3]]
		}
		return cell[:loc[0]] + `<w:p` + attrs + `>` + run + `</w:p>` + cell[loc[1]:]
	}
	return cell
}
