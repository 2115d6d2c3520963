// Package report renders a decided finding.Result. One file per format, all
// behind Renderer; the JSON report is the contract the others render from.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/tollgate-dev/tollgate/internal/finding"
)

// Renderer writes one format of a result.
type Renderer interface {
	Render(w io.Writer, r *finding.Result) error
}

// Options tune renderers that have choices.
type Options struct {
	// Color enables ANSI colour in the text format (only on a terminal,
	// never with NO_COLOR set: the caller decides).
	Color bool
	// Verbose lists passing checks too (text).
	Verbose bool
}

// renderers are the output formats: adding one is a file with its
// Renderer and a line here.
var renderers = map[string]func(Options) Renderer{
	"text":     func(o Options) Renderer { return Text{Color: o.Color, Verbose: o.Verbose} },
	"json":     func(Options) Renderer { return JSON{} },
	"sarif":    func(Options) Renderer { return SARIF{} },
	"junit":    func(Options) Renderer { return JUnit{} },
	"github":   func(Options) Renderer { return GitHub{} },
	"markdown": func(Options) Renderer { return Markdown{} },
	"html":     func(Options) Renderer { return HTML{} },
	"xlsx":     func(Options) Renderer { return XLSX{} },
}

// New returns the renderer for a format name.
func New(format string, opts Options) (Renderer, error) {
	if r, ok := renderers[format]; ok {
		return r(opts), nil
	}
	return nil, fmt.Errorf("unknown format %q (known: %v)", format, Formats())
}

// Formats lists the format names New accepts.
func Formats() []string {
	f := make([]string, 0, len(renderers))
	for name := range renderers {
		f = append(f, name)
	}
	sort.Strings(f)
	return f
}
