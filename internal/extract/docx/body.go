package docx

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/ooxml"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// reader is the state of one streaming pass over a WordprocessingML part.
// Each parsing method is called right after the start tag of its element
// was read and consumes everything up to and including its end tag, so the
// call depth follows the XML depth, which the Decoder bounds.
type reader struct {
	ctx  context.Context
	dec  *ooxml.Decoder
	path string
	lim  limits.Limits

	styles *styleSheet
	num    *numbering // nil outside the main document: no counting

	tree *document.Tree // nil for headers, footers and comments

	paragraphs int    // body paragraphs seen (Loc.Paragraph)
	tables     int    // top-level tables seen (Loc.Table)
	tableDepth int    // >0 while inside a table
	section    string // innermost heading, "2.1 Scope"

	cells       int64 // resolved table cells kept
	parsedCells int64 // cell elements stored while parsing
	cellsCapped bool  // resolved cells reached lim.TableCells: no more rows kept
	parseCapped bool  // parsed cells reached lim.TableCells: no more cells stored

	// para is the paragraph whose text is being collected.
	para *paraState
	// here is the location text being read belongs to (a body paragraph or
	// a table cell); controls and comment anchors keep the pointer so a
	// heading found at the end of its paragraph still names itself.
	here     *document.Loc
	open     []*control // content controls being read, outermost first
	controls []*control
	anchors  map[string]*document.Loc // comment id → where it is anchored

	trackedChanges int
	tokens         int
}

type control struct {
	ctl  document.Control
	text strings.Builder
	loc  *document.Loc
}

type paraState struct {
	text       strings.Builder
	styleID    string
	numID      string
	hasNumID   bool
	ilvl       int
	outlineLvl int
}

func newPara() *paraState { return &paraState{ilvl: -1, outlineLvl: -1} }

// token reads the next token, checking for cancellation every few hundred
// tokens (a check per token would cost more than the decoding).
func (r *reader) token() (xml.Token, error) {
	r.tokens++
	if r.tokens&255 == 0 {
		if err := r.ctx.Err(); err != nil {
			return nil, err
		}
	}
	return r.dec.Token()
}

// children calls fn for each child element of the element just started,
// until its end tag.
func (r *reader) children(fn func(xml.StartElement) error) error {
	for {
		tok, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		}
	}
}

func isW(se xml.StartElement, local string) bool {
	return se.Name.Space == ooxml.NSWord && se.Name.Local == local
}

// alternate reads mc:AlternateContent: the first mc:Choice with inner, the
// rest skipped. Choice and Fallback hold the same content in two
// encodings (text boxes, symbols), so reading both would double it.
func (r *reader) alternate(se xml.StartElement, inner func() error) error {
	if se.Name.Local != "AlternateContent" {
		return r.dec.Skip()
	}
	chosen := false
	return r.children(func(c xml.StartElement) error {
		if c.Name.Space == ooxml.NSMarkupCompat && c.Name.Local == "Choice" && !chosen {
			chosen = true
			return inner()
		}
		return r.dec.Skip()
	})
}

// document reads word/document.xml down to w:body and its blocks.
func (r *reader) document() error {
	for {
		tok, err := r.token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && isW(se, "body") {
			return r.blocks()
		}
	}
}

// blocks reads block-level content: paragraphs, tables and their wrappers.
func (r *reader) blocks() error {
	return r.children(func(se xml.StartElement) error {
		if se.Name.Space == ooxml.NSMarkupCompat {
			return r.alternate(se, r.blocks)
		}
		if se.Name.Space != ooxml.NSWord {
			return r.dec.Skip()
		}
		switch se.Name.Local {
		case "p":
			return r.bodyParagraph()
		case "tbl":
			return r.bodyTable()
		case "sdt":
			return r.sdt(r.blocks)
		case "ins", "moveTo":
			r.trackedChanges++
			return r.blocks()
		case "del", "moveFrom":
			r.trackedChanges++
			return r.dec.Skip()
		case "customXml", "smartTag":
			return r.blocks()
		}
		return r.dec.Skip() // sectPr, bookmarks, proofing marks
	})
}

// paragraph reads a w:p into p.
func (r *reader) paragraph(p *paraState) error {
	saved := r.para
	r.para = p
	defer func() { r.para = saved }()
	err := r.children(func(se xml.StartElement) error {
		if isW(se, "pPr") {
			return r.paragraphProps(p)
		}
		return r.inline(se)
	})
	// A paragraph boundary inside a content control separates its lines.
	for _, c := range r.open {
		if c.text.Len() > 0 && !strings.HasSuffix(c.text.String(), "\n") {
			c.text.WriteByte('\n')
		}
	}
	return err
}

