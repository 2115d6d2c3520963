package artifact

// Owner: narrative normalizer. Fields follow MODEL.md §6.

// Charter is the charter payload.
type Charter struct{}
