package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/extract/ooxml"
)

// style is the part of a w:style definition that decides headings, lists
// and numbering.
type style struct {
	id, name, kind, basedOn string
	outlineLvl              int // 0-based; -1 when not set
	numID                   string
	ilvl                    int // -1 when not set
	hasNumID                bool
}

type styleSheet struct {
	byID        map[string]*style
	defaultPara string // style id of the default paragraph style
}

func newStyleSheet() *styleSheet { return &styleSheet{byID: map[string]*style{}} }

// parseStyles reads word/styles.xml.
func parseStyles(dec *ooxml.Decoder) (*styleSheet, error) {
	ss := newStyleSheet()
	var cur *style
	inPPr := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return ss, nil
		}
		if err != nil {
			return ss, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != ooxml.NSWord {
				continue
			}
			switch t.Name.Local {
			case "style":
				if dec.Depth() != 2 {
					continue
				}
				id, _ := ooxml.Attr(t, ooxml.NSWord, "styleId")
				kind, _ := ooxml.Attr(t, ooxml.NSWord, "type")
				cur = &style{id: id, kind: kind, outlineLvl: -1, ilvl: -1}
				if _, dup := ss.byID[id]; !dup {
					ss.byID[id] = cur
				}
				if def, ok := ooxml.Attr(t, ooxml.NSWord, "default"); ok && isOn(def) && kind == "paragraph" && ss.defaultPara == "" {
					ss.defaultPara = id
				}
			case "name":
				if cur != nil && dec.Depth() == 3 {
					cur.name, _ = ooxml.Attr(t, ooxml.NSWord, "val")
				}
			case "basedOn":
				if cur != nil && dec.Depth() == 3 {
					cur.basedOn, _ = ooxml.Attr(t, ooxml.NSWord, "val")
				}
			case "pPr":
				if cur != nil && dec.Depth() == 3 {
					inPPr = true
				}
			case "pPrChange":
				// The old properties of a tracked formatting change.
				if err := dec.Skip(); err != nil {
					return ss, err
				}
			case "outlineLvl":
				if cur != nil && inPPr {
					cur.outlineLvl = atoiDefault(attrVal(t), -1)
				}
			case "numId":
				if cur != nil && inPPr {
					cur.numID, cur.hasNumID = attrVal(t), true
				}
			case "ilvl":
				if cur != nil && inPPr {
					cur.ilvl = atoiDefault(attrVal(t), -1)
				}
			}
		case xml.EndElement:
			if t.Name.Space != ooxml.NSWord {
				continue
			}
			switch {
			case t.Name.Local == "style" && dec.Depth() == 1:
				cur = nil
			case t.Name.Local == "pPr" && dec.Depth() == 2:
				inPPr = false
			}
		}
	}
}

// chain walks a style and its basedOn ancestors, nearest first, guarding
// against cycles and absurd depth.
func (ss *styleSheet) chain(id string, visit func(*style) bool) {
	seen := map[string]bool{}
	for i := 0; id != "" && i < 32 && !seen[id]; i++ {
		seen[id] = true
		s, ok := ss.byID[id]
		if !ok {
			return
		}
		if visit(s) {
			return
		}
		id = s.basedOn
	}
}

var (
	headingName = regexp.MustCompile(`(?i)^heading\s*([1-9])$`)
	headingID   = regexp.MustCompile(`^[Hh]eading([1-9])$`)
	tocName     = regexp.MustCompile(`(?i)^(toc\b|table of contents|toc heading)`)
)

// headingKind says how a paragraph style makes a heading.
type headingKind int

const (
	notHeading headingKind = iota
	titleHeading
	levelHeading
)

// heading resolves a paragraph style to a heading level (1..9) or the
// Title style: the nearest style in the basedOn chain that is a built-in
// heading, has an outline level, is Title, or is a table-of-contents style
// (which is never a heading even when based on Heading 1) decides.
func (ss *styleSheet) heading(styleID string) (headingKind, int) {
	kind, level := notHeading, 0
	found := false
	ss.chain(styleID, func(s *style) bool {
		switch {
		case tocName.MatchString(s.name):
			found = true
		case headingName.MatchString(s.name):
			n, _ := strconv.Atoi(headingName.FindStringSubmatch(s.name)[1])
			kind, level, found = levelHeading, n, true
		case s.outlineLvl >= 0:
			if s.outlineLvl <= 8 {
				kind, level = levelHeading, s.outlineLvl+1
			}
			found = true // outline level 9 is "body text"
		case strings.EqualFold(s.name, "Title") || (s.name == "" && s.id == "Title"):
			kind, found = titleHeading, true
		}
		return found
	})
	if !found {
		// No styles part, or a style id with no definition: Word's own ids
		// still say what it is.
		if m := headingID.FindStringSubmatch(styleID); m != nil {
			n, _ := strconv.Atoi(m[1])
			return levelHeading, n
		}
		if styleID == "Title" {
			return titleHeading, 0
		}
	}
	return kind, level
}

// numbering returns the numbering a paragraph style carries (numId and
// ilvl inherit independently along basedOn: GSA's Heading 3 sets only
// ilvl=2 and takes numId from Heading 2).
func (ss *styleSheet) numbering(styleID string) (numID string, hasNumID bool, ilvl int) {
	ilvl = -1
	ss.chain(styleID, func(s *style) bool {
		if !hasNumID && s.hasNumID {
			numID, hasNumID = s.numID, true
		}
		if ilvl < 0 && s.ilvl >= 0 {
			ilvl = s.ilvl
		}
		return hasNumID && ilvl >= 0
	})
	return numID, hasNumID, ilvl
}

// displayName is the style name as a user sees it: Word stores built-in
// heading names in lower case ("heading 1") but shows "Heading 1".
func (ss *styleSheet) displayName(styleID string) string {
	s, ok := ss.byID[styleID]
	if !ok || s.name == "" {
		return styleID
	}
	if m := headingName.FindStringSubmatch(s.name); m != nil {
		return "Heading " + m[1]
	}
	return s.name
}

func attrVal(se xml.StartElement) string {
	v, _ := ooxml.Attr(se, ooxml.NSWord, "val")
	return v
}

// isOn reads an ST_OnOff value; an absent value means on.
func isOn(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "1", "true", "on":
		return true
	}
	return false
}

func atoiDefault(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}
