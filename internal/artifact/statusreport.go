package artifact

// Fields follow MODEL.md §6.8.

// StatusReport is the status_report payload.
type StatusReport struct {
	AsOfDate *string `json:"as_of_date"`
	// AsOfRaw is the text the date was read from (or the unfilled prompt).
	AsOfRaw         string       `json:"as_of_raw,omitempty"`
	ReportingPeriod *Period      `json:"reporting_period,omitempty"`
	OverallStatus   *string      `json:"overall_status"` // green | yellow | red; null when not stated
	OverallRaw      string       `json:"overall_status_raw,omitempty"`
	OverallLoc      *Loc         `json:"overall_status_loc,omitempty"`
	ScheduleStatus  *string      `json:"schedule_status,omitempty"`
	GoLiveVariance  *float64     `json:"go_live_variance_days"`
	Activities      []StatusItem `json:"activities"`
	Milestones      []StatusItem `json:"milestones"`
	Risks           []StatusRisk `json:"risks"`
	Accomplishments []DatedItem  `json:"accomplishments"`
	Upcoming        []DatedItem  `json:"upcoming"`
	Spend           *Spend       `json:"spend"`
}

// Period is a from–to date range.
type Period struct {
	From *string `json:"from"`
	To   *string `json:"to"`
}

// StatusItem is one activity or milestone row.
type StatusItem struct {
	IMSRef          string   `json:"ims_ref,omitempty"`
	Name            string   `json:"name"`
	Owner           string   `json:"owner"`
	PercentComplete *float64 `json:"percent_complete"`
	PercentRaw      string   `json:"percent_complete_raw,omitempty"`
	PlannedFinish   *string  `json:"planned_finish"`
	// PlannedFinishKind: baseline | projected | baseline-or-projected (the
	// M3 column mixes both).
	PlannedFinishKind string  `json:"planned_finish_kind,omitempty"`
	ActualFinish      *string `json:"actual_finish"`
	// Status: green | yellow | red | complete | upcoming (M3 legend
	// G/Y/R/B/P), "unknown" for other text, "" when blank.
	Status    string `json:"status"`
	StatusRaw string `json:"status_raw"`
	Notes     string `json:"notes,omitempty"`
	Loc       Loc    `json:"loc"`
}

// StatusRisk is one risk reported with its response.
type StatusRisk struct {
	Text       string `json:"text"`
	Response   string `json:"response"`
	RegisterID string `json:"register_id,omitempty"`
	Loc        Loc    `json:"loc"`
}

// DatedItem is an accomplishment or upcoming activity.
type DatedItem struct {
	Text string  `json:"text"`
	Date *string `json:"date"`
	Loc  Loc     `json:"loc"`
}

// Spend is expenditure to date against budget.
type Spend struct {
	ToDate   *float64 `json:"to_date"`
	Budget   *float64 `json:"budget"`
	Currency string   `json:"currency,omitempty"`
	Raw      string   `json:"raw"`
	Loc      Loc      `json:"loc"`
}
