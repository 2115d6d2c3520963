package markdown

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// Raw HTML blocks carry content in real Markdown documents: a centred
// <h1> cover with the title, version and date, a whole plan written as
// <h2>/<p>/<table>, a RACI matrix as an HTML <table>. CommonMark ends an
// HTML block at a blank line, so one <table> often arrives as several
// blocks: htmlRun joins the consecutive HTML blocks before parsing them.
// Images are layout: their alt text never becomes content.

// htmlRun returns the source of the HTML block c and of the HTML blocks
// that directly follow it, and the last block of the run.
func (w *walker) htmlRun(c ast.Node) (string, ast.Node) {
	var sb strings.Builder
	last := c
	for n := c; n != nil; n = n.NextSibling() {
		hb, ok := n.(*ast.HTMLBlock)
		if !ok {
			break
		}
		last = n
		sb.WriteString(w.lines(hb))
		if hb.HasClosure() {
			sb.Write(hb.ClosureLine.Value(w.src))
		}
		sb.WriteByte('\n')
		// A run ends when every table it opened is closed: the next HTML
		// block is then a new piece of content.
		if !openTable(sb.String()) {
			break
		}
	}
	return sb.String(), last
}

var tableTag = regexp.MustCompile(`(?i)<(/?)table\b`)

// openTable reports whether s opens more <table> elements than it closes.
func openTable(s string) bool {
	depth := 0
	for _, m := range tableTag.FindAllStringSubmatch(s, -1) {
		if m[1] == "" {
			depth++
		} else if depth > 0 {
			depth--
		}
	}
	return depth > 0
}

// htmlBlock emits the headings, paragraphs and tables of raw HTML.
func (w *walker) htmlBlock(src string, pos int) {
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return
	}
	h := &htmlEmitter{w: w, pos: pos}
	for _, n := range nodes {
		h.node(n, 0)
	}
	h.flush()
}

type htmlEmitter struct {
	w    *walker
	pos  int
	text strings.Builder // inline text not yet emitted as a paragraph
}

// flush emits the pending inline text as a paragraph.
func (h *htmlEmitter) flush() {
	s := cleanHTMLText(h.text.String())
	h.text.Reset()
	if s == "" {
		return
	}
	h.w.paragraph++
	h.w.add(document.Block{Kind: document.BlockParagraph, Text: s, Loc: h.w.loc(h.pos)})
}

func (h *htmlEmitter) node(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		h.text.WriteString(n.Data)
		return
	case html.CommentNode:
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			h.node(c, depth+1)
		}
		return
	}
	switch n.DataAtom {
	case atom.Img, atom.Script, atom.Style, atom.Svg:
		return // layout: an image's alt text is not content
	case atom.Br:
		h.text.WriteByte('\n')
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		h.flush()
		level, _ := strconv.Atoi(n.Data[1:])
		number, txt := SplitNumber(cleanHTMLText(nodeText(n)))
		if txt == "" && number == "" {
			return
		}
		h.w.section = strings.TrimSpace(number + " " + txt)
		h.w.paragraph++
		h.w.add(document.Block{Kind: document.BlockHeading, Level: level, Number: number, Text: txt,
			Style: "Heading " + strconv.Itoa(level), Loc: h.w.loc(h.pos)})
		return
	case atom.Table:
		h.flush()
		h.table(n)
		return
	case atom.P, atom.Div, atom.Li, atom.Center, atom.Section, atom.Blockquote, atom.Ul, atom.Ol, atom.Details, atom.Summary, atom.Pre, atom.Dd, atom.Dt:
		h.flush()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			h.node(c, depth+1)
		}
		if n.DataAtom == atom.Li {
			s := cleanHTMLText(h.text.String())
			h.text.Reset()
			if s != "" {
				h.w.paragraph++
				h.w.add(document.Block{Kind: document.BlockParagraph, List: true, Style: "List Bullet", Text: s, Loc: h.w.loc(h.pos)})
			}
			return
		}
		h.flush()
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.node(c, depth+1)
	}
}

