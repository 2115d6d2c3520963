package markdown

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

func read(t *testing.T, name, body string, lim limits.Limits) *document.Tree {
	t.Helper()
	tr, err := Read(context.Background(), strings.NewReader(body), int64(len(body)), name, lim)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestQASP(t *testing.T) {
	b, err := os.ReadFile("../../../testdata/corpus/18f/QASP.md")
	if err != nil {
		t.Fatal(err)
	}
	tr := read(t, "18f/QASP.md", string(b), limits.Default())
	if tr.Format != document.FormatMD || tr.FrontMatter != nil || len(tr.Faults) != 0 || len(tr.Notes) != 0 {
		t.Errorf("format %q front matter %v faults %v notes %v", tr.Format, tr.FrontMatter, tr.Faults, tr.Notes)
	}
	h := tr.Blocks[0]
	const title = "List of Deliverables with Quality Assurance Surveillance Plan (QASP)"
	if h.Kind != document.BlockHeading || h.Level != 2 || h.Text != title || h.Number != "" || h.Loc.Line != 1 {
		t.Errorf("heading %+v", h)
	}
	var tables []document.Block
	for _, b := range tr.Blocks {
		if b.Kind == document.BlockTable {
			tables = append(tables, b)
		}
	}
	if len(tables) != 9 {
		t.Fatalf("%d tables, want 9", len(tables))
	}
	wantSecond := []string{"Tested Code", "Properly Styled Code", "Accessible User Interface", "Deployed code", "Documentation", "Secure code"}
	for i, tb := range tables {
		if tb.Table.HeaderRows != 1 || len(tb.Table.Rows) != 4 || len(tb.Table.Rows[0]) != 2 {
			t.Errorf("table %d: header %d, %d rows", i+1, tb.Table.HeaderRows, len(tb.Table.Rows))
		}
		if tb.Loc.Table != i+1 || tb.Loc.Section != title || tb.Loc.Line != 7+6*i {
			t.Errorf("table %d loc %+v", i+1, tb.Loc)
		}
		hdr := tb.Table.Rows[0]
		if hdr[0].Text != "Deliverable" {
			t.Errorf("table %d header %q (bold markers must go)", i+1, hdr[0].Text)
		}
		if i < len(wantSecond) && hdr[1].Text != wantSecond[i] {
			t.Errorf("table %d deliverable %q, want %q", i+1, hdr[1].Text, wantSecond[i])
		}
		labels := []string{"Deliverable", "Performance Standard(s)", "Acceptable Quality Level", "Method of Assessment"}
		for r, want := range labels {
			if got := tb.Table.Rows[r][0].Text; got != want {
				t.Errorf("table %d row %d label %q, want %q", i+1, r+1, got, want)
			}
		}
	}
	c := tables[0].Table.Rows[2][1]
	if c.Text != "Minimum of 90% of code covered by automated tests. All areas of code are meaningfully tested." ||
		c.At() != (document.Loc{Path: "18f/QASP.md", Section: title, Table: 1, Row: 3, Column: 2, Line: 10}) {
		t.Errorf("table 1 AQL cell %+v", c)
	}
	// Links keep their text; <br/> becomes a line break.
	if got := tables[1].Table.Rows[1][1].Text; got != "[Link to an agency-specific coding style guide, like some of the appropriate TTS Engineering Practices Guides]" {
		t.Errorf("link text %q", got)
	}
	if got := tables[4].Table.Rows[1][1].Text; !strings.HasPrefix(got, "Summary of user stories completed every sprint. All dependencies are listed and the licenses are documented.\n\nAll dependencies are listed.") {
		t.Errorf("<br/> text %q", got)
	}
	last := tr.Blocks[len(tr.Blocks)-1]
	if last.Kind != document.BlockParagraph || last.Loc.Line != 67 || !strings.HasPrefix(last.Text, "3 Verify which environment(s)") || last.Loc.Paragraph != 6 {
		t.Errorf("last block %+v", last)
	}
}

const charter = `---
kind: charter
title: Payments Modernization
approved: 2026-01-15
sponsors: [Ana, Bo]
---
# Project Charter

Intro with *emphasis*, a [link](https://example.com), ` + "`code`" + ` and &amp; entity\*.

## 1 Introduction

Text line one
text line two.

## 2. Scope

### 2.1 In Scope

- First item
- Second item
  continued
  - Nested item
1. Numbered

` + "```" + `
make test
` + "```" + `

| Role | Name |
|------|------|
| PM   | Ana  |
| Sponsor |

## 2024 Goals
`

func TestStructureAndLocations(t *testing.T) {
	tr := read(t, "docs/charter.md", charter, limits.Default())
	fm := tr.FrontMatter
	if fm["kind"] != "charter" || fm["title"] != "Payments Modernization" || fm["approved"] != "2026-01-15" || len(fm["sponsors"].([]any)) != 2 {
		t.Errorf("front matter %#v", fm)
	}
	type want struct {
		kind    document.BlockKind
		level   int
		number  string
		text    string
		list    bool
		style   string
		section string
		line    int
		para    int
	}
	wants := []want{
		{document.BlockHeading, 1, "", "Project Charter", false, "Heading 1", "Project Charter", 7, 1},
		{document.BlockParagraph, 0, "", "Intro with emphasis, a link, code and & entity*.", false, "", "Project Charter", 9, 2},
		{document.BlockHeading, 2, "1", "Introduction", false, "Heading 2", "1 Introduction", 11, 3},
		{document.BlockParagraph, 0, "", "Text line one text line two.", false, "", "1 Introduction", 13, 4},
		{document.BlockHeading, 2, "2", "Scope", false, "Heading 2", "2 Scope", 16, 5},
		{document.BlockHeading, 3, "2.1", "In Scope", false, "Heading 3", "2.1 In Scope", 18, 6},
		{document.BlockParagraph, 0, "", "First item", true, "List Bullet", "2.1 In Scope", 20, 7},
		{document.BlockParagraph, 0, "", "Second item continued", true, "List Bullet", "2.1 In Scope", 21, 8},
		{document.BlockParagraph, 0, "", "Nested item", true, "List Bullet", "2.1 In Scope", 23, 9},
		{document.BlockParagraph, 0, "", "Numbered", true, "List Number", "2.1 In Scope", 24, 10},
		{document.BlockParagraph, 0, "", "make test", false, "Code", "2.1 In Scope", 26, 11},
		{document.BlockTable, 0, "", "", false, "", "2.1 In Scope", 30, 0},
		{document.BlockHeading, 2, "", "2024 Goals", false, "Heading 2", "2024 Goals", 35, 12},
	}
	if len(tr.Blocks) != len(wants) {
		for _, b := range tr.Blocks {
			t.Logf("%+v", b)
		}
		t.Fatalf("%d blocks, want %d", len(tr.Blocks), len(wants))
	}
	for i, w := range wants {
		b := tr.Blocks[i]
		got := want{b.Kind, b.Level, b.Number, b.Text, b.List, b.Style, b.Loc.Section, b.Loc.Line, b.Loc.Paragraph}
		if got != w {
			t.Errorf("block %d:\n got %+v\nwant %+v", i, got, w)
		}
		if b.Loc.Path != "docs/charter.md" {
			t.Errorf("block %d path %q", i, b.Loc.Path)
		}
	}
	tb := tr.Blocks[11].Table
	if len(tb.Rows) != 3 || tb.Rows[2][0].Text != "Sponsor" || tb.Rows[2][1].Text != "" || tb.Rows[2][1].Loc.Column != 2 || tb.Rows[1][1].Loc.Line != 32 {
		t.Errorf("table rows %+v", tb.Rows)
	}
}

func TestSplitNumber(t *testing.T) {
	for in, want := range map[string][2]string{
		"2.1 Scope":        {"2.1", "Scope"},
		"3. Risks":         {"3", "Risks"},
		"10.2.3 Deep":      {"10.2.3", "Deep"},
		"2024 Goals":       {"", "2024 Goals"},
		"1.2":              {"", "1.2"},
		"Scope":            {"", "Scope"},
		"4.1.Approvals":    {"", "4.1.Approvals"},
		"12  Two  spaces ": {"12", "Two  spaces "},
	} {
		n, txt := SplitNumber(in)
		if n != want[0] || txt != want[1] {
			t.Errorf("%q → %q %q, want %q %q", in, n, txt, want[0], want[1])
		}
	}
}

const bomb = `---
kind: charter
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
# Still read
`

func TestFrontMatterProblemsKeepTheBody(t *testing.T) {
	start := time.Now()
	tr := read(t, "bomb.md", bomb, limits.Default())
	hangguard.Since(t, "alias bomb", start, 20*time.Second)
	if tr.FrontMatter != nil || len(tr.Faults) != 1 || tr.Faults[0].Rule != document.ReadPartialLoss || !strings.Contains(tr.Faults[0].Message, "alias bomb") {
		t.Errorf("front matter %v faults %v", tr.FrontMatter, tr.Faults)
	}
	if len(tr.Blocks) != 1 || tr.Blocks[0].Text != "Still read" || tr.Blocks[0].Loc.Line != 13 {
		t.Errorf("blocks %+v", tr.Blocks)
	}

	tr = read(t, "bad.md", "---\nkind: charter\nlist:\n  - a\n - b\n---\nBody\n", limits.Default())
	if len(tr.Faults) != 1 || tr.Faults[0].Rule != document.ReadPartialLoss || tr.Faults[0].Loc.Line != 4 {
		t.Errorf("invalid YAML faults %+v", tr.Faults)
	}
	if len(tr.Blocks) != 1 || tr.Blocks[0].Text != "Body" {
		t.Errorf("blocks %+v", tr.Blocks)
	}

	// A leading "---" with no closing line is a thematic break, not front
	// matter that swallows the document.
	tr = read(t, "rule.md", "---\n# Title\n\nText\n", limits.Default())
	if tr.FrontMatter != nil || len(tr.Blocks) != 2 || tr.Blocks[0].Text != "Title" || tr.Blocks[0].Loc.Line != 2 {
		t.Errorf("no front matter: %v %+v", tr.FrontMatter, tr.Blocks)
	}
}

func TestInvalidUTF8IsReplacedWithANote(t *testing.T) {
	tr := read(t, "latin1.md", "# Caf\xe9\n", limits.Default())
	if tr.Blocks[0].Text != "Caf\uFFFD" || len(tr.Notes) != 1 || !strings.Contains(tr.Notes[0], "UTF-8") {
		t.Errorf("text %q notes %v", tr.Blocks[0].Text, tr.Notes)
	}
}

func TestLimits(t *testing.T) {
	lim := limits.Default()
	lim.MarkdownBytes = 5
	_, err := Read(context.Background(), strings.NewReader("# Title"), 7, "a.md", lim)
	var f *document.Fault
	if !errors.As(err, &f) || f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.markdown_bytes") {
		t.Errorf("size: %v", err)
	}

	lim = limits.Default()
	lim.TableCells = 5
	tr := read(t, "t.md", "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n| c |\n|---|\n| 5 |\n", lim)
	var tables []*document.Table
	for _, b := range tr.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	if len(tr.Faults) != 1 || tr.Faults[0].Rule != document.LimitHit || !strings.Contains(tr.Faults[0].Message, "limits.table_cells") || tr.Faults[0].Loc.Line != 4 {
		t.Errorf("faults %+v", tr.Faults)
	}
	if len(tables) != 1 || len(tables[0].Rows) != 3 || len(tables[0].Rows[2]) != 2 {
		t.Errorf("tables after the cap: %+v", tables)
	}
}

