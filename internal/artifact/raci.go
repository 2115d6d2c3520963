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
	Loc        Loc    `json:"loc"`
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
