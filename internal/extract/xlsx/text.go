package xlsx

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"
)

// The reader renders the text a number shows itself, from its number
// format: dates in ISO form (which is also what the Date field holds),
// times as hh:mm[:ss], other numbers from the format's sections, digit
// placeholders, decimals, percent, thousands separator and literal text,
// which covers the formats schedules, logs and trackers use. General
// follows excelize (which earlier versions of this reader used for the
// text): the shortest exact decimal, 15 significant digits for longer
// values, and in a cell with a style of its own at most 11 characters.
// Scientific, fraction and text-only formats show the General text.

// builtinFormatCodes are the built-in number formats rendered here (the
// others render as General).
var builtinFormatCodes = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	// Dates and times: only whether they show a time matters here.
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
	20: "hh:mm", 21: "hh:mm:ss", 22: "m/d/yy hh:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
}

// generalText renders a number the way excelize renders General: the
// shortest exact decimal, or 15 significant digits for longer values
// (1.1000000000000001 → "1.1").
func generalText(v float64) string {
	if generalWidth(v) > 15 {
		return strconv.FormatFloat(v, 'G', 15, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// styledGeneralText is General in a cell with a style of its own, which
// excelize (like Excel in a standard-width column) cuts to 10 significant
// digits when it takes more than 11 characters.
func styledGeneralText(v float64) string {
	s := generalText(v)
	if n, err := strconv.ParseFloat(s, 64); err == nil && generalWidth(n) > 11 {
		return strconv.FormatFloat(n, 'G', 10, 64)
	}
	return s
}

// generalTextReusing is generalText or styledGeneralText that returns raw
// itself when it is already the text (a number written as "1234" shows
// "1234"), so most number cells cost no string of their own.
func generalTextReusing(raw string, v float64, styled bool, scratch []byte) (string, []byte) {
	b := strconv.AppendFloat(scratch[:0], v, 'f', -1, 64)
	width := len(b) - bytes.Count(b, []byte("."))
	if width > 15 || styled && width > 11 {
		if styled {
			return styledGeneralText(v), b
		}
		return generalText(v), b
	}
	if string(b) == raw {
		return raw, b
	}
	return string(b), b
}

// generalWidth is excelize's "precision": the characters of the plain
// decimal form, sign included, point excluded.
func generalWidth(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	return len(s) - strings.Count(s, ".")
}

// numberText renders v with a (non-date) format code; styled says the
// cell has a style of its own (see styledGeneralText).
func numberText(code string, v float64, styled bool) string {
	general := func() string {
		if styled {
			return styledGeneralText(v)
		}
		return generalText(v)
	}
	sections := splitSections(code)
	section, neg := sections[0], false
	switch {
	case v < 0 && len(sections) > 1:
		section, neg = sections[1], true
	case v == 0 && len(sections) > 2:
		section = sections[2]
	}
	plain := stripLiterals(section)
	if strings.EqualFold(plain, "general") || strings.ContainsAny(plain, "@EeHhSsYyDd/?") || !strings.ContainsAny(plain, "0#") {
		return general()
	}
	abs := math.Abs(v)
	if strings.Contains(plain, "%") {
		abs *= 100
	}
	decimals := 0
	if _, frac, ok := strings.Cut(plain, "."); ok {
		decimals = strings.Count(frac, "0") + strings.Count(frac, "#")
	}
	num := roundDecimal(strconv.FormatFloat(abs, 'f', -1, 64), decimals)
	if intPart, _, _ := strings.Cut(plain, "."); strings.Contains(intPart, ",") {
		num = groupThousands(num)
	}
	if v < 0 && !neg && strings.Trim(num, "0.,") != "" {
		num = "-" + num
	}
	return renderSection(section, num)
}

// splitSections splits a format code at the semicolons outside quotes.
func splitSections(code string) []string {
	var out []string
	inQuote, start := false, 0
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			inQuote = !inQuote
		case c == '\\' && !inQuote:
			i++
		case c == ';' && !inQuote:
			out = append(out, code[start:i])
			start = i + 1
		}
	}
	return append(out, code[start:])
}

// renderSection writes the section's literal text around the number: the
// run of digit placeholders, separators and the decimal point becomes num.
func renderSection(section, num string) string {
	var b strings.Builder
	placed := false
	for i := 0; i < len(section); i++ {
		c := section[i]
		switch {
		case c == '"':
			end := strings.IndexByte(section[i+1:], '"')
			if end < 0 {
				end = len(section) - i - 1
			}
			b.WriteString(section[i+1 : i+1+end])
			i += end + 1
		case c == '\\':
			if i+1 < len(section) {
				b.WriteByte(section[i+1])
				i++
			}
		case c == '_':
			i++ // padding the width of the next character
			b.WriteByte(' ')
		case c == '*':
			i++ // fill character
		case c == '[':
			end := strings.IndexByte(section[i:], ']')
			if end < 0 {
				return num
			}
			// [$€-407] is a currency symbol and locale; colours and
			// conditions show nothing.
			if inner := section[i+1 : i+end]; strings.HasPrefix(inner, "$") {
				sym, _, _ := strings.Cut(inner[1:], "-")
				b.WriteString(sym)
			}
			i += end
		case c == '0' || c == '#' || c == '?' || c == '.' || c == ',':
			if !placed {
				b.WriteString(num)
				placed = true
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// roundDecimal rounds a plain decimal string to d decimals, halves away
// from zero (as Excel shows 2.675 with two decimals as 2.68).
func roundDecimal(s string, d int) string {
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) <= d {
		if d == 0 {
			return intPart
		}
		return intPart + "." + frac + strings.Repeat("0", d-len(frac))
	}
	digits := []byte(intPart + frac[:d])
	if frac[d] >= '5' {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - d
	if d == 0 {
		return string(digits)
	}
	return string(digits[:n]) + "." + string(digits[n:])
}

// stripLiterals drops quoted text, escapes and brackets from a format
// section, leaving its digit placeholders and symbols.
func stripLiterals(section string) string {
	var b strings.Builder
	inQuote, inBracket := false, false
	for i := 0; i < len(section); i++ {
		c := section[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case inBracket:
			inBracket = c != ']'
		case c == '"':
			inQuote = true
		case c == '[':
			inBracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}

func groupThousands(s string) string {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}

// dateText renders a date serial in ISO form: "2023-01-02", with the time
// when the format shows one ("2023-01-02 18:30"). Time-only values (below
// one day) render as the time alone.
func dateText(iso string, v float64, showsTime, seconds bool) string {
	clock := ""
	if showsTime {
		ms := int64(math.Round(v*86400000)) % 86400000
		t := time.UnixMilli(ms).UTC()
		layout := "15:04"
		if seconds {
			layout = "15:04:05"
		}
		clock = t.Format(layout)
	}
	switch {
	case iso == "":
		return clock
	case clock == "":
		return iso
	}
	return iso + " " + clock
}

// formatShowsTime reports whether a format code has hour or second tokens
// (outside quotes and brackets), and whether it shows seconds.
func formatShowsTime(code string) (showsTime, seconds bool) {
	section, _, _ := strings.Cut(strings.ToLower(code), ";")
	elapsed := strings.Contains(section, "[h") || strings.Contains(section, "[m") || strings.Contains(section, "[s")
	s := stripLiterals(section)
	return elapsed || strings.ContainsAny(s, "hs"), strings.Contains(s, "s") || strings.Contains(section, "[s")
}
