package artifact

// Fields follow MODEL.md §6.6.

// IVVPlan is the ivv_plan payload.
type IVVPlan struct {
	Provider     IVVProvider     `json:"provider"`
	Independence IVVIndependence `json:"independence"`
	ReportsTo    string          `json:"reports_to"`
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
