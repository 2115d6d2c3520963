package artifact

// Fields follow MODEL.md §6.9.

// ChangeRequest is the change_request payload: one change request form
// (the M3 CR form's key/value tables and its Change Control Board block).
// Values the form leaves as its own prompt ("<Enter CR #>") are empty.
type ChangeRequest struct {
	ID      string `json:"id"`
	Program string `json:"program,omitempty"`
	// Type is new-requirement | change-to-existing-requirement | defect when
	// TypeRaw says one of the form's three choices, else "".
	Type    string   `json:"type"`
	TypeRaw string   `json:"type_raw"`
	RTMRefs []string `json:"rtm_refs"`
	// Priority is low | med | high when PriorityRaw is one of the form's
	// choices ("Medium" is med), else "".
	Priority          string    `json:"priority"`
	PriorityRaw       string    `json:"priority_raw"`
	Description       string    `json:"description"`
	Reason            string    `json:"reason"`
	ApplicationImpact string    `json:"application_impact"`
	Assumptions       string    `json:"assumptions"`
	Impact            CRImpact  `json:"impact"`
	Solution          string    `json:"solution"`
	Submitter         CRPerson  `json:"submitter"`
	DateSubmitted     *string   `json:"date_submitted"`
	DateRequired      *string   `json:"date_required"`
	FLMApproval       CRSignOff `json:"flm_approval"`
	Board             CRBoard   `json:"board"`
	// Locs are where each field's value was read ("id", "description",
	// "impact.hours", "board.date", …), so findings point at the cell.
	Locs map[string]Loc `json:"locs"`
}

// CRImpact is the form's impact analysis. Hours is the number when
// HoursRaw reads as one ("40", "40 hours"); the other impacts are text.
type CRImpact struct {
	Hours    *float64 `json:"hours"`
	HoursRaw string   `json:"hours_raw"`
	Cost     string   `json:"cost"`
	Schedule string   `json:"schedule"`
	Scope    string   `json:"scope"`
}

// CRPerson is who submitted the request.
type CRPerson struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
}

// CRSignOff is a name and the date they signed (the FLM approval).
type CRSignOff struct {
	Name    string  `json:"name"`
	Date    *string `json:"date"`
	DateRaw string  `json:"date_raw,omitempty"`
}

// CRBoard is the Change Control Board decision block.
type CRBoard struct {
	// Decision is approved | rejected | more-information, the raw text
	// lower-cased when it is none of those, "" when empty.
	Decision    string  `json:"decision"`
	DecisionRaw string  `json:"decision_raw"`
	Approver    string  `json:"approver"`
	Date        *string `json:"date"`
	DateRaw     string  `json:"date_raw,omitempty"`
	Explanation string  `json:"explanation"`
}

// ChangeLog is the change_log payload: several change requests listed in
// one sheet or table (a CR log, the M3 RTM "CR" sheet).
type ChangeLog struct {
	Entries []ChangeLogEntry `json:"entries"`
}

// ChangeLogEntry is one row of a change log.
type ChangeLogEntry struct {
	ID             string   `json:"id"`
	RequirementIDs []string `json:"requirement_ids"`
	Name           string   `json:"name"`
	Description    string   `json:"description,omitempty"`
	Type           string   `json:"type,omitempty"`
	Priority       string   `json:"priority,omitempty"`
	// Status is approved | rejected | pending | the raw text lower-cased.
	Status       string  `json:"status"`
	StatusRaw    string  `json:"status_raw"`
	DecisionDate *string `json:"decision_date"`
	Loc          Loc     `json:"loc"`
}
