package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// placeholderPatterns are MODEL.md §5.9, most specific first. The pattern
// name tells GEN-001 how serious the residue is: angle, bracket and
// date_prompt are template prompts, tbd is an open item, signature_line a
// blank signature. A pattern with a check keeps a match only when the
// check accepts it in its text.
var placeholderPatterns = []struct {
	name  string
	re    *regexp.Regexp
	check func(text string, start, end int) bool
}{
	{"angle", regexp.MustCompile(`<<[^<>]{1,300}>>|<\s*(?i:enter|insert|name of|add|describe|list|provide|type|select|specify)\b[^<>]{0,150}>`), nil},
	// Prompts whose brackets mix in guillemets ("<‹Enter the date>>",
	// "‹Insert name›", "«Enter …»"): templates converted between editors
	// turn one of the two angle brackets into a single or double
	// guillemet. "<‹" never opens ordinary text; a lone guillemet pair
	// counts only around a prompt verb (it also quotes in French).
	{"angle", regexp.MustCompile(`<‹[^<>‹›]{1,300}(?:>>|›>|›|>)|[<«‹]{1,2}\s*(?i:enter|insert|name of|add|describe|list|provide|type|select|specify)\b[^<>«»‹›]{0,150}[>»›]{1,2}`), nil},
	// A choice list the template offers in angle brackets: "<Low, Med,
	// High>", "<New Requirement, Change to Existing Requirement, Defect>"
	// (the GSA CR form). Two or more short comma-separated words or
	// phrases held tight by the brackets.
	{"angle", regexp.MustCompile(`<\s*[A-Za-z][\w &/.'’-]{0,40}(?:,\s*(?:or\s+)?[A-Za-z0-9][\w &/.'’-]{0,40}){1,9}\s*>`), choicePrompt},
	{"bracket", regexp.MustCompile(`\[\s*(?i:insert|enter|name of|program name|project name|day, month, year|month, day, year|tbd|customer agency|agency name|date|describe|provide|add|list|organization|title)\b[^\[\]]{0,120}\]`), nil},
	// A template's instruction paragraph in brackets ("[Provide a brief
	// description of …]", "[Example: the Payroll team will …]", "[Your
	// organization name]"): a prompt verb or "example" opens it.
	{"bracket", regexp.MustCompile(`\[\s*(?i:example|e\.g\.|for example|sample|your|specify|identify|include|explain|summarize|state|define|indicate|note|type|select|fill in|replace|placeholder)\b[^\[\]]{0,600}\]`), nil},
	// A choice the template offers in brackets: "[Red|Yellow|Green]",
	// "[High/Med/Low]".
	{"bracket", regexp.MustCompile(`\[\s*[A-Za-z][\w ]{0,20}(?:\s*[|/]\s*[A-Za-z][\w ]{0,20}){1,8}\s*\]`), nil},
	// A field name held in angle brackets: "<Project Name>", "<Name> /
	// <Org>", "<Date>". Title-case words only, so HTML ("<table>") and
	// generics ("List<T>") are not taken.
	{"angle", regexp.MustCompile(`<\s*[A-Z][a-z]+(?:[ /&'’-]+[A-Za-z][a-z]*){0,5}\s*>`), fieldPrompt},
	{"date_prompt", regexp.MustCompile(`(?i)\b(month,? day,? year|day,? month,? year)\b|\b[xX]{2}/[xX]{2}(/[xX]{2,4})?\b|\bFY\s?XX\b|\bMM/DD/YYYY\b`), nil},
	{"tbd", regexp.MustCompile(`\b(TBD|TBA|TBC)\b|(?i)\blorem ipsum\b`), nil},
	{"signature_line", regexp.MustCompile(`_{5,}`), nil},
}

// choicePrompt: a choice list's brackets hug its first and last choice, and
// its "<" does not follow a letter or digit: "Map<K, V>" is code and
// "if a < b, then c > d" a comparison, not prompts.
func choicePrompt(text string, start, end int) bool {
	if unicode.IsSpace(rune(text[start+1])) || unicode.IsSpace(rune(text[end-2])) {
		return false
	}
	if start == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
}

// fieldPrompt: "<Project Name>" stands apart from a word before it ("List<T>"
// is code).
func fieldPrompt(text string, start, end int) bool {
	if start == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// findPlaceholders returns the template residue in one text.
func findPlaceholders(text string, loc document.Loc) []artifact.Placeholder {
	if !mayHavePlaceholder(text) {
		return nil
	}
	var out []artifact.Placeholder
	taken := make([]bool, len(text))
	for _, p := range placeholderPatterns {
		for _, m := range p.re.FindAllStringIndex(text, 20) {
			if taken[m[0]] || p.check != nil && !p.check(text, m[0], m[1]) {
				continue
			}
			for i := m[0]; i < m[1]; i++ {
				taken[i] = true
			}
			s := strings.TrimSpace(text[m[0]:m[1]])
			if p.name == "signature_line" && !blankSignature(text) {
				continue
			}
			out = append(out, artifact.Placeholder{Text: s, Pattern: p.name, Loc: loc})
		}
	}
	return out
}

// mayHavePlaceholder is a cheap test that no pattern can match when it is
// false: each pattern needs one of < [ « ‹ (angle and bracket prompts),
// five underscores (a signature line), "xx/" or "mm/dd/yyyy" (date
// prompts), the letters of "year", "fy" or "lorem" in any case, or "TB".
// Most cells of a large sheet fail it, which spares seven regular
// expressions per cell; a date like 9/4/2026 or a name like Task_1 does
// not pass it. One pass over the bytes (a 200,000-row sheet has 800,000
// cells). (No non-ASCII letter folds to the letters tested, so an ASCII
// case-insensitive comparison is exact.)
func mayHavePlaceholder(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '<', '[':
			return true
		case 0xC2, 0xE2: // the first byte of « (C2 AB) and ‹ (E2 80 B9)
			if strings.HasPrefix(text[i:], "«") || strings.HasPrefix(text[i:], "‹") {
				return true
			}
		case '_':
			if strings.HasPrefix(text[i:], "_____") {
				return true
			}
		case 'T':
			if strings.HasPrefix(text[i:], "TB") {
				return true
			}
		case '/':
			if i >= 2 && foldPrefixASCII(text[i-2:], "xx/") || i >= 2 && foldPrefixASCII(text[i-2:], "mm/dd/yyyy") {
				return true
			}
		default:
			switch c | 0x20 {
			case 'y':
				if foldPrefixASCII(text[i:], "year") {
					return true
				}
			case 'f':
				if foldPrefixASCII(text[i:], "fy") {
					return true
				}
			case 'l':
				if foldPrefixASCII(text[i:], "lorem") {
					return true
				}
			}
		}
	}
	return false
}

// foldPrefixASCII reports whether s starts with the lower-case ASCII word
// sub in any case.
func foldPrefixASCII(s, sub string) bool {
	if len(s) < len(sub) {
		return false
	}
	for j := 0; j < len(sub); j++ {
		if s[j]|0x20 != sub[j] {
			return false
		}
	}
	return true
}

// blankSignature: a line that is only underscores, optionally after a short
// label ("Signature: ________", "______ accepted"), is an unsigned line; a
// filled line has a name or a date next to it.
func blankSignature(text string) bool {
	rest := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "_ \t"))
	return len(strings.Fields(rest)) <= 8 && !strings.Contains(rest, "/s/")
}
