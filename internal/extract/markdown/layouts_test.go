package markdown

import (
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// Layouts real Markdown documents use that CommonMark alone does not read
// as their writers meant (field corpus patterns; each seen in more than
// one document).

func tables(tr *document.Tree) []*document.Table {
	var out []*document.Table
	for _, b := range tr.Blocks {
		if b.Kind == document.BlockTable {
			out = append(out, b.Table)
		}
	}
	return out
}

func rowTexts(tb *document.Table) [][]string {
	var out [][]string
	for _, r := range tb.Rows {
		var row []string
		for _, c := range r {
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}

func TestHTMLBlocksAreContent(t *testing.T) {
	src := "<h1 align=\"center\"><img src=\"logo.svg\" alt=\"Shape1\"/></h1>\n<h1 align=\"center\">Software Project Management Plan</h1>\n\n" +
		"<table>\n  <tr><td>**Role**</td><td>Name</td></tr>\n\n  <tr><td rowspan=\"2\">PM</td><td>Ann</td></tr>\n  <tr><td>Bob</td></tr>\n</table>\n\n" +
		"<p>Version 1.2, <b>May</b> 2024</p>\n"
	tr := read(t, "p.md", src, limits.Default())
	var heads, paras []string
	for _, b := range tr.Blocks {
		switch b.Kind {
		case document.BlockHeading:
			heads = append(heads, b.Text)
		case document.BlockParagraph:
			paras = append(paras, b.Text)
		}
	}
	if strings.Join(heads, "|") != "Software Project Management Plan" {
		t.Errorf("headings = %q (an image's alt text is not content)", heads)
	}
	if strings.Join(paras, "|") != "Version 1.2, May 2024" {
		t.Errorf("paragraphs = %q", paras)
	}
	ts := tables(tr)
	if len(ts) != 1 {
		t.Fatalf("%d tables: a table split by a blank line is one table", len(ts))
	}
	got := rowTexts(ts[0])
	want := [][]string{{"Role", "Name"}, {"PM", "Ann"}, {"PM", "Bob"}}
	if len(got) != 3 || strings.Join(got[0], ",") != "Role,Name" || strings.Join(got[2], ",") != "PM,Bob" {
		t.Errorf("rows = %q, want %q (rowspan carried down, emphasis marks dropped)", got, want)
	}
}

func TestTabSeparatedTable(t *testing.T) {
	src := "Stakeholder Register\nUsage: fill at initiation.\n---\nName\tRole\tInfluence\n=====\nS01\tSponsor\tH\nS02\tUser\tM\n"
	tr := read(t, "s.md", src, limits.Default())
	ts := tables(tr)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	got := rowTexts(ts[0])
	if len(got) != 3 || strings.Join(got[0], ",") != "Name,Role,Influence" || strings.Join(got[2], ",") != "S02,User,M" {
		t.Errorf("rows = %q", got)
	}
	if tr.Blocks[0].Kind != document.BlockParagraph || !strings.HasPrefix(tr.Blocks[0].Text, "Stakeholder Register\n") {
		t.Errorf("first block = %+v: lines over a --- separator are lines, not a heading", tr.Blocks[0])
	}
}

func TestPandocSimpleTable(t *testing.T) {
	src := "Intro.\n\n  **Deliverable**   **Standard**        **AQL**\n  ---------------   -----------------   ---------\n  Tested Code       90% coverage        Minimum 90%\n  Deployed          Builds in staging   One command\n\nAfter.\n"
	tr := read(t, "q.md", src, limits.Default())
	ts := tables(tr)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	got := rowTexts(ts[0])
	if len(got) != 3 || strings.Join(got[0], ",") != "Deliverable,Standard,AQL" || strings.Join(got[1], ",") != "Tested Code,90% coverage,Minimum 90%" {
		t.Errorf("rows = %q", got)
	}
	last := tr.Blocks[len(tr.Blocks)-1]
	if last.Text != "After." || last.Loc.Line != 8 {
		t.Errorf("last block %+v: line numbers must survive the rewrite", last)
	}
}

func TestCoverLabelLinesKeepTheirBreaks(t *testing.T) {
	src := "# Plan\n**Project Name:** Core\n**Version:** V0.0.1\nwrapped prose continues\nhere.\n"
	tr := read(t, "c.md", src, limits.Default())
	p := tr.Blocks[1].Text
	if p != "Project Name: Core\nVersion: V0.0.1 wrapped prose continues here." {
		t.Errorf("paragraph = %q", p)
	}
}
