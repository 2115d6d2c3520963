package artifact

// Fields follow MODEL.md §6.5.

// RiskRegister is the risk_register payload (RAID log).
type RiskRegister struct {
	Risks  []Risk `json:"risks"`
	Issues []Risk `json:"issues"`
	// Columns and IssueColumns map each canonical column of the risk and
	// the issue table to the header text it was read from (RISK-001).
	Columns      map[string]string `json:"columns,omitempty"`
	ColumnsLoc   *Loc              `json:"columns_loc,omitempty"` // the risk table's header row
	IssueColumns map[string]string `json:"issue_columns,omitempty"`
	// AllowedValues and IssueAllowedValues are the register's own value
	// lists per canonical column (list data-validations, which the M3 RAID
	// template keeps on its Data Mgmt sheet), for RISK-002.
	AllowedValues      map[string][]string `json:"allowed_values,omitempty"`
	IssueAllowedValues map[string][]string `json:"issue_allowed_values,omitempty"`
}

// Risk is one risk (or issue) row.
type Risk struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	Description  string  `json:"description"`
	IfThen       bool    `json:"if_then"`
	Category     string  `json:"category,omitempty"`
	Probability  *Scored `json:"probability,omitempty"`
	Impact       *Scored `json:"impact,omitempty"`
	Score        *int    `json:"score"`
	Severity     string  `json:"severity,omitempty"`
	Owner        string  `json:"owner"`
	Response     string  `json:"response,omitempty"`
	ResponsePlan string  `json:"response_plan,omitempty"`
	Status       string  `json:"status"`
	StatusRaw    string  `json:"status_raw"`
	DueDate      *string `json:"due_date"`
	// Trigger, contingency and closure (MODEL.md §6.5), for RISK-007/008.
	Trigger         string  `json:"trigger,omitempty"`
	ContingencyPlan string  `json:"contingency_plan,omitempty"`
	ClosureCriteria string  `json:"closure_criteria,omitempty"`
	CreatedOn       *string `json:"created_on"`
	ModifiedOn      *string `json:"modified_on"`
	// ModifiedSource says where modified_on was read: the Modified On
	// column, or the latest date written in the status notes (the M3 Risk
	// Log has no Modified On column; its status notes record "changes to
	// status or response actions over time").
	ModifiedSource string   `json:"modified_source,omitempty"`
	StatusNotes    string   `json:"status_notes,omitempty"`
	ClosedDate     *string  `json:"closed_date"`
	RelatedIDs     []string `json:"related_ids,omitempty"`
	Loc            Loc      `json:"loc"`
}

// Scored is a 1–5 rating with the raw text.
type Scored struct {
	Raw   string `json:"raw"`
	Score *int   `json:"score"`
	// Pct is a probability written as a percentage or share (85%, 0.6).
	Pct *float64 `json:"pct,omitempty"`
}
