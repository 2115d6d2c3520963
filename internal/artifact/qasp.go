package artifact

// Fields follow MODEL.md §6.7.

// QASP is the qasp payload: the performance requirements summary and who
// surveils it.
type QASP struct {
	// PWSReference names the work statement the plan surveils ("PWS dated …").
	PWSReference            string                   `json:"pws_reference,omitempty"`
	Roles                   QASPRoles                `json:"roles"`
	PerformanceRequirements []PerformanceRequirement `json:"performance_requirements"`
	Documentation           QASPDocumentation        `json:"documentation"`
}

// QASPRoles are the government officials named in the plan.
type QASPRoles struct {
	ContractingOfficer string   `json:"contracting_officer"`
	COR                string   `json:"cor"`
	Others             []string `json:"others,omitempty"`
}

// PerformanceRequirement is one row of a performance requirements summary
// (or one transposed record table), and one service level of an SLA.
type PerformanceRequirement struct {
	ID        string `json:"id,omitempty"`
	PWSRef    string `json:"pws_ref"`
	Objective string `json:"objective"`
	Standard  string `json:"standard"`
	AQL       string `json:"aql"`
	Method    string `json:"method"`
	// MethodCanonical is the surveillance-method vocabulary key
	// ("100-percent-inspection"), "" when the method is not in it.
	MethodCanonical string `json:"method_canonical"`
	Frequency       string `json:"frequency"`
	Responsible     string `json:"responsible"`
	Remedy          string `json:"remedy"`
	Loc             Loc    `json:"loc"`
	// Fields locates each field's cell (record tables keep one field per
	// row), so a finding can point at the cell to fix.
	Fields map[string]Loc `json:"fields,omitempty"`
}

// QASPDocumentation is what the plan says about its surveillance records
// and corrective action.
type QASPDocumentation struct {
	SurveillanceRecords      bool   `json:"surveillance_records"`
	CorrectiveActionProcess  bool   `json:"corrective_action_process"`
	PerformanceReviewCadence string `json:"performance_review_cadence,omitempty"`
}

// SLA is the sla payload: the same row shape, service level = standard,
// threshold = aql (MODEL.md §6.7).
type SLA struct {
	ServiceLevels []PerformanceRequirement `json:"service_levels"`
}
