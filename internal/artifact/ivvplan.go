package artifact

// Owner: narrative normalizer. Fields follow MODEL.md §6.

// IVVPlan is the ivvplan payload.
type IVVPlan struct{}
