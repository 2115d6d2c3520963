// Package classify decides which kind of artifact a document is, and why.
package classify

// Kind sources, strongest first (config > front matter/property > title >
// headings > column headers > file name).
const (
	SourceConfig      = "config"
	SourceFrontMatter = "frontmatter"
	SourceProperty    = "property"
	SourceTitle       = "title"
	SourceHeadings    = "headings"
	SourceColumns     = "columns"
	SourceFilename    = "filename"
	SourceDefault     = "default" // nothing matched: generic
)

// Result is the classification of one document.
type Result struct {
	Kind       string  `json:"kind"`
	Source     string  `json:"kind_source"`
	Confidence float64 `json:"kind_confidence"`
	// ArtifactKey is the M3 artifact key (m3.json artifacts[].key) when recognised.
	ArtifactKey string `json:"artifact_key,omitempty"`
}

// KindRule is a configured override: files matching Path (a glob, ** allowed)
// are of Kind.
type KindRule struct {
	Path string `json:"path" yaml:"path"`
	Kind string `json:"kind" yaml:"kind"`
}
