package testdocs

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// Escape makes text safe inside a WordprocessingML text node or attribute.
func Escape(s string) string {
	var b bytes.Buffer
	// EscapeText only fails on writer errors; a bytes.Buffer never returns one.
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func renderBlocks(blocks []Block, st Styles) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Kind {
		case KindTitle:
			b.WriteString(paragraph(st.Title, bl.Text))
		case KindSubtitle:
			b.WriteString(paragraph(st.Subtitle, bl.Text))
		case KindHeading:
			lvl := min(max(bl.Level, 1), 9)
			b.WriteString(paragraph(st.HeadingPrefix+strconv.Itoa(lvl), bl.Text))
		case KindParagraph:
			b.WriteString(paragraph(st.Body, bl.Text))
		case KindBullet:
			b.WriteString(paragraph(st.Bullet, bl.Text))
		case KindTable:
			b.WriteString(table(bl.Rows, bl.SpanShort, st))
		}
	}
	return b.String()
}

func paragraph(style, text string) string {
	p := `<w:p><w:pPr><w:pStyle w:val="` + Escape(style) + `"/></w:pPr>`
	if text != "" {
		p += `<w:r><w:t xml:space="preserve">` + Escape(text) + `</w:t></w:r>`
	}
	return p + `</w:p>`
}

// table writes a full-width table in the template's table style; the first
// row repeats as header row on each page (w:tblHeader) like the M3 tables.
func table(rows [][]string, span bool, st Styles) string {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	const width = 9360 // twips between 1" margins on Letter paper
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="` + Escape(st.Table) + `"/><w:tblW w:w="5000" w:type="pct"/>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for range cols {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(width/cols) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, r := range rows {
		b.WriteString(`<w:tr>`)
		style := st.TableText
		if i == 0 {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
			style = st.TableHead
		}
		for c := range cols {
			text := ""
			if c < len(r) {
				text = r[c]
			}
			if span && len(r) > 0 && len(r) < cols && c == len(r)-1 {
				n := cols - c
				b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width/cols*n) + `" w:type="dxa"/><w:gridSpan w:val="` + strconv.Itoa(n) + `"/></w:tcPr>` + paragraph(style, text) + `</w:tc>`)
				break
			}
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width/cols) + `" w:type="dxa"/></w:tcPr>` + paragraph(style, text) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// Word requires a paragraph between adjacent tables and before sectPr.
	b.WriteString(`<w:p/>`)
	return b.String()
}

// Render writes blocks as WordprocessingML body XML in st's styles, for
// fixtures that insert new content into a real document's body.
func Render(blocks []Block, st Styles) string { return renderBlocks(blocks, st) }
