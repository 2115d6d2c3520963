package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/extract/ooxml"
)

// numbering is word/numbering.xml plus the running counters Word keeps
// while it lays the document out. Headings in real templates (GSA) carry
// no number text: "1.", "1.1" exist only as list numbering linked to the
// heading styles, so the reader has to count like Word does.
type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*numInstance
	styles    *styleSheet
	counters  map[*abstractNum]*counterSet
	used      map[string]bool // numIds seen, for startOverride
}

type numLevel struct {
	start   int
	format  string // numFmt: decimal, upperLetter, bullet, …
	text    string // lvlText: "%1.%2."
	pStyle  string
	defined bool
}

type abstractNum struct {
	levels       [9]numLevel
	numStyleLink string
}

type numInstance struct {
	abstractID    string
	startOverride map[int]int
}

type counterSet struct {
	value   [9]int
	started [9]bool
}

func newNumbering(styles *styleSheet) *numbering {
	return &numbering{
		abstracts: map[string]*abstractNum{},
		nums:      map[string]*numInstance{},
		styles:    styles,
		counters:  map[*abstractNum]*counterSet{},
		used:      map[string]bool{},
	}
}

// parseNumbering reads word/numbering.xml into n.
func parseNumbering(dec *ooxml.Decoder, n *numbering) error {
	var abs *abstractNum
	var inst *numInstance
	var lvl *numLevel
	overrideLvl := -1
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != ooxml.NSWord {
				continue
			}
			switch t.Name.Local {
			case "abstractNum":
				id, _ := ooxml.Attr(t, ooxml.NSWord, "abstractNumId")
				abs = &abstractNum{}
				for i := range abs.levels {
					abs.levels[i] = numLevel{start: 1, format: "decimal"}
				}
				if _, dup := n.abstracts[id]; !dup {
					n.abstracts[id] = abs
				}
			case "num":
				id, _ := ooxml.Attr(t, ooxml.NSWord, "numId")
				inst = &numInstance{startOverride: map[int]int{}}
				if _, dup := n.nums[id]; !dup {
					n.nums[id] = inst
				}
			case "abstractNumId":
				if inst != nil {
					inst.abstractID = attrVal(t)
				}
			case "lvlOverride":
				if inst != nil {
					v, _ := ooxml.Attr(t, ooxml.NSWord, "ilvl")
					overrideLvl = atoiDefault(v, -1)
				}
			case "startOverride":
				if inst != nil && overrideLvl >= 0 && overrideLvl < 9 {
					inst.startOverride[overrideLvl] = atoiDefault(attrVal(t), 1)
				}
			case "numStyleLink":
				if abs != nil {
					abs.numStyleLink = attrVal(t)
				}
			case "lvl":
				// A w:lvl inside w:num/w:lvlOverride redefines a level for
				// that instance only; rare enough to ignore.
				if abs == nil {
					if err := dec.Skip(); err != nil {
						return err
					}
					continue
				}
				v, _ := ooxml.Attr(t, ooxml.NSWord, "ilvl")
				if i := atoiDefault(v, -1); i >= 0 && i < 9 {
					lvl = &abs.levels[i]
					lvl.defined = true
				} else {
					lvl = nil
				}
			case "start":
				if lvl != nil {
					lvl.start = atoiDefault(attrVal(t), 1)
				}
			case "numFmt":
				if lvl != nil {
					lvl.format = attrVal(t)
				}
			case "lvlText":
				if lvl != nil {
					lvl.text = attrVal(t)
				}
			case "pStyle":
				if lvl != nil {
					lvl.pStyle = attrVal(t)
				}
			}
		case xml.EndElement:
			if t.Name.Space != ooxml.NSWord {
				continue
			}
			switch t.Name.Local {
			case "abstractNum":
				abs, lvl = nil, nil
			case "num":
				inst = nil
			case "lvlOverride":
				overrideLvl = -1
			case "lvl":
				lvl = nil
			}
		}
	}
}

// abstractFor resolves a numId to its abstract definition, following a
// numStyleLink through the numbering style it names.
func (n *numbering) abstractFor(numID string) *abstractNum {
	for hop := 0; hop < 4; hop++ {
		inst, ok := n.nums[numID]
		if !ok {
			return nil
		}
		abs, ok := n.abstracts[inst.abstractID]
		if !ok {
			return nil
		}
		if abs.numStyleLink == "" {
			return abs
		}
		linked, hasNum, _ := n.styles.numbering(abs.numStyleLink)
		if !hasNum || linked == numID {
			return abs
		}
		numID = linked
	}
	return nil
}

// levelForStyle finds the level of numID's definition that is linked to a
// paragraph style (w:pStyle in w:lvl), used when neither the paragraph nor
// its style says which level it is on.
func (n *numbering) levelForStyle(numID, styleID string) int {
	abs := n.abstractFor(numID)
	if abs == nil || styleID == "" {
		return 0
	}
	for i, l := range abs.levels {
		if l.defined && l.pStyle == styleID {
			return i
		}
	}
	return 0
}

// next advances the counter of (numID, ilvl) the way Word does while laying
// out one more numbered paragraph, and returns its rendered number without
// the trailing dot ("2.1"). bullet is true for bullet/no-number levels.
func (n *numbering) next(numID string, ilvl int) (number string, ok bool) {
	abs := n.abstractFor(numID)
	if abs == nil {
		return "", false
	}
	ilvl = min(max(ilvl, 0), 8)
	cs := n.counters[abs]
	if cs == nil {
		cs = &counterSet{}
		n.counters[abs] = cs
	}
	if !n.used[numID] {
		n.used[numID] = true
		if inst := n.nums[numID]; inst != nil {
			for l, start := range inst.startOverride {
				cs.value[l], cs.started[l] = start-1, true
			}
		}
	}
	lvl := abs.levels[ilvl]
	if cs.started[ilvl] {
		cs.value[ilvl]++
	} else {
		cs.value[ilvl], cs.started[ilvl] = lvl.start, true
	}
	for deeper := ilvl + 1; deeper < 9; deeper++ {
		cs.started[deeper] = false
	}
	switch lvl.format {
	case "bullet", "none":
		return "", true
	}
	var b strings.Builder
	text := lvl.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := cs.value[k]
			if !cs.started[k] {
				v = abs.levels[k].start
			}
			b.WriteString(formatNumber(v, abs.levels[k].format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimRight(strings.TrimSpace(b.String()), ".)"), true
}

// formatNumber renders a counter in a w:numFmt; formats beyond the common
// ones fall back to decimal, which is what a reader needs for matching.
func formatNumber(v int, format string) string {
	switch format {
	case "upperLetter":
		return letters(v, 'A')
	case "lowerLetter":
		return letters(v, 'a')
	case "upperRoman":
		return roman(v)
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	}
	return strconv.Itoa(v)
}

// letters renders Word's letter numbering: A…Z, then AA, BB, ….
func letters(v int, base byte) string {
	if v <= 0 {
		return strconv.Itoa(v)
	}
	repeat := (v-1)/26 + 1
	if repeat > 10 {
		return strconv.Itoa(v)
	}
	return strings.Repeat(string(rune(base+byte((v-1)%26))), repeat)
}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, val := range vals {
		for v >= val {
			b.WriteString(syms[i])
			v -= val
		}
	}
	return b.String()
}
