package normalize

import (
	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// newEnvelope builds the common envelope (MODEL.md §2.1).
func newEnvelope(t *document.Tree, c classify.Result, opts Options) *artifact.Artifact {
	return &artifact.Artifact{
		SchemaVersion:  artifact.SchemaVersion,
		Kind:           c.Kind,
		KindSource:     c.Source,
		KindConfidence: c.Confidence,
		ArtifactKey:    c.ArtifactKey,
		Source: artifact.Source{
			Path:      t.Path,
			Format:    string(t.Format),
			SHA256:    opts.SHA256,
			SizeBytes: opts.SizeBytes,
		},
		Sections:    []artifact.Section{},
		Tables:      []artifact.Table{},
		Diagnostics: []artifact.Diagnostic{},
		FieldsFound: []string{},
	}
}
