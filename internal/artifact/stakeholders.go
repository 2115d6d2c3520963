package artifact

// Fields follow MODEL.md §6.9 and the M3 Stakeholder Analysis columns
// (§4.8).

// StakeholderRegister is the stakeholder_register payload.
type StakeholderRegister struct {
	Stakeholders []RegisteredStakeholder `json:"stakeholders"`
}

// RegisteredStakeholder is one row of a stakeholder register or analysis.
type RegisteredStakeholder struct {
	Name  string `json:"name"`
	Group string `json:"group,omitempty"`
	// Agency is the stakeholder's agency or organization.
	Agency string `json:"agency,omitempty"`
	Role   string `json:"role,omitempty"`
	// Party is customer | provider | shared when the group, agency or role
	// says so, else "".
	Party                   string `json:"party,omitempty"`
	Perception              string `json:"perception,omitempty"`
	Expectation             string `json:"expectation,omitempty"`
	Concerns                string `json:"concerns,omitempty"`
	KeyMessaging            string `json:"key_messaging,omitempty"`
	Investment              string `json:"investment,omitempty"`
	PreferredCommunications string `json:"preferred_communications,omitempty"`
	Influence               string `json:"influence,omitempty"`
	Interest                string `json:"interest,omitempty"`
	Loc                     Loc    `json:"loc"`
}
