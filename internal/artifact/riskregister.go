package artifact

// Fields follow MODEL.md §6.5.

// RiskRegister is the risk_register payload (RAID log).
type RiskRegister struct {
	Risks         []Risk              `json:"risks"`
	Issues        []Risk              `json:"issues"`
	AllowedValues map[string][]string `json:"allowed_values,omitempty"`
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
	Trigger         string   `json:"trigger,omitempty"`
	ContingencyPlan string   `json:"contingency_plan,omitempty"`
	ClosureCriteria string   `json:"closure_criteria,omitempty"`
	CreatedOn       *string  `json:"created_on"`
	ModifiedOn      *string  `json:"modified_on"`
	ClosedDate      *string  `json:"closed_date"`
	RelatedIDs      []string `json:"related_ids,omitempty"`
	Loc             Loc      `json:"loc"`
}

// Scored is a 1–5 rating with the raw text.
type Scored struct {
	Raw   string `json:"raw"`
	Score *int   `json:"score"`
}
