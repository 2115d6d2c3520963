package artifact

// Fields follow MODEL.md §6.1.

// Charter is the charter payload.
type Charter struct {
	Purpose              string        `json:"purpose"`
	PurposeLoc           *Loc          `json:"purpose_loc,omitempty"`
	Objectives           []Objective   `json:"objectives"`
	SuccessCriteria      []string      `json:"success_criteria"`
	HighLevelReqs        []string      `json:"high_level_requirements"`
	Scope                CharterScope  `json:"scope"`
	Deliverables         []string      `json:"deliverables"`
	Milestones           []Milestone   `json:"milestones"`
	Budget               *Budget       `json:"budget"`
	Stakeholders         []Stakeholder `json:"stakeholders"`
	Assumptions          []string      `json:"assumptions"`
	Constraints          []string      `json:"constraints"`
	Risks                []string      `json:"risks"`
	ProjectManager       Person        `json:"project_manager"`
	Sponsor              Person        `json:"sponsor"`
	ApprovalRequirements string        `json:"approval_requirements"`
	ExitCriteria         string        `json:"exit_criteria"`
}

// Objective is one charter objective.
type Objective struct {
	Text       string   `json:"text"`
	Measurable bool     `json:"measurable"`
	Signals    []string `json:"signals"`
	Loc        Loc      `json:"loc"`
}

// CharterScope is the scope statement.
type CharterScope struct {
	Description string   `json:"description"`
	InScope     []string `json:"in_scope"`
	OutOfScope  []string `json:"out_of_scope"`
}

// Milestone is one summary milestone.
type Milestone struct {
	Name    string  `json:"name"`
	Date    *string `json:"date"`
	DateRaw string  `json:"date_raw"`
	Loc     Loc     `json:"loc"`
}

// Budget is the first currency amount of the budget section.
type Budget struct {
	Amount   *float64 `json:"amount"`
	Currency string   `json:"currency,omitempty"`
	Text     string   `json:"text"`
}

// Stakeholder is one row of a stakeholder list.
type Stakeholder struct {
	Name         string `json:"name"`
	Role         string `json:"role,omitempty"`
	Organization string `json:"organization,omitempty"`
	Party        string `json:"party,omitempty"`
}

// Person names someone with a role in the document.
type Person struct {
	Name      string `json:"name"`
	Title     string `json:"title,omitempty"`
	Authority string `json:"authority,omitempty"`
	Loc       *Loc   `json:"loc,omitempty"`
}
