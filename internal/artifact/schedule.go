package artifact

// Owner: tabular normalizer. Fields follow MODEL.md §6.

// Schedule is the schedule payload.
type Schedule struct{}
