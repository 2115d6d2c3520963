package artifact

// Owner: envelope normalizer. Fields follow MODEL.md §2.

// Source says where the artifact came from.
type Source struct {
	Path      string `json:"path"`
	Format    string `json:"format"`
	SHA256    string `json:"sha256"`
	SizeBytes int64  `json:"size_bytes"`
	Sheet     string `json:"sheet,omitempty"`
}

// Metadata is the document-level envelope data.
type Metadata struct{}

// Section is one heading and the body under it.
type Section struct{}

// Table is one table of the document.
type Table struct{}

// Diagnostic is a normalizer note.
type Diagnostic struct {
	Level   string `json:"level"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Loc     Loc    `json:"loc"`
}