func (r *reader) paragraphProps(p *paraState) error {
	return r.children(func(se xml.StartElement) error {
		if se.Name.Space != ooxml.NSWord {
			return r.dec.Skip()
		}
		switch se.Name.Local {
		case "pStyle":
			p.styleID = attrVal(se)
		case "outlineLvl":
			p.outlineLvl = atoiDefault(attrVal(se), -1)
		case "numPr":
			return r.children(func(c xml.StartElement) error {
				switch {
				case isW(c, "numId"):
					p.numID, p.hasNumID = attrVal(c), true
				case isW(c, "ilvl"):
					p.ilvl = atoiDefault(attrVal(c), -1)
				}
				return r.dec.Skip()
			})
		case "rPr":
			// Paragraph-mark properties: an inserted or deleted paragraph
			// mark is a tracked change.
			return r.children(func(c xml.StartElement) error {
				if isW(c, "ins") || isW(c, "del") || isW(c, "moveFrom") || isW(c, "moveTo") {
					r.trackedChanges++
				}
				return r.dec.Skip()
			})
		}
		// pPrChange (old properties of a tracked formatting change), tabs,
		// sectPr and the rest carry no text.
		return r.dec.Skip()
	})
}

// inline reads run-level content, sending text to emit.
func (r *reader) inline(se xml.StartElement) error {
	if se.Name.Space == ooxml.NSMarkupCompat {
		return r.alternate(se, r.inlineChildren)
	}
	if se.Name.Space != ooxml.NSWord {
		// DrawingML, VML and the like: descend, because text boxes
		// (w:txbxContent) sit inside them.
		return r.inlineChildren()
	}
	switch se.Name.Local {
	case "t":
		text, err := r.dec.ElementText()
		r.emit(text)
		return err
	case "tab", "ptab":
		r.emit("\t")
	case "br":
		// Page and column breaks are layout; a text-wrapping break is a
		// line break inside the paragraph.
		if typ, _ := ooxml.Attr(se, ooxml.NSWord, "type"); typ == "" || typ == "textWrapping" {
			r.emit("\n")
		}
	case "cr":
		r.emit("\n")
	case "noBreakHyphen":
		r.emit("-")
	case "sym":
		r.emit(symbol(se))
	case "ins", "moveTo":
		r.trackedChanges++
		return r.inlineChildren()
	case "del", "moveFrom":
		// Deleted or moved-away text is not part of the document as it
		// reads now.
		r.trackedChanges++
	case "sdt":
		return r.sdt(r.inlineChildren)
	case "commentReference", "commentRangeStart":
		if id, ok := ooxml.Attr(se, ooxml.NSWord, "id"); ok && r.anchors != nil && r.here != nil {
			if _, seen := r.anchors[id]; !seen {
				r.anchors[id] = r.here
			}
		}
	case "p":
		// A paragraph nested in this one (text box): its text follows on a
		// new line.
		if r.para != nil && r.para.text.Len() > 0 {
			r.emit("\n")
		}
		return r.children(func(c xml.StartElement) error {
			if isW(c, "pPr") {
				return r.dec.Skip()
			}
			return r.inline(c)
		})
	case "rPr", "pPr", "delText", "instrText", "delInstrText", "fldData", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr":
		// Properties, field codes and deleted text: never document text.
	default:
		// Runs, hyperlinks, fields, smart tags, custom XML, drawings.
		return r.inlineChildren()
	}
	return r.dec.Skip()
}

func (r *reader) inlineChildren() error { return r.children(r.inline) }

// emit appends text to the paragraph being read and to every open content
// control.
func (r *reader) emit(s string) {
	if s == "" {
		return
	}
	if r.para != nil {
		r.para.text.WriteString(s)
	}
	for _, c := range r.open {
		c.text.WriteString(s)
	}
}

// symbol renders w:sym. Word stores symbol-font characters in the private
// use area (F000 + code); the common check-box glyphs are mapped, other
// symbol-font characters have no meaning as text and are dropped.
func symbol(se xml.StartElement) string {
	code, _ := ooxml.Attr(se, ooxml.NSWord, "char")
	n, err := strconv.ParseUint(code, 16, 32)
	if err != nil {
		return ""
	}
	if n >= 0xF000 && n <= 0xF0FF {
		n -= 0xF000
	}
	font, _ := ooxml.Attr(se, ooxml.NSWord, "font")
	if strings.HasPrefix(strings.ToLower(font), "wingdings") {
		switch n {
		case 0xA8, 0x6F, 0x71:
			return "☐"
		case 0xFE, 0x78, 0xFD:
			return "☒"
		case 0xFC:
			return "✓"
		case 0xFB:
			return "✗"
		}
		return ""
	}
	if strings.EqualFold(font, "Symbol") || n < 0x20 || (n >= 0xE000 && n <= 0xF8FF) {
		return ""
	}
	return string(rune(n))
}

// sdt reads a content control: its properties, then its content with
// content (block, row, cell or run level), recording it in the tree.
func (r *reader) sdt(content func() error) error {
	c := &control{loc: r.here}
	if c.loc == nil {
		// A block-level control: it is where the next paragraph will be.
		c.loc = &document.Loc{Path: r.path, Section: r.section, Paragraph: r.paragraphs + 1}
	}
	err := r.children(func(se xml.StartElement) error {
		switch {
		case isW(se, "sdtPr"):
			return r.sdtProps(&c.ctl)
		case isW(se, "sdtContent"):
			r.open = append(r.open, c)
			err := content()
			r.open = r.open[:len(r.open)-1]
			return err
		}
		return r.dec.Skip()
	})
	r.controls = append(r.controls, c)
	return err
}

