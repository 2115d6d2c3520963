package normalize

import (
	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// scheduleFromTree is replaced by the MSPDI mapping.
func scheduleFromTree(t *document.Tree, a *artifact.Artifact, opts Options) bool { return false }
