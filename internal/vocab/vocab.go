// Package vocab holds the words real templates use for the same thing:
// column-header and section-heading synonyms (MODEL.md §4) and the header
// normalization that makes "Probability  (Likelihood)" match "probability".
// Classify and normalize share it so a header that selects a kind is also
// the header that fills the payload.
package vocab

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Normalize applies MODEL.md §3.1: lowercase, NBSP/newlines to spaces,
// trailing "*" and ":" dropped, "#"→" number", "%"→" percent", "&"→" and ",
// text in parentheses dropped (for matching only), "/ - _ ." to spaces,
// whitespace collapsed.
func Normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\n', '\r', '\t':
			return ' '
		}
		return r
	}, s)
	// drop parenthesised text
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	s = strings.TrimSpace(b.String())
	s = strings.TrimRight(s, "*: ")
	s = punct.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// punct spells out or blanks the punctuation headers vary in.
var punct = strings.NewReplacer("#", " number", "%", " percent", "&", " and ", "/", " ", "-", " ", "_", " ", ".", " ", ",", " ", "'", "", "’", "", "<", " ", ">", " ", "[", " ", "]", " ", ":", " ", "|", " ")

// Table maps canonical keys to accepted phrasings.
type Table map[string][]string

// index is a normalized synonym → key lookup, longest synonym first for
// "contains" matching.
type index struct {
	exact map[string]string
	syns  []syn
}

type syn struct {
	norm, key string
	// exactOnly synonyms never match inside longer text: very short ones
	// ("id") and ones made only of punctuation ("#" → "number").
	exactOnly bool
}

// indexes caches each table's index. Tables are matched concurrently by
// the worker pool, and any package may declare its own table, so the cache
// is a sync.Map rather than a map filled in init.
var indexes sync.Map // *Table -> *index

func (t *Table) idx() *index {
	if ix, ok := indexes.Load(t); ok {
		return ix.(*index)
	}
	ix := &index{exact: map[string]string{}}
	keys := make([]string, 0, len(*t))
	for k := range *t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, s := range (*t)[k] {
			n := Normalize(s)
			if _, dup := ix.exact[n]; !dup {
				ix.exact[n] = k
			}
			ix.syns = append(ix.syns, syn{norm: n, key: k, exactOnly: len(n) < 3 || !strings.ContainsFunc(s, unicode.IsLetter)})
		}
	}
	sort.SliceStable(ix.syns, func(i, j int) bool { return len(ix.syns[i].norm) > len(ix.syns[j].norm) })
	actual, _ := indexes.LoadOrStore(t, ix)
	return actual.(*index)
}

// Exact returns the key whose synonym equals the normalized text.
func (t *Table) Exact(text string) (string, bool) {
	k, ok := t.idx().exact[Normalize(text)]
	return k, ok
}

// Match returns the key for a header or heading: exact match first, then
// the longest synonym contained as whole words in the text.
func (t *Table) Match(text string) (string, bool) {
	k, _, ok := t.MatchLen(text)
	return k, ok
}

// MatchLen is Match that also gives the length of the matched synonym
// (normalized), so matches of two tables can be compared: the longer
// phrase is the more specific ("Working Group Charter" over "Charter").
func (t *Table) MatchLen(text string) (string, int, bool) {
	n := Normalize(text)
	if n == "" {
		return "", 0, false
	}
	ix := t.idx()
	if k, ok := ix.exact[n]; ok {
		return k, len(n), true
	}
	padded := " " + n + " "
	for _, s := range ix.syns {
		if s.exactOnly {
			continue
		}
		if strings.Contains(padded, " "+s.norm+" ") {
			return s.key, len(s.norm), true
		}
	}
	return "", 0, false
}

// MatchAll returns every key one of whose synonyms the text holds as
// whole words, in the order of the text: "Project Purpose and Objectives"
// means purpose and objectives, "Purpose, Scope, and Objectives" three
// things. A synonym inside a longer matched synonym does not count again
// ("Out of Scope" is not also "Scope").
func (t *Table) MatchAll(text string) []string {
	n := Normalize(text)
	if n == "" {
		return nil
	}
	ix := t.idx()
	if k, ok := ix.exact[n]; ok {
		return []string{k}
	}
	padded := []byte(" " + n + " ")
	type hit struct {
		at  int
		key string
	}
	var hits []hit
	for _, s := range ix.syns { // longest first
		if s.exactOnly {
			continue
		}
		needle := " " + s.norm + " "
		i := strings.Index(string(padded), needle)
		if i < 0 {
			continue
		}
		hits = append(hits, hit{i, s.key})
		// blank the matched words so shorter synonyms inside them do not match
		for j := i + 1; j < i+len(needle)-1; j++ {
			padded[j] = '\x00'
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.key] {
			seen[h.key] = true
			out = append(out, h.key)
		}
	}
	return out
}

// ContainsWord reports whether the normalized text holds w (normalized)
// as whole words.
func ContainsWord(text, w string) bool {
	return strings.Contains(" "+Normalize(text)+" ", " "+Normalize(w)+" ")
}

// Words counts words the way section sizes are measured.
func Words(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) }))
}
