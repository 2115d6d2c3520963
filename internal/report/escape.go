package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Every value a report prints that comes from a document or a path (file
// names, headings, titles, cells, messages that quote them) is hostile
// until escaped for the medium that carries it: a pull request can name a
// file "x\n::error file=README.md::Injected\n.md", and a CI log turns such a
// line into a real annotation; ESC and OSC sequences repaint or retitle a
// terminal. The helpers below are the only way a report format writes such
// a value.

// EscapeText escapes s for the text report and terminals: control characters
// (C0, DEL, C1 — including the 8-bit CSI and OSC introducers), Unicode
// line and paragraph separators and bidirectional overrides are shown
// visibly as Go-style escapes (\n, \t, \x1b, \u202e), invalid UTF-8 bytes
// as \xNN, so a value can never start a new line or drive the terminal.
// A value starting with "::" (after blanks) has its first colon shown as
// \x3a: the text report may be a CI log, and a GitHub runner reads a line
// that starts with "::" as a workflow command.
func EscapeText(s string) string {
	if isPlain(s) && !startsWithCommand(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	lead := true // still in the leading blanks, where "::" would start a command
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case lead && r == ':' && strings.HasPrefix(s[i:], "::"):
			b.WriteString(`\x3a`)
		default:
			writeVisible(&b, r)
		}
		if r != ' ' {
			lead = false
		}
		i += n
	}
	return b.String()
}

// EscapeLines is EscapeText line by line, for messages made of lines
// (tool errors on stderr, which a CI log shows too): the line breaks are
// kept, and a line that an embedded path or document value would start
// with "::" or fill with controls is defused.
func EscapeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = EscapeText(l)
	}
	return strings.Join(lines, "\n")
}

// isPlain: s holds nothing EscapeText would change (the common case, kept cheap).
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 {
			return !strings.ContainsFunc(s, needsEscape) && utf8.ValidString(s)
		}
	}
	return true
}

func startsWithCommand(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(s, " "), "::")
}

// needsEscape: r is a control character, a line/paragraph separator or a
// bidirectional formatting character (which reorders what a reader sees).
func needsEscape(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

func writeVisible(b *strings.Builder, r rune) {
	if !needsEscape(r) {
		b.WriteRune(r)
		return
	}
	switch r {
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	default:
		if r < 0x100 {
			fmt.Fprintf(b, `\x%02x`, r)
		} else {
			fmt.Fprintf(b, `\u%04x`, r)
		}
	}
}

// EscapeGitHubData escapes s for the data (message) part of a GitHub workflow
// command ("::error file=…::DATA"), by the runner's own rules: "%" → %25,
// CR → %0D, LF → %0A (the runner turns them back, so a multi-line message
// stays one command). Other control characters are shown as EscapeText shows
// them: the log is also read in a terminal.
func EscapeGitHubData(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		default:
			writeVisible(&b, r)
		}
		i += n
	}
	return b.String()
}

// EscapeGitHubProperty escapes s for a property value of a GitHub workflow
// command (file=, title=, …): EscapeGitHubData plus ":" → %3A and "," → %2C,
// which would otherwise end the property or the property list.
func EscapeGitHubProperty(s string) string {
	d := EscapeGitHubData(s)
	if !strings.ContainsAny(d, ":,") {
		return d
	}
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(d)
}

// EscapeMarkdown escapes s for inline Markdown (a table cell, a list item):
// EscapeText's visible escapes, then the characters that open markup, links,
// HTML or end a table cell are backslash-escaped, so a document-derived
// value can neither add rows nor inject HTML.
func EscapeMarkdown(s string) string {
	t := EscapeText(s)
	var b strings.Builder
	b.Grow(len(t) + 8)
	for _, r := range t {
		if strings.ContainsRune("\\`*_{}[]()<>#+-!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EscapeXML makes s safe for XML 1.0 character data and attribute values
// before the encoder's own escaping (encoding/xml escapes <, >, & and
// quotes but passes characters XML forbids): control characters other
// than tab, LF and CR are shown as EscapeText shows them.
func EscapeXML(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t', r == '\n', r == '\r':
			b.WriteRune(r)
		default:
			writeVisible(&b, r)
		}
		i += n
	}
	return b.String()
}
