package artifact

// Fields follow MODEL.md §6.2.

// PMP is the pmp payload.
type PMP struct {
	SubsidiaryPlans []SubsidiaryPlan `json:"subsidiary_plans"`
	Governance      Governance       `json:"governance"`
	Roles           []string         `json:"roles"`
	Processes       PMPProcesses     `json:"processes"`
}

// SubsidiaryPlan says whether one of the plans a PMP includes or references
// is there.
type SubsidiaryPlan struct {
	Key       string  `json:"key"`
	Present   bool    `json:"present"`
	Mode      *string `json:"mode"` // inline | reference
	SectionID string  `json:"section_id,omitempty"`
	Heading   string  `json:"heading,omitempty"`
	WordCount int     `json:"word_count"`
	Reference string  `json:"reference,omitempty"`
	// Resolved says whether a referenced plan was found in the submission
	// (set for mode "reference" only); ResolvedPath names the document.
	Resolved     *bool  `json:"resolved,omitempty"`
	ResolvedPath string `json:"resolved_path,omitempty"`
	Kind         string `json:"kind,omitempty"` // change plan: control | ocm
	Loc          *Loc   `json:"loc,omitempty"`
}

// Governance is what the PMP says about decision-making and escalation.
type Governance struct {
	Present               bool `json:"present"`
	EscalationDefined     bool `json:"escalation_defined"`
	DecisionRightsDefined bool `json:"decision_rights_defined"`
	Loc                   *Loc `json:"loc,omitempty"`
}

// PMPProcesses are the execution processes the plan describes.
type PMPProcesses struct {
	StatusMeetings        bool   `json:"status_meetings"`
	StatusCadence         string `json:"status_cadence,omitempty"`
	QualityAssurance      bool   `json:"quality_assurance"`
	DeliverableAcceptance bool   `json:"deliverable_acceptance"`
	LessonsLearned        bool   `json:"lessons_learned"`
}
