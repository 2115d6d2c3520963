package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// placeholderPatterns are MODEL.md §5.9, most specific first. The pattern
// name tells GEN-001 how serious the residue is: angle, bracket and
// date_prompt are template prompts, tbd is an open item, signature_line a
// blank signature.
var placeholderPatterns = []struct {
	name string
	re   *regexp.Regexp
}{
	{"angle", regexp.MustCompile(`<<[^<>]{1,300}>>|<\s*(?i:enter|insert|name of|add|describe|list|provide|type|select|specify)\b[^<>]{0,150}>`)},
	{"bracket", regexp.MustCompile(`\[\s*(?i:insert|enter|name of|program name|project name|day, month, year|month, day, year|tbd|customer agency|agency name|date|describe|provide|add|list|organization|title)\b[^\[\]]{0,120}\]`)},
	{"date_prompt", regexp.MustCompile(`(?i)\b(month,? day,? year|day,? month,? year)\b|\b[xX]{2}/[xX]{2}(/[xX]{2,4})?\b|\bFY\s?XX\b|\bMM/DD/YYYY\b`)},
	{"tbd", regexp.MustCompile(`\b(TBD|TBA|TBC)\b|(?i)\blorem ipsum\b`)},
	{"signature_line", regexp.MustCompile(`_{5,}`)},
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
			if taken[m[0]] {
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
// false: each pattern needs one of < [ / _ (angle, bracket, dates,
// signature lines), the letters of "year", "fy" or "lorem" in any case, or
// "TB". Most cells of a large sheet fail it, which spares five regular
// expressions per cell. (No non-ASCII letter folds to the letters tested,
// so an ASCII case-insensitive search is exact.)
func mayHavePlaceholder(text string) bool {
	return strings.ContainsAny(text, "<[/_") || strings.Contains(text, "TB") ||
		containsFoldASCII(text, "year") || containsFoldASCII(text, "fy") || containsFoldASCII(text, "lorem")
}

// containsFoldASCII reports whether s contains the lower-case ASCII word
// sub in any case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// blankSignature: a line that is only underscores, optionally after a short
// label ("Signature: ________", "______ accepted"), is an unsigned line; a
// filled line has a name or a date next to it.
func blankSignature(text string) bool {
	rest := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "_ \t"))
	return len(strings.Fields(rest)) <= 8 && !strings.Contains(rest, "/s/")
}
