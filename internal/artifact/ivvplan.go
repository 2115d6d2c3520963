package artifact

// Fields follow MODEL.md §6.6.

// IVVPlan is the ivv_plan payload.
type IVVPlan struct {
	Provider     IVVProvider     `json:"provider"`
	Independence IVVIndependence `json:"independence"`
	ReportsTo    string          `json:"reports_to"`
	// FindingsReviewCadence is how often findings are reviewed ("monthly").
	FindingsReviewCadence string `json:"findings_review_cadence"`
	// FindingsProcess says whether findings are logged, tracked to closure
	// and escalated (MODEL.md §6.6).
	FindingsProcess IVVFindingsProcess `json:"findings_process"`
	// Outline says which IEEE 1012 plan-outline sections are present.
	Outline map[string]bool `json:"outline"`
	// DeliverablesUnderReview are the program deliverables IV&V assesses
	// (IVV-004; XDOC-011 looks for their review in the IMS).
	DeliverablesUnderReview []IVVDeliverable `json:"deliverables_under_review"`
}

// IVVDeliverable is one deliverable listed for IV&V review.
type IVVDeliverable struct {
	Name string `json:"name"`
	Text string `json:"text,omitempty"` // the whole item when it says more than the name
	Loc  Loc    `json:"loc"`
}

// IVVProvider is who performs IV&V.
type IVVProvider struct {
	Name         string `json:"name"`
	Organization string `json:"organization"`
}

// IVVIndependence records the kinds of independence the plan states.
type IVVIndependence struct {
	Technical  bool   `json:"technical"`
	Managerial bool   `json:"managerial"`
	Financial  bool   `json:"financial"`
	Statement  string `json:"statement"`
}

// IVVFindingsProcess is the plan's procedure for findings and anomalies.
type IVVFindingsProcess struct {
	Defined  bool   `json:"defined"`
	Tracking string `json:"tracking,omitempty"`
}