// goldmark is quadratic on some inputs; deep nesting is flattened before
// parsing, and the rest is cut off at the read deadline.
func TestHostileInputsAreBounded(t *testing.T) {
	var lists strings.Builder
	for i := 0; i < 3000; i++ {
		lists.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	for name, body := range map[string]string{
		"quotes": strings.Repeat(">", 200000) + " deep\n",
		"lists":  lists.String(),
	} {
		start := time.Now()
		tr := read(t, name+".md", body, limits.Default())
		// Bounded, not fast (~1–2 s alone on a 2-core box): only a hang fails.
		hangguard.Since(t, name, start, 30*time.Second)
		if len(tr.Notes) == 0 || !strings.Contains(tr.Notes[0], "flattened") {
			t.Errorf("%s notes %v", name, tr.Notes)
		}
	}

	body := strings.Repeat("[a](", 100000) // minutes of goldmark time
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Read(ctx, strings.NewReader(body), int64(len(body)), "links.md", limits.Default())
	var f *document.Fault
	if !errors.As(err, &f) || f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.read_timeout") {
		t.Errorf("deadline: %v", err)
	}
	hangguard.Since(t, "abort at the deadline", start, 10*time.Second)
}

func TestFlattenKeepsLineCount(t *testing.T) {
	src := []byte("a\n" + strings.Repeat("> ", 150) + "x\n- - - y\n")
	out, n := flattenDeepNesting(src)
	if n != 1 || strings.Count(string(out), "\n") != 3 || !strings.HasSuffix(string(out), "x\n- - - y\n") {
		t.Errorf("%d %q", n, out)
	}
	if strings.Count(string(out), ">") != maxDepth {
		t.Errorf("kept %d levels", strings.Count(string(out), ">"))
	}
}

