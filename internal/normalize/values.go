package normalize

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
)

// dateLayouts are the written date forms of MODEL.md §5.1, US month-first.
var dateLayouts = []string{
	"2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"1/2/2006", "01/02/2006", "1/2/06", "01/02/06", "1-2-2006", "1/2/2006 15:04", "1/2/2006 3:04:05 PM",
	"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan 2 2006", "Jan. 2, 2006",
	"2 January 2006", "2 Jan 2006", "02-Jan-06", "2-Jan-06", "02-Jan-2006", "2-Jan-2006",
	"Monday, January 2, 2006", "Mon 1/2/06", "Mon 01/02/06", "Mon Jan 2 '06",
	"2006/01/02", "2 January, 2006", "January, 2006",
	// Day first, tried after month first: "18/03/2024" and "16/2/2024"
	// cannot be month first; "01.12.2019" is the German form.
	"2/1/2006", "02/01/2006", "2.1.2006", "02.01.2006", "2/1/06",
}

var weekdayPrefix = regexp.MustCompile(`^(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`)

// parseDate reads a written date; ok is false for anything else (including
// placeholders like "xx/xx/xx" and "TBD").
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "."))
	if s == "" || len(s) > 40 {
		return "", false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), plausible(t)
		}
	}
	if w := weekdayPrefix.ReplaceAllString(s, ""); w != s {
		return parseDate(w)
	}
	if w := sept.ReplaceAllString(s, "Sep"); w != s {
		return parseDate(w)
	}
	return "", false
}

func plausible(t time.Time) bool { return t.Year() >= 1950 && t.Year() <= 2150 }

// cellDate is the ISO date of a cell: the typed date a spreadsheet reader
// decided from the number format, else the parsed text.
func cellDate(c document.Cell) (string, bool) {
	if c.Date != "" {
		return c.Date, true
	}
	return parseDate(c.Text)
}

// datePtr returns &iso or nil.
func datePtr(c document.Cell) *string {
	if d, ok := cellDate(c); ok {
		return &d
	}
	return nil
}

// parsePercent reads "40%", "0.4" (fraction when fraction is true) or "40".
func parsePercent(c document.Cell) *float64 {
	t := strings.TrimSpace(c.Text)
	if t == "" {
		return nil
	}
	if strings.HasSuffix(t, "%") {
		if v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(t, "%")), 64); err == nil {
			return &v
		}
		return nil
	}
	v := c.Number
	if c.Kind != "number" {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return nil
		}
		v = f
	}
	if v <= 1 && v > 0 && strings.Contains(t, ".") {
		v *= 100
	}
	v = math.Round(v*100) / 100
	return &v
}

var durationRe = regexp.MustCompile(`(?i)^\s*(-?\d+(?:\.\d+)?)\s*(e?)(d|dy|dys|day|days|w|wk|wks|week|weeks|mo|mon|mons|month|months|h|hr|hrs|hour|hours|m|min|mins|minutes?)?\s*(\?)?\s*$`)

// parseDuration converts MODEL.md §5.2 forms to working days (8 h/day,
// 5 d/week, 20 d/month; elapsed units at 24 h and 7 d/week, scaled by 5/7).
func parseDuration(s string) (*float64, bool) {
	m := durationRe.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	elapsed := m[2] != ""
	unit := strings.ToLower(m[3])
	days := v
	switch {
	case unit == "" || strings.HasPrefix(unit, "d"):
	case strings.HasPrefix(unit, "w"):
		days = v * 5
		if elapsed {
			days = v * 7 * 5 / 7
		}
	case strings.HasPrefix(unit, "mo"):
		days = v * 20
	case strings.HasPrefix(unit, "h"):
		days = v / 8
		if elapsed {
			days = v / 24 * 5 / 7
		}
	case strings.HasPrefix(unit, "m"):
		days = v / 480
	}
	if elapsed && (unit == "" || strings.HasPrefix(unit, "d")) {
		days = v * 5 / 7
	}
	days = math.Round(days*1000) / 1000
	return &days, true
}

var predRe = regexp.MustCompile(`(?i)^\s*([^\s,;+-]+?)\s*(FS|SS|FF|SF)?\s*(([+-])\s*(\d+(?:\.\d+)?)\s*(%|[a-z]+)?\??)?\s*$`)

// parsePredecessors reads "12", "12FS", "12SS+3d", "7,9,12" (MODEL.md §5.3);
// parts it cannot read are returned as bad.
func parsePredecessors(s string) (links []linkIn, bad []string) {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		m := predRe.FindStringSubmatch(part)
		if m == nil {
			bad = append(bad, part)
			continue
		}
		// "12.0": a row number a spreadsheet stored as a float. A
		// reference that is only ".0" stays as written (found by fuzzing:
		// trimming it left a link without a reference).
		ref := m[1]
		if r := strings.TrimSuffix(ref, ".0"); r != "" {
			ref = r
		}
		l := linkIn{ref: ref, typ: strings.ToUpper(m[2])}
		if l.typ == "" {
			l.typ = "FS"
		}
		if m[3] != "" {
			l.lagRaw = strings.TrimSpace(m[3])
			if m[6] == "%" {
				l.lagRaw = strings.TrimSpace(m[3]) // percentage lags need the predecessor's duration: kept raw
			} else if d, ok := parseDuration(m[5] + m[6]); ok {
				l.lagDays = *d
				if m[4] == "-" {
					l.lagDays = -l.lagDays
				}
			} else {
				bad = append(bad, part)
				continue
			}
		}
		links = append(links, l)
	}
	return links, bad
}

