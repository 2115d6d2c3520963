// Package markdown reads a Markdown file (CommonMark + GFM tables, YAML
// front matter) into a document.Tree: headings with levels and literal
// numbers, paragraphs, one block per list item, and tables, each with the
// source line it came from.
package markdown

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/structured"
	"github.com/tollgate-dev/tollgate/internal/extract/textfile"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// maxDepth bounds how deep nested lists and block quotes are followed;
// deeper content is dropped with a note. Real documents nest a handful of
// levels; this only stops a hostile file from driving deep recursion.
const maxDepth = 100

// Read reads a Markdown file.
func Read(ctx context.Context, r io.ReaderAt, size int64, name string, lim limits.Limits) (*document.Tree, error) {
	src, err := textfile.Load(r, size, lim)
	if err != nil {
		return nil, err
	}
	t := &document.Tree{Path: name, Format: document.FormatMD}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(src) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
		t.Notes = append(t.Notes, "the file is not valid UTF-8; invalid bytes were replaced with U+FFFD")
	}

	// Front matter decoding is ours (structured.DecodeYAML: bounded alias
	// expansion, JSON-compatible values); the extension only finds it.
	var fm map[string]any
	var fmFault *document.Fault
	yamlFM := frontmatter.Format{Name: "YAML", Delim: '-', Unmarshal: func(b []byte, _ any) error {
		fm, fmFault = structured.DecodeYAML(b)
		return nil
	}}
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, deadline{ctx: ctx, lim: lim}}
	if hasFrontMatter(src) {
		exts = append(exts, &frontmatter.Extender{Formats: []frontmatter.Format{yamlFM}})
	}
	if conv, n := simpleTables(src); n > 0 {
		src = conv
	}
	if flat, n := flattenDeepNesting(src); n > 0 {
		src = flat
		t.Notes = append(t.Notes, fmt.Sprintf("%d line(s) nested deeper than %d levels were flattened", n, maxDepth))
	}
	md := goldmark.New(goldmark.WithExtensions(exts...))
	pctx := parser.NewContext()
	pctx.Set(ctxKey, ctx)
	doc, err := parse(md, src, pctx, lim)
	if err != nil {
		return nil, err
	}
	if d := frontmatter.Get(pctx); d != nil {
		_ = d.Decode(nil) // runs yamlFM.Unmarshal, which records fm/fmFault
		switch {
		case fmFault == nil:
			t.FrontMatter = fm
		case strings.Contains(fmFault.Message, "alias bomb"):
			// Not a limit one could raise: the front matter is lost, the body is read.
			t.Faults = append(t.Faults, document.Faultf(document.ReadPartialLoss, document.Loc{Path: name, Line: 1}, fmFault,
				"front matter YAML aliases expand far beyond the text (an alias bomb); the front matter was ignored"))
		default:
			loc := document.Loc{Path: name, Line: 1}
			if fmFault.Loc.Line > 0 {
				loc.Line = fmFault.Loc.Line + 1 // the YAML starts on line 2
			}
			t.Faults = append(t.Faults, document.Faultf(document.ReadPartialLoss, loc, fmFault,
				"front matter was ignored: %s", fmFault.Message))
		}
	}

	w := &walker{ctx: ctx, src: src, path: name, t: t, lim: lim, lineStarts: lineStarts(src)}
	w.blocks(doc, 0)
	if w.err != nil {
		return nil, w.err
	}
	return t, nil
}

// parse runs goldmark, turning the deadline parsers' abort into an error.
func parse(md goldmark.Markdown, src []byte, pctx parser.Context, lim limits.Limits) (doc ast.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, ok := p.(aborted)
			if !ok {
				panic(p)
			}
			if errors.Is(a.err, errDelimiterWork) {
				err = document.LimitFault(limits.KeyMarkdownBytes, document.Loc{}, a.err,
					"the Markdown's emphasis markers (* _ ~) need more matching work than %d bytes of Markdown may (a run like \"*a_*a_…\" in one paragraph makes it quadratic); the file was not read",
					lim.MarkdownBytes)
				return
			}
			err = document.LimitFault(limits.KeyReadTimeout, document.Loc{}, a.err,
				"reading the Markdown did not finish within the time limit (limits.read_timeout)")
		}
	}()
	return md.Parser().Parse(text.NewReader(src), parser.WithContext(pctx)), nil
}

