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

// New returns the renderer for a format name.
func New(format string, opts Options) (Renderer, error) {
	switch format {
	case "text":
		return Text{Color: opts.Color, Verbose: opts.Verbose}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{}, nil
	case "junit":
		return JUnit{}, nil
	case "github":
		return GitHub{}, nil
	case "markdown":
		return Markdown{}, nil
	case "html":
		return HTML{}, nil
	case "xlsx":
		return XLSX{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (known: %v)", format, Formats())
}

// Formats lists the format names New accepts.
func Formats() []string {
	f := []string{"text", "json", "sarif", "junit", "github", "markdown", "html", "xlsx"}
	sort.Strings(f)
	return f
}
