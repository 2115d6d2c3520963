package glob

import (
	"strings"
	"testing"
)

func TestGlobMatching(t *testing.T) {
	cases := []struct {
		pat, name string
		dir, want bool
	}{
		{"archive/**", "archive/2019/plan.md", false, true},
		{"archive/**", "old/archive/plan.md", false, false},
		{"archive/**", "archive", true, false},
		{"**/draft*", "a/b/drafts", true, true},
		{"*.tmp.md", "deep/x/y.tmp.md", false, true},
		{"build/", "build", false, false},
		{"build/", "sub/build", true, true},
		{"/top.md", "top.md", false, true},
		{"/top.md", "sub/top.md", false, false},
		{"a/**/b", "a/b", true, true},
		{"a/**/b", "a/x/y/b", true, true},
	}
	for _, c := range cases {
		p, ok, err := Parse(c.pat)
		if err != nil || !ok {
			t.Fatalf("%q: %v %v", c.pat, ok, err)
		}
		if got := p.Match(c.name, c.dir); got != c.want {
			t.Errorf("%q ~ %q (dir=%v) = %v, want %v", c.pat, c.name, c.dir, got, c.want)
		}
	}
	// Many "**" against a deep path is still a plain no-match.
	p, _, _ := Parse(strings.Repeat("**/", 30) + "z")
	if p.Match(strings.Repeat("a/", 60)+"b", false) {
		t.Error("unexpected match")
	}
}

// TestMatchPath: a file path is matched by a pattern naming it or one of
// its directories, and the patterns written in the examples, the README
// and the test configurations match what they matched before the exclude
// and the waiver/kinds dialects were made one.
func TestMatchPath(t *testing.T) {
	for _, tc := range []struct {
		p, n string
		ok   bool
	}{
		{"docs/*.docx", "docs/pmp.docx", true},
		{"docs/**", "docs/a/b/pmp.docx", true},
		{"**/pmp.docx", "pmp.docx", true},
		{"archive/**", "docs/pmp.docx", false},
		{"plans/ivv*.docx", "plans/ivv-plan.docx", true},
		{"plans/ivv*.docx", "other/plans/ivv-plan.docx", false},
		{"docs/pmp.docx", "docs/pmp.docx", true},
		{"pilots/charter.docx", "charter.docx", false},
		{"**", "a/b.md", true},
		{"README.md", "README.md", true},
		{"policies/", "policies/core/x.md", true},
		{"policies/", "policies", false}, // a file named policies is not the directory
		// Without a slash a pattern names a file or directory at any depth.
		{"*.xlsx", "raci/RACI.xlsx", true},
		{"drafts", "drafts/plan.md", true},
		{"[", "[", false}, // malformed: matches nothing
	} {
		if got := Match(tc.p, tc.n); got != tc.ok {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.p, tc.n, got, tc.ok)
		}
	}
	if err := Check("a/[b"); err == nil {
		t.Error("Check accepted a malformed pattern")
	}
}

func TestListLastMatchWins(t *testing.T) {
	l, err := ParseList([]string{"docs/**", "# comment", "", "!docs/keep.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 2 {
		t.Fatalf("parsed %d patterns, want 2", len(l))
	}
	if !l.Excluded("docs/drop.md", false) || l.Excluded("docs/keep.md", false) {
		t.Errorf("exclude/re-include: got drop=%v keep=%v", l.Excluded("docs/drop.md", false), l.Excluded("docs/keep.md", false))
	}
}
