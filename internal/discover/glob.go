package discover

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/fsguard"
)

// pattern is one gitignore-like rule: documents.exclude entries and
// .tollgateignore lines share these semantics so users learn one syntax.
//
//   - A pattern without a slash (other than a trailing one) matches a file or
//     directory name at any depth: "*.tmp.docx", "drafts".
//   - A pattern with a slash is anchored at the walked root: "archive/**",
//     "/old/plan.docx" (a leading slash is allowed and dropped).
//   - "**" as a whole segment matches any number of segments.
//   - A trailing "/" matches directories only.
//   - A leading "!" re-includes what an earlier pattern excluded.
//
// Excluding a directory excludes everything under it.
type pattern struct {
	segs    []string
	dirOnly bool
	negate  bool
}

// parsePattern turns one glob into a pattern; ok is false for blank lines
// and comments.
func parsePattern(line string) (p pattern, ok bool, err error) {
	s := strings.TrimSpace(line)
	if s == "" || strings.HasPrefix(s, "#") {
		return p, false, nil
	}
	if strings.HasPrefix(s, "!") {
		p.negate = true
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
		// path.Match reports a malformed pattern only when it is used;
		// check it once here so a typo in an ignore file is an error
		// instead of a silent no-match.
		if _, err := path.Match(seg, ""); err != nil {
			return p, false, fmt.Errorf("bad pattern %q: %w", line, err)
		}
	}
	if !anchored {
		p.segs = append([]string{"**"}, p.segs...)
	}
	return p, true, nil
}

// matches reports whether the slash path rel (relative to the walked root)
// matches the pattern; isDir says whether rel names a directory.
func (p pattern) matches(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	return matchSegs(p.segs, strings.Split(rel, "/"))
}

// matchSegs matches pattern segments against name segments. The "**"
// backtracking is bounded by len(pat)*len(name) thanks to memoisation, so a
// hostile pattern such as "**/**/**/…" cannot make the walk exponential.
func matchSegs(pat, name []string) bool {
	memo := make(map[[2]int]bool)
	var match func(i, j int) bool
	match = func(i, j int) bool {
		key := [2]int{i, j}
		if v, ok := memo[key]; ok {
			return v
		}
		var res bool
		switch {
		case i == len(pat):
			res = j == len(name)
		case pat[i] == "**" && i == len(pat)-1 && i > 0:
			// A trailing "/**" matches everything inside, not the
			// directory itself (as in .gitignore), so "!dir/keep.md" can
			// still re-include a file.
			res = j < len(name)
		case pat[i] == "**":
			res = match(i+1, j) || (j < len(name) && match(i, j+1))
		case j == len(name):
			res = false
		default:
			ok, _ := path.Match(pat[i], name[j])
			res = ok && match(i+1, j+1)
		}
		memo[key] = res
		return res
	}
	return match(0, 0)
}

// ruleSet is an ordered list of patterns; the last one that matches wins,
// as in .gitignore.
type ruleSet []pattern

func (rs ruleSet) excluded(rel string, isDir bool) bool {
	out := false
	for _, p := range rs {
		if p.matches(rel, isDir) {
			out = !p.negate
		}
	}
	return out
}

func compileGlobs(globs []string) (ruleSet, error) {
	var rs ruleSet
	for _, g := range globs {
		p, ok, err := parsePattern(g)
		if err != nil {
			return nil, fmt.Errorf("exclude: %w", err)
		}
		if ok {
			rs = append(rs, p)
		}
	}
	return rs, nil
}

// maxIgnoreBytes bounds the .tollgateignore file: it is a short list of
// globs, and reading an arbitrarily large file here would be a cheap way to
// stall discovery.
const maxIgnoreBytes = 1 << 20

// readIgnoreFile loads the .tollgateignore of a walked root; a missing file
// is no rules. It must be a regular file (a FIFO would hang the walk) and
// may not link out of the walked root (its lines reach error messages).
func readIgnoreFile(file, realRoot string) (ruleSet, error) {
	if _, err := os.Lstat(file); os.IsNotExist(err) {
		return nil, nil
	}
	if target, err := filepath.EvalSymlinks(file); err != nil || !fsguard.Contains(realRoot, target) {
		return nil, fmt.Errorf("read ignore file %s: %w", file, cmpErr(err, fsguard.ErrOutside))
	}
	fh, _, err := fsguard.OpenRegular(file)
	if err != nil {
		return nil, fmt.Errorf("read ignore file: %w", err)
	}
	defer fh.Close()
	var rs ruleSet
	sc := bufio.NewScanner(io.LimitReader(fh, maxIgnoreBytes))
	for n := 1; sc.Scan(); n++ {
		p, ok, err := parsePattern(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		if ok {
			rs = append(rs, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	return rs, nil
}

// cmpErr is err, or def when err is nil.
func cmpErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}
