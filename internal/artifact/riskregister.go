package artifact

// Owner: tabular normalizer. Fields follow MODEL.md §6.

// RiskRegister is the riskregister payload.
type RiskRegister struct{}
