package normalize

import (
	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/schedule"
)

// analyze runs the critical-path pass over the finished schedule payload:
// early/late dates, computed float where the file gave none, the critical
// path, cycles and the DCMA critical-path test (schedule.derived). The data
// date is the schedule's status date.
func analyze(_ *artifact.Artifact, s *artifact.Schedule, delay float64) {
	opts := schedule.Options{TestDelayDays: delay}
	if s.StatusDate != nil {
		opts.DataDate = *s.StatusDate
	}
	schedule.Analyze(s, opts)
	schedule.BuildIndex(s)
}