func (r *reader) sdtProps(ctl *document.Control) error {
	return r.children(func(se xml.StartElement) error {
		switch {
		case isW(se, "tag"):
			ctl.Tag = attrVal(se)
		case isW(se, "alias"):
			ctl.Alias = attrVal(se)
		case isW(se, "showingPlcHdr"):
			ctl.Placeholder = isOn(attrVal(se))
		case isW(se, "date"):
			if full, ok := ooxml.Attr(se, ooxml.NSWord, "fullDate"); ok && isoDate.MatchString(full) {
				ctl.Date = full[:10]
			}
		case se.Name.Space == ooxml.NSWord2010 && se.Name.Local == "checkbox":
			checked := false
			ctl.Checked = &checked
			return r.children(func(c xml.StartElement) error {
				if c.Name.Space == ooxml.NSWord2010 && c.Name.Local == "checked" {
					v, _ := ooxml.Attr(c, ooxml.NSWord2010, "val")
					checked = isOn(v)
				}
				return r.dec.Skip()
			})
		}
		return r.dec.Skip()
	})
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// bodyParagraph reads a top-level paragraph and appends its block.
func (r *reader) bodyParagraph() error {
	r.paragraphs++
	loc := &document.Loc{Path: r.path, Section: r.section, Paragraph: r.paragraphs}
	saved := r.here
	r.here = loc
	p := newPara()
	err := r.paragraph(p)
	r.here = saved
	if err != nil {
		return err
	}
	number, numbered := r.advanceNumbering(p)
	text := strings.TrimSpace(p.text.String())
	if text == "" {
		return nil // empty paragraphs still count for Loc.Paragraph
	}
	styleID := r.styleOf(p)
	name := ""
	if p.styleID != "" {
		name = r.styles.displayName(p.styleID)
	}
	kind, level := notHeading, 0
	switch {
	case p.outlineLvl >= 0 && p.outlineLvl <= 8:
		kind, level = levelHeading, p.outlineLvl+1
	case p.outlineLvl > 8:
		// Outline level 9 is Word's "body text": explicitly not a heading.
	default:
		kind, level = r.styles.heading(styleID)
	}
	switch kind {
	case levelHeading:
		text = collapseSpace(text)
		if lit, rest := literalNumber(text); lit != "" {
			number, text = lit, rest
		}
		r.section = strings.TrimSpace(number + " " + text)
		loc.Section = r.section
		r.tree.Blocks = append(r.tree.Blocks, document.Block{
			Kind: document.BlockHeading, Level: level, Number: number, Style: name, Text: text, Loc: *loc})
	case titleHeading:
		if name == "" {
			name = "Title"
		}
		r.tree.Blocks = append(r.tree.Blocks, document.Block{
			Kind: document.BlockHeading, Level: 0, Style: name, Text: collapseSpace(text), Loc: *loc})
	default:
		list := numbered || strings.HasPrefix(strings.ToLower(r.styles.displayName(styleID)), "list")
		level := 0
		if list && p.ilvl > 0 {
			level = p.ilvl
		}
		r.tree.Blocks = append(r.tree.Blocks, document.Block{
			Kind: document.BlockParagraph, Style: name, Text: text, List: list, ListLevel: level, Loc: *loc})
	}
	return nil
}

// styleOf is the paragraph's style id, or the document's default
// paragraph style when it names none.
func (r *reader) styleOf(p *paraState) string {
	if p.styleID != "" {
		return p.styleID
	}
	return r.styles.defaultPara
}

// advanceNumbering finds the paragraph's effective numbering (its own
// numPr, else its style's, numId 0 meaning "none") and moves the counters
// on, as Word does for every numbered paragraph in document order.
func (r *reader) advanceNumbering(p *paraState) (number string, numbered bool) {
	styleID := r.styleOf(p)
	numID, has, ilvl := p.numID, p.hasNumID, p.ilvl
	fromStyle := false
	if !has {
		var styleIlvl int
		numID, has, styleIlvl = r.styles.numbering(styleID)
		fromStyle = true
		if ilvl < 0 {
			ilvl = styleIlvl
		}
	}
	if !has || numID == "" || numID == "0" {
		return "", false
	}
	if r.num == nil {
		return "", true
	}
	if ilvl < 0 {
		ilvl = 0
		if fromStyle {
			ilvl = r.num.levelForStyle(numID, styleID)
		}
	}
	// A numId the numbering part does not define still makes a list item.
	number, _ = r.num.next(numID, ilvl)
	return number, true
}

// literalHeadingNumber matches a number typed at the start of a heading:
// "2.1 Scope", "3. Budget". One to three digits per part, so a year
// ("2024 Roadmap") is not taken for a number.
var literalHeadingNumber = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$`)

func literalNumber(text string) (number, rest string) {
	m := literalHeadingNumber.FindStringSubmatch(text)
	if m == nil {
		return "", text
	}
	return m[1], m[2]
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