// hasFrontMatter reports whether src opens with a "---" line that a later
// line of the same dashes closes. Without the closing line the front matter
// extension would swallow the whole file, so a document that merely starts
// with a thematic break is read as Markdown.
func hasFrontMatter(src []byte) bool {
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok {
		return false
	}
	first = bytes.TrimRight(first, "\r")
	if len(first) < 3 || len(bytes.Trim(first, "-")) != 0 {
		return false
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if bytes.Equal(bytes.TrimRight(line, "\r"), first) {
			return true
		}
	}
	return false
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// headingNumber splits a literal heading number from its text: "2.1 Scope",
// "3. Risks". Each part has at most three digits so "2024 Goals" is a
// title, not section 2024.
var headingNumber = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$`)

// SplitNumber returns the literal number prefix of a heading and the rest.
func SplitNumber(s string) (number, text string) {
	if m := headingNumber.FindStringSubmatch(s); m != nil {
		return m[1], m[2]
	}
	return "", s
}

type walker struct {
	ctx        context.Context
	src        []byte
	path       string
	t          *document.Tree
	lim        limits.Limits
	lineStarts []int

	section    string // innermost heading, "number text"
	paragraph  int    // body paragraph counter (headings, paragraphs, list items)
	table      int
	tableCells int64
	listDepth  int  // lists open around the current block
	capped     bool // the table-cell limit was hit
	deepNoted  bool
	visited    int
	err        error
}

// line is the 1-based source line of byte offset pos.
func (w *walker) line(pos int) int {
	if pos < 0 {
		return 0
	}
	return sort.Search(len(w.lineStarts), func(i int) bool { return w.lineStarts[i] > pos })
}

func (w *walker) loc(pos int) document.Loc {
	return document.Loc{Path: w.path, Section: w.section, Paragraph: w.paragraph, Line: w.line(pos)}
}

// blocks emits the block children of n in reading order.
func (w *walker) blocks(n ast.Node, depth int) {
	for c := n.FirstChild(); c != nil && w.err == nil; c = c.NextSibling() {
		if _, ok := c.(*ast.HTMLBlock); ok && depth <= maxDepth {
			src, last := w.htmlRun(c)
			w.htmlBlock(src, c.Pos())
			c = last
			continue
		}
		w.block(c, depth)
	}
}

// block emits one block node.
func (w *walker) block(c ast.Node, depth int) {
	if depth > maxDepth {
		if !w.deepNoted {
			w.deepNoted = true
			w.t.Notes = append(w.t.Notes, fmt.Sprintf("content nested deeper than %d levels was not read", maxDepth))
		}
		return
	}
	if w.visited++; w.visited%1024 == 0 {
		if err := w.ctx.Err(); err != nil {
			w.err = err
			return
		}
	}
	switch v := c.(type) {
	case *ast.Heading:
		if plainTextLines(w, v) {
			// Lines of a plain-text file that a "---" or "===" separator
			// under them turned into a setext heading: several lines, or
			// a TAB-separated row, are not a heading.
			if !w.tabTable(v) {
				// One line per source line: the first is the file's
				// title line more often than not.
				var lines []string
				for _, l := range strings.Split(w.lines(v), "\n") {
					if l = strings.TrimSpace(l); l != "" {
						lines = append(lines, l)
					}
				}
				if len(lines) > 0 {
					w.paragraph++
					w.add(document.Block{Kind: document.BlockParagraph, Text: strings.Join(lines, "\n"), Loc: w.loc(c.Pos())})
				}
			}
			return
		}
		number, txt := SplitNumber(w.inline(v))
		w.section = strings.TrimSpace(number + " " + txt)
		w.paragraph++
		w.add(document.Block{Kind: document.BlockHeading, Level: v.Level, Number: number, Text: txt,
			Style: fmt.Sprintf("Heading %d", v.Level), Loc: w.loc(v.Pos())})
	case *ast.Paragraph, *ast.TextBlock:
		if w.tabTable(c) {
			return
		}
		if s := w.inline(v); s != "" {
			w.paragraph++
			w.add(document.Block{Kind: document.BlockParagraph, Text: s, Loc: w.loc(c.Pos())})
		}
	case *ast.List:
		style := "List Bullet"
		if v.IsOrdered() {
			style = "List Number"
		}
		w.listDepth++
		for item := v.FirstChild(); item != nil && w.err == nil; item = item.NextSibling() {
			w.listItem(item, style, depth+1)
		}
		w.listDepth--
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if s := strings.TrimRight(w.lines(c), "\n"); s != "" {
			w.paragraph++
			w.add(document.Block{Kind: document.BlockParagraph, Style: "Code", Text: s, Loc: w.loc(c.Pos())})
		}
	case *extast.Table:
		w.tableBlock(v)
	case *ast.ThematicBreak:
		// Layout, not content. (HTML blocks are read by blocks: see html.go.)
	default:
		w.blocks(c, depth+1)
	}
}

func (w *walker) add(b document.Block) { w.t.Blocks = append(w.t.Blocks, b) }

// listItem emits one block for the item's own text (its paragraphs), then
// whatever else it holds (nested lists, tables, code) as blocks of their own.
func (w *walker) listItem(item ast.Node, style string, depth int) {
	var parts []string
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if s := w.inline(c); s != "" {
				parts = append(parts, s)
			}
		}
	}
	if len(parts) > 0 { // an item holding only a nested list has no text of its own
		w.paragraph++
		w.add(document.Block{Kind: document.BlockParagraph, List: true, ListLevel: max(w.listDepth-1, 0), Style: style,
			Text: strings.Join(parts, "\n"), Loc: w.loc(item.Pos())})
	}
	for c := item.FirstChild(); c != nil && w.err == nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			continue
		}
		w.block(c, depth)
	}
}

// lines returns the raw text of a leaf block (code).
func (w *walker) lines(n ast.Node) string {
	var sb strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		sb.Write(seg.Value(w.src))
	}
	return sb.String()
}

var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// inline returns the plain text of n's inline children: emphasis, links and
// code keep their text, <br> is a line break, other raw HTML is dropped.
func (w *walker) inline(n ast.Node) string {
	var sb strings.Builder
	w.inlineTo(&sb, n, false)
	return strings.TrimSpace(sb.String())
}

func (w *walker) inlineTo(sb *strings.Builder, n ast.Node, code bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			val := v.Segment.Value(w.src)
			if !code {
				val = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(val)))
			}
			sb.Write(val)
			switch {
			case v.HardLineBreak():
				sb.WriteByte('\n')
			case v.SoftLineBreak() && w.labelLineAfter(v.Segment.Stop):
				// "**Version:** V0.0.1" on the line after "**Project
				// Name:** Core": a cover of label lines keeps its lines.
				sb.WriteByte('\n')
			case v.SoftLineBreak():
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(v.Value)
		case *ast.CodeSpan:
			w.inlineTo(sb, v, true)
		case *ast.AutoLink:
			sb.Write(v.Label(w.src))
		case *ast.Image:
			// A picture's alt text is not the document's text (a logo's
			// "Shape1" must not become a milestone).
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < v.Segments.Len(); i++ {
				seg := v.Segments.At(i)
				raw = append(raw, seg.Value(w.src)...)
			}
			if brTag.Match(bytes.TrimSpace(raw)) {
				sb.WriteByte('\n')
			}
		default:
			w.inlineTo(sb, c, code)
		}
	}
}

// tableBlock emits a GFM table. Row 1 is the header row; short rows are
// padded so every row has one cell per column.
func (w *walker) tableBlock(tb *extast.Table) {
	if w.capped {
		return // the table-cell limit was hit in an earlier table
	}
	w.table++
	tbl := &document.Table{HeaderRows: 1}
	width := 0
	rowNum := 0
	for r := tb.FirstChild(); r != nil; r = r.NextSibling() {
		if w.capped {
			break
		}
		rowNum++
		var row []document.Cell
		col := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			if w.tableCells >= w.lim.TableCells {
				w.capped = true
				w.t.Faults = append(w.t.Faults, document.LimitFault(limits.KeyTableCells,
					document.Loc{Path: w.path, Section: w.section, Table: w.table, Row: rowNum, Line: w.line(c.Pos())}, nil,
					"the document has more than %d table cells; the rest of its tables were not read (limits.table_cells)", w.lim.TableCells))
				break
			}
			w.tableCells++
			col++
			row = append(row, document.Cell{Text: w.inline(c), Loc: &document.Loc{
				Path: w.path, Section: w.section, Table: w.table, Row: rowNum, Column: col, Line: w.line(c.Pos()),
			}})
		}
		if len(row) > 0 {
			tbl.Rows = append(tbl.Rows, row)
			width = max(width, len(row))
		}
	}
	padRows(tbl)
	if len(tbl.Rows) == 0 {
		return
	}
	w.add(document.Block{Kind: document.BlockTable, Table: tbl,
		Loc: document.Loc{Path: w.path, Section: w.section, Table: w.table, Line: tbl.Rows[0][0].Loc.Line}})
}

// padRows gives every row of a table one cell per column: short rows get
// empty cells addressed after their last.
func padRows(tbl *document.Table) {
	width := 0
	for _, r := range tbl.Rows {
		width = max(width, len(r))
	}
	for i, r := range tbl.Rows {
		for len(r) > 0 && len(r) < width {
			last := r[len(r)-1].At()
			last.Column = len(r) + 1
			r = append(r, document.Cell{Loc: &last})
		}
		tbl.Rows[i] = r
	}
}

// tabTable reads a paragraph that is a table typed with TABs (a
// spreadsheet pasted into a .md file: "CR#<TAB>Date Raised<TAB>…" then
// one line per row): runs of two or more lines with TABs become tables,
// the lines around them paragraphs. It reports whether it emitted
// anything; a paragraph without such a run is left to the caller.
func (w *walker) tabTable(n ast.Node) bool {
	ls := n.Lines()
	if ls.Len() < 2 {
		return false
	}
	type line struct {
		text string
		pos  int
	}
	var lines []line
	tabbed := 0
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		t := strings.TrimRight(string(seg.Value(w.src)), "\r\n")
		lines = append(lines, line{t, seg.Start})
		if strings.Count(t, "\t") >= 1 {
			tabbed++
		}
	}
	if tabbed < 2 {
		return false
	}
	var para []string
	paraPos := -1
	flushPara := func() {
		if len(para) > 0 {
			w.paragraph++
			w.add(document.Block{Kind: document.BlockParagraph, Text: strings.Join(para, "\n"), Loc: w.loc(paraPos)})
			para, paraPos = nil, -1
		}
	}
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && strings.Contains(lines[j].text, "\t") {
			j++
		}
		if j-i >= 2 || j-i == 1 && w.tabHeaderBefore() {
			flushPara()
			w.table++
			tbl := &document.Table{HeaderRows: 1}
			width := 0
			// A header row the file set apart with a separator line
			// ("Name<TAB>Role" then "====="): the paragraph just before.
			if w.tabHeaderBefore() {
				last := w.t.Blocks[len(w.t.Blocks)-1]
				w.t.Blocks = w.t.Blocks[:len(w.t.Blocks)-1]
				var row []document.Cell
				for c, text := range strings.Split(last.Text, "\t") {
					row = append(row, document.Cell{Text: strings.TrimSpace(text), Loc: &document.Loc{
						Path: w.path, Section: w.section, Table: w.table, Row: 1, Column: c + 1, Line: last.Loc.Line,
					}})
				}
				width = len(row)
				tbl.Rows = append(tbl.Rows, row)
			}
			for k := i; k < j; k++ {
				cells := strings.Split(lines[k].text, "\t")
				width = max(width, len(cells))
				row := make([]document.Cell, 0, len(cells))
				for c, text := range cells {
					row = append(row, document.Cell{Text: strings.TrimSpace(text), Loc: &document.Loc{
						Path: w.path, Section: w.section, Table: w.table, Row: len(tbl.Rows) + 1, Column: c + 1, Line: w.line(lines[k].pos),
					}})
				}
				tbl.Rows = append(tbl.Rows, row)
			}
			padRows(tbl)
			w.add(document.Block{Kind: document.BlockTable, Table: tbl,
				Loc: document.Loc{Path: w.path, Section: w.section, Table: w.table, Line: w.line(lines[i].pos)}})
			i = j
			continue
		}
		if j == i {
			j++
		}
		for k := i; k < j; k++ {
			if t := strings.TrimSpace(lines[k].text); t != "" {
				if paraPos < 0 {
					paraPos = lines[k].pos
				}
				para = append(para, t)
			}
		}
		i = j
	}
	flushPara()
	return true
}

// plainTextLines: a heading of two or more source lines, or holding a TAB.
func plainTextLines(w *walker, h *ast.Heading) bool {
	ls := h.Lines()
	if ls.Len() >= 2 {
		return true
	}
	if ls.Len() != 1 {
		return false
	}
	seg := ls.At(0)
	return strings.Contains(string(seg.Value(w.src)), "\t")
}

// tabHeaderBefore: the block just emitted is one TAB-separated line.
func (w *walker) tabHeaderBefore() bool {
	if len(w.t.Blocks) == 0 {
		return false
	}
	b := w.t.Blocks[len(w.t.Blocks)-1]
	return b.Kind == document.BlockParagraph && !b.List && strings.Count(b.Text, "\t") >= 1 && !strings.Contains(b.Text, "\n")
}

// labelStart is a line that opens with a short label and a colon:
// "**Version:** …", "Sponsor: …", "DATE: …".
var labelStart = regexp.MustCompile(`^[ \t]*(?:\*\*|__)?[\p{L}][\p{L}\p{N} ()/&#.'’-]{0,40}?(?:\*\*|__)?[ \t]*:`)

// labelLineAfter reports whether the source line after offset stop opens
// with a label.
func (w *walker) labelLineAfter(stop int) bool {
	i := stop
	for i < len(w.src) && w.src[i] != '\n' {
		i++
	}
	if i >= len(w.src) {
		return false
	}
	next := w.src[i+1:]
	if len(next) > 80 {
		next = next[:80]
	}
	return labelStart.Match(next)
}
