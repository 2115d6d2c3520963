// Package normalize turns a document.Tree of a known kind into a typed
// artifact: the common envelope plus the kind's payload. One file per kind.
package normalize

import (
	"context"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// Options are the facts normalization may need from outside the document.
type Options struct {
	SHA256    string
	SizeBytes int64
	// StatusDate is the configured schedule data date (project.status_date),
	// used when the schedule itself names none.
	StatusDate string
	// PlanMinWords is the inline-section size that makes a PMP subsidiary
	// plan "present" (MODEL.md §6.2; default 50).
	PlanMinWords int
	// CriticalPathDelayDays is the delay the DCMA critical-path test adds
	// (thresholds.dcma.critical_path_delay_days; 0 = the DCMA default 600).
	CriticalPathDelayDays float64
	// Context is the run's: once it is done the slow loops stop and
	// Normalize returns early with a partial artifact, which the caller
	// must discard (it checks the context). Nil never stops.
	Context context.Context
}

// ConfigOptions are the facts of the configuration that normalization
// needs (the status date, the DCMA critical-path test delay). The
// configuration is plain data; normalize reads what it needs from it.
func ConfigOptions(c *config.Config) Options {
	o := Options{StatusDate: c.Project.StatusDate}
	if dcma, ok := c.Thresholds["dcma"].(map[string]any); ok {
		switch v := dcma["critical_path_delay_days"].(type) {
		case int:
			o.CriticalPathDelayDays = float64(v)
		case float64:
			o.CriticalPathDelayDays = v
		}
	}
	return o
}

// stopped reports whether the run's context is done.
func (o Options) stopped() bool { return o.Context != nil && o.Context.Err() != nil }

// Normalize builds the artifact of t classified as c. It never fails: what
// cannot be read is recorded in diagnostics and left out of fields_found.
// (Envelope construction lives in envelope.go.)
func Normalize(t *document.Tree, c classify.Result, opts Options) *artifact.Artifact {
	d := &doc{Tree: labelHeadings(withoutTOC(t))}
	d.grids = grids(d.Tree)
	d.facts = readFacts(d.Tree)
	a := newEnvelope(d, c, opts)
	if opts.stopped() {
		return a
	}
	if r, ok := lookup(c.Kind); ok && r.normalize != nil {
		r.normalize(d, a, opts)
	}
	return a
}

// doc is the tree being normalized with its table-shaped regions (grids),
// built once: the envelope and the payload normalizers all read them.
type doc struct {
	*document.Tree
	grids []grid
	facts *facts
}

// withoutTOC drops table-of-contents paragraphs (styles "toc 1", "TOC2", …):
// they repeat the headings with page numbers and are not content; kept,
// they would double every heading's text and placeholder.
func withoutTOC(t *document.Tree) *document.Tree {
	keep := t.Blocks[:0:0]
	dropped := false
	for _, b := range t.Blocks {
		if b.Kind == document.BlockParagraph && strings.HasPrefix(strings.ToLower(strings.ReplaceAll(b.Style, " ", "")), "toc") {
			dropped = true
			continue
		}
		keep = append(keep, b)
	}
	if !dropped {
		return t
	}
	c := *t
	c.Blocks = keep
	return &c
}

// sectionWords is every heading vocabulary a label may name: a "Problem
// Statement:" or "Project Objectives :" line standing alone is a heading
// the writer did not style as one.
var sectionWords = []*vocab.Table{&vocab.CharterSections, &vocab.PMPPlans, &vocab.IVVSections, &vocab.StatusSections}

func sectionLabel(label string) bool {
	if vocab.Words(label) > 5 {
		return false
	}
	for _, tab := range sectionWords {
		if _, ok := tab.Exact(label); ok {
			return true
		}
		if k, ok := tab.Match(label); ok && k != "" && vocab.Words(label) <= 3 {
			return true
		}
	}
	return false
}

// labelHeadings makes a heading of each paragraph that is only a section
// label ("Problem Statement :", "**Deliverables:**"), one level under the
// heading before it. Real documents write sections this way as
// often as with heading styles; read as paragraphs, their content would
// belong to no section.
func labelHeadings(t *document.Tree) *document.Tree {
	var out []document.Block
	changed := false
	level := 0
	for _, b := range t.Blocks {
		if b.Kind == document.BlockHeading {
			if b.Level > 0 {
				level = b.Level
			}
			out = append(out, b)
			continue
		}
		if b.Kind != document.BlockParagraph || b.List || strings.Contains(b.Text, "\n") || b.Style == "Code" {
			out = append(out, b)
			continue
		}
		// "Objective: Create a radio that …" stays a paragraph: its
		// section would be that one line, and the facts layer reads it as
		// a labelled value.
		label, value, ok := splitLabel(b.Text)
		if !ok || value != "" || !sectionLabel(label) {
			out = append(out, b)
			continue
		}
		changed = true
		h := b
		h.Kind, h.Level, h.Text, h.Style = document.BlockHeading, min(level+1, 9), label, "label"
		h.Loc.Section = label
		out = append(out, h)
	}
	if !changed {
		return t
	}
	c := *t
	c.Blocks = out
	return &c
}
