package artifact

// Fields follow MODEL.md §6.9.

// LessonsLearned is the lessons_learned payload: the M3 Lessons Learned
// Report's project overview block, its Start/Stop/Continue grid per
// knowledge area, and the recommendations with their implementation plan.
type LessonsLearned struct {
	Date            *string `json:"date"`
	DateRaw         string  `json:"date_raw,omitempty"`
	ProjectName     string  `json:"project_name"`
	CustomerContact string  `json:"customer_contact"`
	ProviderContact string  `json:"provider_contact"`
	SubmittedBy     string  `json:"submitted_by"`
	Description     string  `json:"description"`
	// Phase is the M3 phase the lessons close, when the report names one.
	Phase           *int             `json:"phase"`
	Lessons         []Lesson         `json:"lessons"`
	Recommendations []Recommendation `json:"recommendations"`
	// Locs are where each overview field's value was read.
	Locs map[string]Loc `json:"locs"`
}

// Lesson is one knowledge-area row of the Start/Stop/Continue grid.
type Lesson struct {
	KnowledgeArea string `json:"knowledge_area"`
	Start         string `json:"start"`
	Stop          string `json:"stop"`
	Continue      string `json:"continue"`
	Loc           Loc    `json:"loc"`
}

// Recommendation is one recommendation and how it will be carried out.
type Recommendation struct {
	Text               string  `json:"text"`
	Owner              string  `json:"owner"`
	ImplementationPlan string  `json:"implementation_plan"`
	DueDate            *string `json:"due_date"`
	Loc                Loc     `json:"loc"`
}
