// Package glob is the one path-pattern dialect of tollgate: the
// documents.exclude list, .tollgateignore lines, documents.kinds paths
// and waiver paths are all written in it, so a user learns one syntax.
//
// The syntax is .gitignore's, on slash-separated paths relative to the
// checked directory:
//
//   - A pattern without a slash (other than a trailing one) matches a file
//     or directory name at any depth: "*.tmp.docx", "drafts".
//   - A pattern with a slash is anchored at the checked directory:
//     "archive/**", "/old/plan.docx" (a leading slash is allowed and
//     dropped).
//   - "*", "?" and "[…]" match within one path segment (path.Match);
//     "**" as a whole segment matches any number of segments, and a
//     trailing "/**" everything inside a directory (not the directory).
//   - A trailing "/" matches directories only.
//   - A pattern that matches a directory matches everything under it.
//   - In a list (exclude, .tollgateignore) a leading "!" re-includes what
//     an earlier pattern excluded; the last matching pattern wins.
//
// Matching takes time linear in the product of the pattern's and the
// path's segment counts whatever the pattern: a waiver path of "**/**/…"
// once made a backtracking matcher run for minutes (issue 11).
package glob

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Pattern is one parsed pattern.
type Pattern struct {
	segs    []string
	dirOnly bool
	// Negate is set by a leading "!": in a List the pattern re-includes.
	Negate bool
}

// Parse parses one pattern. ok is false for a blank line or a "#"
// comment, which match nothing; err is set for a malformed segment
// ("[a-"), which path.Match would otherwise only report as a silent
// no-match.
func Parse(s string) (p Pattern, ok bool, err error) {
	orig := s
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "#") {
		return p, false, nil
	}
	if strings.HasPrefix(s, "!") {
		p.Negate = true
		s = s[1:]
	}
	s = strings.ReplaceAll(s, "\\", "/")
	if strings.HasSuffix(s, "/") {
		p.dirOnly = true
		s = strings.TrimRight(s, "/")
	}
	anchored := strings.Contains(s, "/")
	s = strings.TrimPrefix(s, "/")
	if s == "" {
		return p, false, nil
	}
	p.segs = strings.Split(s, "/")
	for _, seg := range p.segs {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return p, false, fmt.Errorf("bad pattern %q: %w", orig, err)
		}
	}
	if !anchored {
		p.segs = append([]string{"**"}, p.segs...)
	}
	// A trailing "/**" matches what is inside, not the directory itself
	// (as in .gitignore, so "!dir/keep.md" can re-include a file): it is
	// one segment or more.
	if n := len(p.segs); n > 1 && p.segs[n-1] == "**" {
		p.segs = append(p.segs[:n-1], "*", "**")
	}
	return p, true, nil
}

// Check reports a malformed pattern (nil for a good, blank or comment one).
func Check(s string) error {
	_, _, err := Parse(s)
	return err
}

// Match reports whether the slash path rel matches the pattern itself;
// isDir says whether rel names a directory. A walk that skips a matched
// directory gets "everything under it" for free; MatchPath spells it out
// for a single file path.
func (p Pattern) Match(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	return matchSegments(p.segs, strings.Split(rel, "/"))
}

// MatchPath reports whether the file at slash path rel is matched: the
// pattern matches the file or one of the directories it is in.
func (p Pattern) MatchPath(rel string) bool {
	if p.Match(rel, false) {
		return true
	}
	for i := len(rel) - 1; i > 0; i-- {
		if rel[i] == '/' && p.Match(rel[:i], true) {
			return true
		}
	}
	return false
}

// Match reports whether the file at slash path rel matches pattern (see
// the package comment); a malformed pattern matches nothing (configuration
// checks patterns when it is loaded, with Check).
func Match(pattern, rel string) bool {
	p, ok, err := Parse(pattern)
	return ok && err == nil && p.MatchPath(rel)
}

// List is an ordered list of patterns, as documents.exclude and
// .tollgateignore are: the last pattern that matches decides, and a
// negated one re-includes.
type List []Pattern

// ParseList parses patterns, dropping blank ones and comments.
func ParseList(patterns []string) (List, error) {
	var l List
	for _, s := range patterns {
		p, ok, err := Parse(s)
		if err != nil {
			return nil, err
		}
		if ok {
			l = append(l, p)
		}
	}
	return l, nil
}

// Excluded reports whether the list matches rel (a directory when isDir).
func (l List) Excluded(rel string, isDir bool) bool {
	out := false
	for _, p := range l {
		if p.Match(rel, isDir) {
			out = !p.Negate
		}
	}
	return out
}

// matchSegments is the dynamic-programming match of pattern segments
// against name segments: can[j] says whether the pattern so far can end
// just before name segment j. Each pattern segment is one pass over the
// name, so the time is O(len(pat) × len(name)) segment matches.
func matchSegments(pat, name []string) bool {
	can := make([]bool, len(name)+1)
	next := make([]bool, len(name)+1)
	can[0] = true
	for _, p := range pat {
		clear(next)
		if p == "**" {
			// Zero or more segments: reachable from any earlier position.
			reach := false
			for j := range can {
				reach = reach || can[j]
				next[j] = reach
			}
		} else {
			for j := 0; j < len(name); j++ {
				if can[j] {
					if ok, _ := path.Match(p, name[j]); ok {
						next[j+1] = true
					}
				}
			}
		}
		can, next = next, can
		if !slices.Contains(can, true) {
			return false
		}
	}
	return can[len(name)]
}
