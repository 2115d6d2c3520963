package artifact

// Owner: tabular normalizer. Fields follow MODEL.md §6.

// RACI is the raci payload.
type RACI struct{}
