// Package normalize turns a document.Tree of a known kind into a typed
// artifact: the common envelope plus the kind's payload. One file per kind.
package normalize

import (
	"context"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
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

// stopped reports whether the run's context is done.
func (o Options) stopped() bool { return o.Context != nil && o.Context.Err() != nil }

// payloadFunc fills the kind's payload (and may add envelope tables,
// diagnostics and fields_found) of an artifact whose envelope is built.
type payloadFunc func(t *doc, a *artifact.Artifact, opts Options)

// payloads maps a kind to its payload normalizer; each kind file registers
// itself in init so kinds can be added without touching this file.
var payloads = map[string]payloadFunc{}

func register(kind string, f payloadFunc) { payloads[kind] = f }

// Normalize builds the artifact of t classified as c. It never fails: what
// cannot be read is recorded in diagnostics and left out of fields_found.
// (Envelope construction lives in envelope.go.)
func Normalize(t *document.Tree, c classify.Result, opts Options) *artifact.Artifact {
	d := &doc{Tree: withoutTOC(t)}
	d.grids = grids(d.Tree)
	a := newEnvelope(d, c, opts)
	if opts.stopped() {
		return a
	}
	if f, ok := payloads[c.Kind]; ok {
		f(d, a, opts)
	}
	return a
}

// doc is the tree being normalized with its table-shaped regions (grids),
// built once: the envelope and the payload normalizers all read them.
type doc struct {
	*document.Tree
	grids []grid
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