type linkIn struct {
	ref, typ, lagRaw string
	lagDays          float64
}

var boolYes = map[string]bool{"yes": true, "y": true, "true": true, "x": true, "✓": true, "✔": true}

func parseBool(s string) bool { return boolYes[strings.ToLower(strings.TrimSpace(s))] }

var sept = regexp.MustCompile(`(?i)\bsept\b\.?`)

// dateInText finds written dates inside longer text (MODEL.md §5.1 forms,
// day-first "18/03/2024" and "01.12.2019" too).
var dateInText = regexp.MustCompile(`(?i)\b(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b`)

// datesIn lists the ISO dates written in text, in order.
func datesIn(text string) []string {
	var out []string
	for _, m := range dateInText.FindAllString(text, -1) {
		if d, ok := parseDate(m); ok {
			out = append(out, d)
		} else if d, ok := parseDate(strings.Replace(m, ",", "", 1)); ok {
			out = append(out, d)
		}
	}
	return out
}

// dateIn is the first date written in text.
func dateIn(text string) (string, bool) {
	if ds := datesIn(text); len(ds) > 0 {
		return ds[0], true
	}
	return "", false
}

// money is an amount and its currency.
type money struct {
	amount   float64
	currency string
}

// currencyText is an amount with its currency: "$14.6M", "US$ 1,500,000",
// "R$ 104.663,00", "€2.5 million", "1.2 million dollars".
var currencyText = regexp.MustCompile(`(?i)(R\$|US\$|\$|€|£|\bUSD\b|\bEUR\b|\bGBP\b|\bBRL\b)\s?(\d[\d.,]*\d|\d)(?:\s*(millions?|mm|mio|m|billions?|bn|b|thousand|k|milhões|milhão|mil)\b)?|(\d[\d.,]*\d|\d)\s*(millions?|billions?|thousand)?\s*(dollars|euros|reais|USD|EUR|BRL|GBP)\b`)

// currenciesIn lists the amounts of money written in text, in order.
func currenciesIn(text string) []money {
	var out []money
	for _, m := range currencyText.FindAllStringSubmatch(text, -1) {
		sym, num, scale := m[1], m[2], m[3]
		if num == "" {
			sym, num, scale = m[6], m[4], m[5]
		}
		v, ok := parseAmount(num)
		if !ok {
			continue
		}
		out = append(out, money{v * scaleOf(scale), currencyOf(sym)})
	}
	return out
}

func currencyOf(sym string) string {
	switch s := strings.ToUpper(sym); {
	case strings.Contains(s, "R$") || s == "BRL" || s == "REAIS":
		return "BRL"
	case s == "€" || s == "EUR" || s == "EUROS":
		return "EUR"
	case s == "£" || s == "GBP":
		return "GBP"
	}
	return "USD"
}

func scaleOf(word string) float64 {
	switch strings.ToLower(word) {
	case "k", "thousand", "mil":
		return 1e3
	case "m", "mm", "mio", "million", "millions", "milhões", "milhão":
		return 1e6
	case "b", "bn", "billion", "billions":
		return 1e9
	}
	return 1
}

// amountText is a number with an optional $ and scale: status reports
// write "Spend to date: 3.1M of 12.5M".
var amountText = regexp.MustCompile(`(?i)\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(k|m|b|thousand|million|billion)?\b`)

// moneyIn lists the amounts in text in order ("$3.1M of $12.5M" → 3.1e6, 12.5e6).
func moneyIn(text string) []float64 {
	var out []float64
	for _, m := range amountText.FindAllStringSubmatch(text, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err != nil {
			continue
		}
		out = append(out, v*scaleOf(m[2]))
	}
	return out
}

// parseAmount reads "1,500,000.00", "104.663,00", "14.6", "36.228": the
// last separator followed by one or two digits is the decimal point; any
// other separator groups thousands.
func parseAmount(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	lastSep := strings.LastIndexAny(s, ".,")
	intPart, frac := s, ""
	if lastSep >= 0 {
		after := s[lastSep+1:]
		if len(after) >= 1 && len(after) <= 2 {
			intPart, frac = s[:lastSep], after
		}
	}
	intPart = strings.NewReplacer(",", "", ".", "").Replace(intPart)
	num := intPart
	if frac != "" {
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num, 64)
	return v, err == nil
}