// table emits an HTML table with rowspan and colspan resolved the way the
// Word reader resolves merged cells: a spanned cell repeats its text in each
// covered slot, the copies marked Merged.
func (h *htmlEmitter) table(n *html.Node) {
	w := h.w
	if w.capped {
		return
	}
	var rows []*html.Node
	var collect func(*html.Node, int)
	collect = func(m *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Table:
				// a nested table's rows are its own; its text stays in the cell
			default:
				collect(c, depth+1)
			}
		}
	}
	collect(n, 0)
	if len(rows) == 0 {
		return
	}
	w.table++
	tbl := &document.Table{}
	// pending[col] carries a rowspan cell down: text and rows still covered.
	type carry struct {
		text string
		left int
	}
	var pending []carry
	line := w.line(h.pos)
	for ri, tr := range rows {
		var row []document.Cell
		col := 0
		place := func(text string, merged bool) {
			row = append(row, document.Cell{Text: text, Merged: merged, Loc: &document.Loc{
				Path: w.path, Section: w.section, Table: w.table, Row: ri + 1, Column: col + 1, Line: line,
			}})
			col++
		}
		fillCarried := func() {
			for col < len(pending) && pending[col].left > 0 {
				pending[col].left--
				place(pending[col].text, true)
			}
		}
		header := ri == 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			if c.DataAtom == atom.Td {
				header = false
			}
			fillCarried()
			if w.tableCells >= w.lim.TableCells {
				w.capped = true
				break
			}
			w.tableCells++
			text := cleanHTMLText(nodeText(c))
			span := attrInt(c, "colspan", 1, 100)
			down := attrInt(c, "rowspan", 1, 10000)
			for s := 0; s < span; s++ {
				for len(pending) <= col {
					pending = append(pending, carry{})
				}
				if down > 1 {
					pending[col] = carry{text: text, left: down - 1}
				}
				place(text, s > 0)
			}
		}
		fillCarried()
		if len(row) > 0 {
			tbl.Rows = append(tbl.Rows, row)
		}
		if header && ri == 0 {
			tbl.HeaderRows = 1
		}
	}
	padRows(tbl)
	if len(tbl.Rows) == 0 {
		return
	}
	w.add(document.Block{Kind: document.BlockTable, Table: tbl,
		Loc: document.Loc{Path: w.path, Section: w.section, Table: w.table, Line: line}})
}

func attrInt(n *html.Node, key string, def, most int) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v >= 1 {
				return min(v, most)
			}
		}
	}
	return def
}

// nodeText is the text of n's subtree, <br> as a line break, images and
// scripts left out.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node, int)
	walk = func(m *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		switch {
		case m.Type == html.TextNode:
			sb.WriteString(m.Data)
			return
		case m.Type == html.ElementNode:
			switch m.DataAtom {
			case atom.Img, atom.Script, atom.Style, atom.Svg:
				return
			case atom.Br:
				sb.WriteByte('\n')
				return
			case atom.P, atom.Div, atom.Li, atom.Tr:
				if sb.Len() > 0 {
					sb.WriteByte('\n')
				}
			case atom.Td, atom.Th:
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return sb.String()
}

var (
	// markup that is left as text inside HTML: Markdown emphasis written in
	// a cell ("**Phase**"), escaped tags ("&lt;h3&gt;Identify&lt;/h3&gt;"),
	// backslash escapes.
	leftoverTag  = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>`)
	emphasisMark = regexp.MustCompile(`\*\*|__|\\([\\*_#|<>\[\]()])`)
	blankRun     = regexp.MustCompile(`[ \t\r\f\v]+`)
)

// cleanHTMLText makes the text of an HTML node read like the text of a
// Markdown paragraph: tags written as text and emphasis marks dropped,
// spaces collapsed, lines trimmed.
func cleanHTMLText(s string) string {
	s = leftoverTag.ReplaceAllString(s, "")
	s = emphasisMark.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(blankRun.ReplaceAllString(l, " "))
		if l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
