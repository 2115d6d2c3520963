package artifact

// Fields follow MODEL.md §6.3.

// Schedule is the schedule payload.
type Schedule struct {
	StatusDate       *string            `json:"status_date"`
	StatusDateSource string             `json:"status_date_source"` // config | cell | metadata | none
	ProjectStart     *string            `json:"project_start"`
	ProjectFinish    *string            `json:"project_finish"`
	Columns          map[string]*string `json:"columns"`
	Tasks            []Task             `json:"tasks"`
	Relationships    []Relationship     `json:"relationships"`
}

// Task is one schedule row.
type Task struct {
	UID             string   `json:"uid"`
	ID              string   `json:"id"`
	WBS             string   `json:"wbs,omitempty"`
	OutlineLevel    int      `json:"outline_level"`
	ParentUID       string   `json:"parent_uid,omitempty"`
	Name            string   `json:"name"`
	Phase           *int     `json:"phase"`
	Type            string   `json:"type"` // task | milestone | summary | loe
	DurationDays    *float64 `json:"duration_days"`
	DurationRaw     string   `json:"duration_raw,omitempty"`
	Start           *string  `json:"start"`
	Finish          *string  `json:"finish"`
	ActualStart     *string  `json:"actual_start"`
	ActualFinish    *string  `json:"actual_finish"`
	BaselineStart   *string  `json:"baseline_start"`
	BaselineFinish  *string  `json:"baseline_finish"`
	PercentComplete *float64 `json:"percent_complete"`
	Progress        string   `json:"progress"` // not-started | in-progress | complete
	Predecessors    []Link   `json:"predecessors"`
	Resources       []string `json:"resources"`
	Loc             Loc      `json:"loc"`
}

// Link is one predecessor (or successor) reference.
type Link struct {
	Ref     string  `json:"ref"`
	Type    string  `json:"type"` // FS | SS | FF | SF
	LagDays float64 `json:"lag_days"`
	LagRaw  string  `json:"lag_raw"`
}

// Relationship is one unique link of the network.
type Relationship struct {
	From    string  `json:"from"`
	To      string  `json:"to"`
	Type    string  `json:"type"`
	LagDays float64 `json:"lag_days"`
}
