package xlsx

import (
	"math"
	"strings"
	"time"
)

// fmtKind says what a number format displays.
type fmtKind uint8

const (
	fmtNumber   fmtKind = iota
	fmtDate             // has a day, month or year part (it may show a time too)
	fmtTimeOnly         // only hours/minutes/seconds
)

// builtinFormatKind classifies the built-in number format ids. 14-17 and
// 22 are dates, 18-21 and 45-47 times of day; 27-36 and 50-58 are the
// East Asian locale date formats.
func builtinFormatKind(id int) fmtKind {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return fmtDate
	case id >= 18 && id <= 21, id >= 45 && id <= 47:
		return fmtTimeOnly
	}
	return fmtNumber
}

// customFormatKind classifies a format code by its tokens. Text in quotes,
// escaped characters (\x, _x, *x) and bracketed parts ([Red], [$-409],
// [h] elapsed hours) carry no date meaning and are skipped. Only the first
// section (positive numbers) decides, as the value shown is usually positive.
func customFormatKind(code string) fmtKind {
	var date, clock bool
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
			continue
		case inBracket:
			inBracket = c != ']'
			continue
		}
		// AM/PM and A/P mark a time of day; "General" is the default
		// number format. Their letters are not date tokens.
		if word := wordAt(code, i); word != "" {
			clock = clock || word != "GENERAL"
			i += len(word) - 1
			continue
		}
		switch c {
		case '"':
			inQuote = true
		case '[':
			inBracket = true
		case '\\', '_', '*':
			i++ // the next character is literal or padding
		case ';':
			i = len(code)
		case 'd', 'D', 'y', 'Y', 'e', 'E', 'g', 'G':
			// e/g are era year/name tokens; in a plain number format "E+"
			// is the exponent, so accept e only when no '0' or '#' precede.
			if (c == 'e' || c == 'E') && strings.ContainsAny(code[:i], "0#?") {
				continue
			}
			date = true
		case 'm', 'M':
			// m is a month unless it sits next to h or s (then minutes);
			// either way the format shows a date or a time.
			if minuteContext(code, i) {
				clock = true
			} else {
				date = true
			}
		case 'h', 'H', 's', 'S':
			clock = true
		}
	}
	switch {
	case date:
		return fmtDate
	case clock:
		return fmtTimeOnly
	}
	return fmtNumber
}

// wordAt returns the keyword (upper case) starting at i, or "".
func wordAt(code string, i int) string {
	for _, w := range [...]string{"AM/PM", "A/P", "GENERAL"} {
		if len(code)-i >= len(w) && strings.EqualFold(code[i:i+len(w)], w) {
			return w
		}
	}
	return ""
}

// minuteContext reports whether the m at i follows an h (skipping
// separators) or precedes an s: "h:mm", "mm:ss".
func minuteContext(code string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if code[j] == ']' { // after an elapsed-time bracket: [h]:mm
			return true
		}
		c := code[j] | 0x20
		if c == 'h' {
			return true
		}
		if c != ':' && c != 'm' && c != ' ' {
			break
		}
	}
	for j := i + 1; j < len(code); j++ {
		c := code[j] | 0x20
		if c == 's' {
			return true
		}
		if c != ':' && c != 'm' && c != ' ' {
			break
		}
	}
	return false
}

var (
	epoch1900 = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// maxSerial is 9999-12-31 in the 1900 date system, Excel's last date.
const maxSerial = 2958465

// serialToISO converts an Excel date serial to "YYYY-MM-DD". The 1900
// system counts the non-existent 1900-02-29 as day 60 (the Lotus bug), so
// serials below 61 are one day off from the 1899-12-30 epoch; day 60 itself
// is reported as 1900-02-28. ok is false for serials outside Excel's range.
func serialToISO(serial float64, date1904 bool) (string, bool) {
	if math.IsNaN(serial) || serial < 0 || serial > maxSerial {
		return "", false
	}
	// Round to the millisecond before taking the day, so 45000.9999999
	// (a time of 23:59:59.99999) stays on its day and 44999.99999999999
	// (a float artefact of 45000) does not fall back one.
	ms := math.Round(serial * 86400000)
	days := int(ms / 86400000)
	if date1904 {
		return epoch1904.AddDate(0, 0, days).Format(time.DateOnly), true
	}
	switch {
	case days == 0:
		return "", false // 1900-01-00: a time of day without a date
	case days < 60:
		days++
	case days == 60:
		// 1900-02-29 does not exist; epoch+60 is 1900-02-28.
	}
	return epoch1900.AddDate(0, 0, days).Format(time.DateOnly), true
}