// corpusMarkdown lists the corpus's Markdown files as fuzz seeds.
func corpusMarkdown(f *testing.F) [][]byte {
	var out [][]byte
	for _, name := range []string{"../../../testdata/corpus/18f/QASP.md", "../../../examples/harbor/README.md"} {
		if b, err := os.ReadFile(name); err == nil {
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		f.Fatal("no Markdown seeds")
	}
	return out
}

// FuzzRead: any bytes read as Markdown give a tree or a fault, never a
// panic, within the limits.
func FuzzRead(f *testing.F) {
	for _, b := range corpusMarkdown(f) {
		f.Add(b)
	}
	f.Add([]byte("| a | b |\n|---|---|\n| 1 | 2 |\n"))
	// The layouts read beyond CommonMark: HTML blocks split by blank
	// lines, TAB tables under a separator, pandoc simple tables.
	f.Add([]byte("<table>\n<tr><td rowspan=\"3\">a</td><td colspan=\"2\">b</td></tr>\n\n<tr><td>c</td></tr>\n</table>\n<h1>T<img alt=\"x\"></h1>"))
	f.Add([]byte("Title\nName\tRole\n---\nA\tB\nC\tD\n"))
	f.Add([]byte("  a    b\n  ---  ---\n  1    2\n\n"))
	lim := limits.Default()
	lim.TableCells = 1000
	f.Fuzz(func(t *testing.T, b []byte) {
		tr, err := Read(context.Background(), bytes.NewReader(b), int64(len(b)), "fuzz.md", lim)
		if err == nil && tr == nil {
			t.Fatal("no tree and no error")
		}
	})
}

// FuzzFrontMatter: any YAML between the front-matter fences leaves the
// body readable; a bad or hostile block is at most one fault.
func FuzzFrontMatter(f *testing.F) {
	for _, b := range corpusMarkdown(f) {
		// The corpus bodies under a real-looking block, and its lines as YAML.
		f.Add("title: QASP\nkind: qasp\nversion: 1.0\n", b)
		f.Add(string(b[:min(len(b), 400)]), []byte("# Body\n"))
	}
	f.Add("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", []byte("# Body\n"))
	f.Add("approvals:\n  - {name: A, date: 2026-01-02}\n", []byte("# Body\n"))
	f.Fuzz(func(t *testing.T, fm string, body []byte) {
		src := append([]byte("---\n"+fm+"\n---\n"), body...)
		tr, err := Read(context.Background(), bytes.NewReader(src), int64(len(src)), "fuzz.md", limits.Default())
		if err != nil {
			var fault *document.Fault
			if !errors.As(err, &fault) {
				t.Fatalf("error is not a fault: %v", err)
			}
			return
		}
		if tr == nil {
			t.Fatal("no tree and no error")
		}
	})
}

// Issue 11, defect 8: goldmark's delimiter matching is quadratic on a
// paragraph like "*a_*a_…", runs after the paragraph's inline parse (out
// of reach of the deadline triggers), and once ran for hours at 2 GB after
// its read timed out. The delimiters of one block and the matching work
// are bounded by limits.markdown_bytes, and the matching checks the
// context: the parse is refused with a TG-LIMIT finding, or stops at the
// read deadline.
func TestEmphasisBombIsBounded(t *testing.T) {
	body := strings.Repeat("*a_", 3_000_000) // 8.6 MB, one paragraph
	start := time.Now()
	_, err := Read(context.Background(), strings.NewReader(body), int64(len(body)), "emphasis.md", limits.Default())
	hangguard.Since(t, "refusing 3,000,000 \"*a_\"", start, 10*time.Second)
	var f *document.Fault
	if !errors.As(err, &f) || f.Rule != document.LimitHit || f.Limit != limits.KeyMarkdownBytes || !strings.Contains(f.Message, "emphasis markers") {
		t.Errorf("3,000,000 \"*a_\": %v", err)
	}

	// Delimiters that cannot open, then closers: each closer walks back
	// over all of them. The block bound refuses it.
	body = strings.Repeat("a_a ", 100_000) + strings.Repeat("b* ", 100_000)
	start = time.Now()
	_, err = Read(context.Background(), strings.NewReader(body), int64(len(body)), "intraword.md", limits.Default())
	hangguard.Since(t, "refusing 100,000 intraword \"_\" then 100,000 closers", start, 10*time.Second)
	if !errors.As(err, &f) || f.Rule != document.LimitHit || f.Limit != limits.KeyMarkdownBytes {
		t.Errorf("intraword then closers: %v", err)
	}

	// Just under the block bound the quadratic matching is bounded too
	// (~1.25×10⁷ comparisons), and the file is read.
	body = strings.Repeat("*a_", 5_000)
	start = time.Now()
	read(t, "emphasis.md", body, limits.Default())
	hangguard.Since(t, "reading 5,000 \"*a_\"", start, 10*time.Second)

	// With the limit raised out of the way, the read deadline stops it.
	body = strings.Repeat("*a_", 100_000)
	lim := limits.Default()
	lim.MarkdownBytes = 1 << 40
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = Read(ctx, strings.NewReader(body), int64(len(body)), "emphasis.md", lim)
	hangguard.Since(t, "stopping the matching at the deadline", start, 10*time.Second)
	if !errors.As(err, &f) || f.Rule != document.LimitHit || f.Limit != limits.KeyReadTimeout {
		t.Errorf("at the deadline: %v", err)
	}

	// Honest emphasis in a large paragraph is read.
	body = strings.Repeat("Some *emphasis*, some __strong__ and ~~struck~~ text_with_underscores. ", 1_000)
	tr := read(t, "prose.md", body, limits.Default())
	if len(tr.Blocks) != 1 || !strings.Contains(tr.Blocks[0].Text, "text_with_underscores") {
		t.Errorf("prose: %d blocks", len(tr.Blocks))
	}
}
