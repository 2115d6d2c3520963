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
