package artifact

// Fields follow the GSA M3 Requirements Traceability Matrix template
// (m3.json templates → kind rtm): its "RTM" sheet (group row
// Requirements Specification / Fit Gap Analysis / Traceability, header in
// row 2, an instruction row) and its "CR" sheet (Requirement ID, *CR ID, CR
// Name, CR Description, CR Status). MODEL.md lists rtm as envelope-only;
// this payload is what CR-005 and the phase 3 → 4 gate read.

// RTM is the rtm payload: the requirements and the change requests logged
// against them. A slice is nil (JSON null) when the workbook has no such
// sheet, so rules can tell "none listed" from "could not be read".
type RTM struct {
	Requirements   []Requirement    `json:"requirements"`
	ChangeRequests []ChangeLogEntry `json:"change_requests"`
}

// Requirement is one row of the RTM sheet. Values are the cell texts;
// the ones the template constrains with a list are also mapped.
type Requirement struct {
	ID string `json:"id"`
	// ProcessArea and SubProcessArea are the Level 1 and Level 2
	// requirement names.
	ProcessArea    string `json:"process_area,omitempty"`
	SubProcessArea string `json:"sub_process_area,omitempty"`
	Description    string `json:"description"`
	Type           string `json:"type,omitempty"`
	Source         string `json:"source,omitempty"`
	// Priority is the template's Mandatory / Desirable / Optional /
	// Deferred, lower-cased.
	Priority  string `json:"priority,omitempty"`
	Status    string `json:"status,omitempty"`
	StatusRaw string `json:"status_raw,omitempty"`
	// InScope is whether the requirement is in scope for the provider
	// ("In Scope" / "Out of Scope"); nil when the cell is empty or absent.
	InScope *bool `json:"in_scope"`
	// FitGap is fit | gap when the Fit/Gap cell says so, else "".
	FitGap    string `json:"fit_gap"`
	FitGapRaw string `json:"fit_gap_raw,omitempty"`
	// ChangeRequestRequired is the "Change Request Required?" Yes/No;
	// nil when empty or absent.
	ChangeRequestRequired *bool  `json:"change_request_required"`
	GapResolution         string `json:"gap_resolution,omitempty"`
	Release               string `json:"release,omitempty"`
	// Tests are the traceability columns (unit, integration, UAT and
	// regression test case ids) that are filled.
	Tests map[string]string `json:"tests,omitempty"`
	Loc   Loc               `json:"loc"`
}
