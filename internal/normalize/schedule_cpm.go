package normalize

import "github.com/tollgate-dev/tollgate/internal/artifact"

// analyze runs the critical-path pass (wired when internal/schedule lands).
func analyze(a *artifact.Artifact, s *artifact.Schedule) {}
