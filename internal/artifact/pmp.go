package artifact

// Owner: narrative normalizer. Fields follow MODEL.md §6.

// PMP is the pmp payload.
type PMP struct{}
