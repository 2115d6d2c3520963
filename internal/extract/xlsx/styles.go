package xlsx

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/xmltext"
)

// styleInfo is what the reader needs from a cell style.
type styleInfo struct {
	format fmtKind
	code   string // number format code ("" for General)
	// showsTime and seconds say whether a date/time format shows a clock.
	showsTime, seconds bool
	// style is what the cell's formatting tells (nil when nothing),
	// shared by every cell of the style.
	style *document.CellStyle
}

// symbolFonts map letters to pictures: "P" in Wingdings 2 is a check mark
// (the GSA readiness checklist uses it), so the text alone misleads.
var symbolFonts = map[string]bool{
	"wingdings": true, "wingdings 2": true, "wingdings 3": true, "symbol": true, "webdings": true,
}

// styleSheet is the cell formats of xl/styles.xml, each resolved once.
type styleSheet struct {
	xfs []styleInfo
}

// count is the number of cell formats.
func (ss *styleSheet) count() int {
	if ss == nil {
		return 0
	}
	return len(ss.xfs)
}

// get returns the style of a cell's s index (an unknown index is the
// default style).
func (ss *styleSheet) get(id int) styleInfo {
	if ss == nil || id < 0 || id >= len(ss.xfs) {
		return styleInfo{}
	}
	return ss.xfs[id]
}

type xmlStyleSheet struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Fonts []struct {
		B *struct {
			Val *string `xml:"val,attr"`
		} `xml:"b"`
		Name *struct {
			Val string `xml:"val,attr"`
		} `xml:"name"`
	} `xml:"fonts>font"`
	Xfs []struct {
		NumFmtID       *int    `xml:"numFmtId,attr"`
		FontID         *int    `xml:"fontId,attr"`
		ApplyFont      *string `xml:"applyFont,attr"`
		ApplyAlignment *string `xml:"applyAlignment,attr"`
		Alignment      *struct {
			Indent int `xml:"indent,attr"`
		} `xml:"alignment"`
	} `xml:"cellXfs>xf"`
}

// builtinNumFmt are the built-in number format ids a style may name
// without defining them (the ids excelize knows, language ones included).
func builtinNumFmt(id int) bool {
	return 0 <= id && id <= 4 || 9 <= id && id <= 22 || 37 <= id && id <= 49 ||
		27 <= id && id <= 36 || 50 <= id && id <= 62 || 67 <= id && id <= 81
}

// parseStyles reads the styles part. A built-in number format id wins
// over a custom definition of the same id; a font is used unless
// applyFont is false; bold is <b/> unless its val is false.
func parseStyles(data []byte) (*styleSheet, error) {
	var x xmlStyleSheet
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	custom := map[int]string{}
	for _, nf := range x.NumFmts {
		if _, seen := custom[nf.ID]; !seen {
			custom[nf.ID] = nf.Code
		}
	}
	ss := &styleSheet{xfs: make([]styleInfo, len(x.Xfs))}
	for i, xf := range x.Xfs {
		si := &ss.xfs[i]
		if xf.NumFmtID != nil {
			id := *xf.NumFmtID
			if code, ok := custom[id]; ok && !builtinNumFmt(id) {
				si.code = code
				si.format = customFormatKind(code)
			} else if builtinNumFmt(id) {
				si.code = builtinFormatCodes[id]
				si.format = builtinFormatKind(id)
			}
		}
		if si.format != fmtNumber {
			si.showsTime, si.seconds = formatShowsTime(si.code)
		}
		var cs document.CellStyle
		if xf.Alignment != nil && (xf.ApplyAlignment == nil || parseBool(*xf.ApplyAlignment)) {
			cs.Indent = xf.Alignment.Indent
		}
		if xf.FontID != nil && *xf.FontID >= 0 && *xf.FontID < len(x.Fonts) && (xf.ApplyFont == nil || parseBool(*xf.ApplyFont)) {
			f := x.Fonts[*xf.FontID]
			cs.Bold = f.B != nil && (f.B.Val == nil || *f.B.Val == "" || parseBool(*f.B.Val))
			if f.Name != nil && symbolFonts[strings.ToLower(strings.TrimSpace(f.Name.Val))] {
				cs.Font = f.Name.Val
			}
		}
		if cs != (document.CellStyle{}) {
			si.style = &cs
		}
	}
	return ss, nil
}

func parseBool(s string) bool {
	b, err := strconv.ParseBool(strings.TrimSpace(s))
	return err == nil && b
}

// sharedStrings is the shared-strings table in one string: item i is
// data[ends[i-1]:ends[i]]. Cells take their text as a substring, so a
// text repeated over many thousand rows costs nothing per cell.
type sharedStrings struct {
	data string
	ends []uint32
}

func (s *sharedStrings) get(i int) string {
	if s == nil || i < 0 || i >= len(s.ends) {
		return ""
	}
	from := uint32(0)
	if i > 0 {
		from = s.ends[i-1]
	}
	return s.data[from:s.ends[i]]
}

// parseSharedStrings reads the shared-strings part: each <si>'s direct
// <t> then its runs' <t> (phonetic runs left out), with _xHHHH_ escapes
// decoded, as excelize gives them.
func parseSharedStrings(data []byte) (*sharedStrings, error) {
	var tok tokenizer = newFastTokenizer(data)
	if !fastScan {
		tok = newStdTokenizer(data)
	}
	s, err := scanSharedStrings(tok)
	if errors.Is(err, xmltext.ErrUnusual) {
		s, err = scanSharedStrings(newStdTokenizer(data))
	}
	return s, err
}

func scanSharedStrings(tok tokenizer) (*sharedStrings, error) {
	var (
		all       []byte
		ends      []uint32
		stack     []string
		t, r      []byte
		into      int
		inItem    bool
		needsBstr bool
	)
	for {
		tk, err := tok.next()
		if errors.Is(err, io.EOF) && len(stack) == 0 {
			break
		}
		if errors.Is(err, io.EOF) {
			return nil, errMalformed
		}
		if err != nil {
			return nil, err
		}
		switch tk.Kind {
		case xmltext.Start:
			stack = append(stack, tk.Name)
			n := len(stack)
			switch {
			case tk.Name == "si" && n == 2:
				inItem, t, r, needsBstr = true, t[:0], r[:0], false
			case tk.Name == "t" && inItem && n == 3:
				into = intoT
			case tk.Name == "t" && inItem && n == 4 && stack[2] == "r":
				into = intoR
			}
		case xmltext.CharData:
			switch into {
			case intoT:
				t = append(t, tk.Text...)
			case intoR:
				r = append(r, tk.Text...)
			}
		case xmltext.End:
			if len(stack) == 0 || stack[len(stack)-1] != tk.Name {
				return nil, errMalformed
			}
			stack = stack[:len(stack)-1]
			into = intoNone
			if tk.Name == "si" && len(stack) == 1 && inItem {
				inItem = false
				item := append(t, r...)
				if len(item) > 0 {
					needsBstr = strings.Contains(string(item), "_x")
				}
				if needsBstr {
					all = append(all, bstrDecode(string(item))...)
				} else {
					all = append(all, item...)
				}
				if len(all) > 1<<32-1 {
					return nil, errMalformed
				}
				ends = append(ends, uint32(len(all)))
				t = item[:0]
			}
		}
	}
	return &sharedStrings{data: string(all), ends: ends}, nil
}

// errMalformed says a part's elements do not nest.
var errMalformed = errors.New("elements do not nest")
