package normalize

import (
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// outline pairs each envelope section with the body blocks under it, so
// payload normalizers can read bullets and tables of a section, and the
// text of a section together with its subsections.
type outline struct {
	path     string
	sections []artifact.Section
	blocks   [][]document.Block // blocks[i] = body of sections[i]
}

func newOutline(t *document.Tree, a *artifact.Artifact) *outline {
	o := &outline{path: t.Path, sections: a.Sections, blocks: make([][]document.Block, len(a.Sections))}
	i := -1
	for _, b := range t.Blocks {
		if b.Kind == document.BlockHeading && b.Level > 0 {
			i++
			continue
		}
		if i >= 0 && i < len(o.blocks) {
			o.blocks[i] = append(o.blocks[i], b)
		}
	}
	return o
}

// find returns the indexes of every section whose heading means key in
// tab, alone or among other meanings ("Project Purpose and Objectives" is
// found for purpose and for objectives). A section inside one already
// found is not returned again: its text is part of its parent's.
func (o *outline) find(tab *vocab.Table, key string) []int {
	var out []int
	covered := -1 // sections up to this index are inside a found one
	for i, s := range o.sections {
		if i <= covered {
			continue
		}
		for _, k := range tab.MatchAll(s.Heading) {
			if k == key {
				out = append(out, i)
				sub := o.subtree(i)
				covered = sub[len(sub)-1]
				break
			}
		}
	}
	return out
}

// meanings is how many keys of tab the heading of section i means.
func (o *outline) meanings(tab *vocab.Table, i int) int {
	return len(tab.MatchAll(o.sections[i].Heading))
}

// subtree returns section i and its subsections (deeper levels that follow).
func (o *outline) subtree(i int) []int {
	out := []int{i}
	for j := i + 1; j < len(o.sections) && o.sections[j].Level > o.sections[i].Level; j++ {
		out = append(out, j)
	}
	return out
}

// text is the body text of section i and its subsections (subsection
// headings included, as a reader would see them).
func (o *outline) text(i int) string {
	var parts []string
	for n, j := range o.subtree(i) {
		if n > 0 {
			parts = append(parts, o.sections[j].Heading)
		}
		if o.sections[j].Text != "" {
			parts = append(parts, o.sections[j].Text)
		}
		for _, b := range o.blocks[j] {
			if b.Kind == document.BlockTable && b.Table != nil {
				for _, r := range b.Table.Rows {
					for _, c := range r {
						if !c.Merged && strings.TrimSpace(c.Text) != "" {
							parts = append(parts, strings.TrimSpace(c.Text))
						}
					}
				}
			}
		}
	}
	return strings.Join(parts, "\n")
}

// rowText is text(i) with each table row on one line ("Total | R$
// 104.663,00"), for readers that need a row's label beside its value.
func (o *outline) rowText(i int) string {
	var parts []string
	for n, j := range o.subtree(i) {
		if n > 0 {
			parts = append(parts, o.sections[j].Heading)
		}
		for _, b := range o.blocks[j] {
			switch {
			case b.Kind == document.BlockTable && b.Table != nil:
				for _, r := range b.Table.Rows {
					var cells []string
					for _, c := range r {
						if !c.Merged && strings.TrimSpace(c.Text) != "" {
							cells = append(cells, strings.TrimSpace(c.Text))
						}
					}
					parts = append(parts, strings.Join(cells, " | "))
				}
			case strings.TrimSpace(b.Text) != "":
				parts = append(parts, strings.TrimSpace(b.Text))
			}
		}
	}
	return strings.Join(parts, "\n")
}

// items are the list items of section i (bullets, numbered items), else its
// non-empty paragraphs, else the first column of its one-column tables.
func (o *outline) items(i int) []item {
	var list, paras []item
	for _, j := range o.subtree(i) {
		for _, b := range o.blocks[j] {
			switch {
			case b.Kind == document.BlockParagraph && b.List && strings.TrimSpace(b.Text) != "":
				list = append(list, item{strings.TrimSpace(b.Text), b.Loc})
			case b.Kind == document.BlockParagraph && strings.TrimSpace(b.Text) != "":
				paras = append(paras, item{strings.TrimSpace(b.Text), b.Loc})
			case b.Kind == document.BlockTable && b.Table != nil:
				for ri, r := range b.Table.Rows {
					if ri == 0 || len(r) == 0 || strings.TrimSpace(r[0].Text) == "" {
						continue
					}
					list = append(list, item{strings.TrimSpace(r[0].Text), r[0].At()})
				}
			}
		}
	}
	if len(list) > 0 {
		return list
	}
	return paras
}

// topItems are the list items of section i at the outermost list level
// the section uses (an objective, not the bullets that explain it), else
// its paragraphs.
func (o *outline) topItems(i int) []item {
	top := -1
	for _, j := range o.subtree(i) {
		for _, b := range o.blocks[j] {
			if b.Kind == document.BlockParagraph && b.List && strings.TrimSpace(b.Text) != "" && (top < 0 || b.ListLevel < top) {
				top = b.ListLevel
			}
		}
	}
	if top < 0 {
		return o.items(i)
	}
	var out []item
	for _, j := range o.subtree(i) {
		for _, b := range o.blocks[j] {
			if b.Kind == document.BlockParagraph && b.List && b.ListLevel == top && strings.TrimSpace(b.Text) != "" {
				out = append(out, item{strings.TrimSpace(b.Text), b.Loc})
			}
		}
	}
	return out
}

// listItems are the list items of section i with their levels, and its
// paragraphs when it has no list.
func (o *outline) listItems(i int) (items []item, levels []int) {
	for _, j := range o.subtree(i) {
		for _, b := range o.blocks[j] {
			if b.Kind == document.BlockParagraph && strings.TrimSpace(b.Text) != "" && b.List {
				items = append(items, item{strings.TrimSpace(b.Text), b.Loc})
				levels = append(levels, b.ListLevel)
			}
		}
	}
	return items, levels
}

type item struct {
	text string
	loc  document.Loc
}

func texts(items []item) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.text)
	}
	return out
}

// tables returns the table blocks under section i and its subsections.
func (o *outline) tables(i int) []document.Block {
	var out []document.Block
	for _, j := range o.subtree(i) {
		for _, b := range o.blocks[j] {
			if b.Kind == document.BlockTable && b.Table != nil {
				out = append(out, b)
			}
		}
	}
	return out
}

// gridOf wraps a table block as a grid.
func gridOf(b document.Block) grid {
	g := grid{table: b.Loc.Table, section: b.Loc.Section}
	for i, r := range b.Table.Rows {
		num := i + 1
		if len(r) > 0 && r[0].Loc.Row > 0 {
			num = r[0].Loc.Row
		}
		g.rows = append(g.rows, gridRow{num: num, cells: r})
	}
	return g
}
