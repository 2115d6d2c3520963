package artifact

// Fields follow MODEL.md §6.4.

// RACI is the raci payload (a RACI matrix, or an M3 roles table).
type RACI struct {
	Variant      string         `json:"variant"` // RACI | RASCI | RACI-VS
	Roles        []RACIRole     `json:"roles"`
	Activities   []RACIActivity `json:"activities"`
	UnknownCodes []UnknownCode  `json:"unknown_codes"`
}

// RACIRole is one role column (matrix) or roles-table row (M3 RMP).
type RACIRole struct {
	Name       string `json:"name"`
	Canonical  string `json:"canonical"`
	Party      string `json:"party,omitempty"`
	Filled     *bool  `json:"filled,omitempty"`
	PersonName string `json:"person_name,omitempty"`
	// The M3 Resource Management Plan roles table (MODEL.md §4.2): the band
	// the row sits under ("Overall Program Leadership Team"), lead or
	// support staff, federal or contractor, the commitment, whether the
	// resources are acquired, and the gaps with their target dates.
	Group               string    `json:"group,omitempty"`
	Lead                *bool     `json:"lead,omitempty"`
	FederalOrContractor string    `json:"federal_or_contractor,omitempty"`
	Commitment          string    `json:"commitment,omitempty"`
	Acquired            *bool     `json:"acquired,omitempty"`
	AcquiredRaw         string    `json:"acquired_raw,omitempty"`
	Gaps                []RoleGap `json:"gaps,omitempty"`
	Loc                 Loc       `json:"loc"`
}

// RoleGap is one resource or skills gap of a role and the date it is to be
// filled (null when the text gives none).
type RoleGap struct {
	Text       string  `json:"text"`
	TargetDate *string `json:"target_date"`
	Loc        Loc     `json:"loc"`
}

// RACIActivity is one activity row with its role assignments.
type RACIActivity struct {
	ID          string              `json:"id,omitempty"`
	Name        string              `json:"name"`
	Group       string              `json:"group,omitempty"`
	Assignments map[string][]string `json:"assignments"`
	Loc         Loc                 `json:"loc"`
}

// UnknownCode is a matrix cell that is not a code of the variant.
type UnknownCode struct {
	Activity string `json:"activity"`
	Role     string `json:"role"`
	Value    string `json:"value"`
	Loc      Loc    `json:"loc"`
}
