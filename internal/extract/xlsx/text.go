package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Why the reader renders some cell text itself: excelize v2.11.0 formats a
// date cell in ~35-100 µs (its date formatter scans its whole language
// table for every token), which makes a 200k-row schedule take a minute.
// Rows holding a date-formatted number are therefore read raw
// (RawCellValue) and their numbers rendered here; all other rows keep
// excelize's formatted text. Dates are shown in ISO form, which is also
// what the Date field holds; other numbers are rendered from the format's
// decimals, percent and thousands separator, which covers the formats
// schedules and logs use (excelize's text for the same value is the same
// for those).

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
func generalText(raw string, v float64) string {
	digits := 0
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c >= '0' && c <= '9' {
			digits++
		} else if c == 'e' || c == 'E' {
			break
		}
	}
	if digits > 15 {
		return strconv.FormatFloat(v, 'G', 15, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// numberText renders v with a (non-date) format code.
func numberText(code, raw string, v float64) string {
	section, _, _ := strings.Cut(code, ";")
	section = stripLiterals(section)
	if section == "" || strings.EqualFold(section, "general") || strings.ContainsAny(section, "@Ee") {
		return generalText(raw, v)
	}
	percent := strings.Contains(section, "%")
	if percent {
		v *= 100
	}
	decimals := 0
	if _, frac, ok := strings.Cut(section, "."); ok {
		decimals = strings.Count(frac, "0") + strings.Count(frac, "#") + strings.Count(frac, "?")
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	if strings.Contains(section, ",") {
		s = groupThousands(s)
	}
	if v < 0 && strings.Trim(s, "0.,") != "" {
		s = "-" + s
	}
	if percent {
		s += "%"
	}
	return s
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
