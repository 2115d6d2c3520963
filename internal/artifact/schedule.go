package artifact

// Fields follow MODEL.md §6.3.

// Schedule is the schedule payload.
type Schedule struct {
	StatusDate       *string            `json:"status_date"`
	StatusDateSource string             `json:"status_date_source"` // config | cell | file | none
	Calendar         Calendar           `json:"calendar"`
	ProjectStart     *string            `json:"project_start"`
	ProjectFinish    *string            `json:"project_finish"`
	BaselineFinish   *string            `json:"baseline_finish"`
	Columns          map[string]*string `json:"columns"`
	// PhaseWindows are the M3 phase windows the IMS implies (earliest start
	// and latest finish of each phase's tasks); project.phase_windows in
	// the configuration, when given, is what rules compare them with.
	PhaseWindows  []PhaseWindow  `json:"phase_windows"`
	Tasks         []Task         `json:"tasks"`
	Relationships []Relationship `json:"relationships"`
	// Derived is what the critical-path engine computed (never read from
	// the file); nil when no network could be computed.
	Derived *Derived `json:"derived"`
	// Index holds generic facts about the tasks and relationships, computed
	// in Go at normalization (schedule.BuildIndex) so that the schedule rules
	// compose them instead of scanning every task. It is never read from a
	// file: an artifact supplied as JSON/YAML has its index removed, and the
	// rules then compute the same facts in Rego.
	Index *ScheduleIndex `json:"index,omitempty"`
}

// ScheduleIndex: facts about the schedule, by name. Positions are 0-based
// indexes into Tasks (Rels: into Relationships), ascending. The facts are
// listed in docs/architecture.md ("Adding a schedule rule").
type ScheduleIndex struct {
	// Counts: "tasks" and "rels", the number of rows of each.
	Counts map[string]int `json:"counts"`
	// Tasks maps a task fact ("open", "no_successor", …) to the positions
	// of the tasks it holds for (the policy input makes each a set).
	Tasks map[string][]int `json:"tasks"`
	// Rels maps a relationship fact ("negative_lag", …) to positions.
	Rels map[string][]int `json:"rels"`
	// Order maps a measure ("total_float", "baseline_finish", …) to the
	// positions of the tasks having it, sorted by it (ties by position): a
	// rule takes the tasks past its own threshold by bisection.
	Order map[string][]int `json:"order"`
	// FirstByUID maps each UID to the position of its first task.
	FirstByUID map[string]int `json:"first_by_uid"`
}

// Calendar is the working calendar durations and lags are counted in.
type Calendar struct {
	HoursPerDay  float64  `json:"hours_per_day"`
	DaysPerWeek  float64  `json:"days_per_week"`
	DaysPerMonth float64  `json:"days_per_month"`
	WorkingDays  []int    `json:"working_days"` // 0 = Sunday … 6 = Saturday
	Holidays     []string `json:"holidays"`
}

// Task is one schedule row.
type Task struct {
	UID                   string      `json:"uid"`
	ID                    string      `json:"id"`
	WBS                   string      `json:"wbs,omitempty"`
	OutlineLevel          int         `json:"outline_level"`
	ParentUID             string      `json:"parent_uid,omitempty"`
	Name                  string      `json:"name"`
	Phase                 *int        `json:"phase"`
	Type                  string      `json:"type"` // task | milestone | summary | loe
	DurationDays          *float64    `json:"duration_days"`
	DurationRaw           string      `json:"duration_raw,omitempty"`
	BaselineDurationDays  *float64    `json:"baseline_duration_days"`
	RemainingDurationDays *float64    `json:"remaining_duration_days"`
	Start                 *string     `json:"start"`
	Finish                *string     `json:"finish"`
	ActualStart           *string     `json:"actual_start"`
	ActualFinish          *string     `json:"actual_finish"`
	BaselineStart         *string     `json:"baseline_start"`
	BaselineFinish        *string     `json:"baseline_finish"`
	PercentComplete       *float64    `json:"percent_complete"`
	Progress              string      `json:"progress"` // not-started | in-progress | complete
	Predecessors          []Link      `json:"predecessors"`
	Successors            []Link      `json:"successors"`
	Resources             []string    `json:"resources"`
	TotalFloatDays        *float64    `json:"total_float_days"`
	FreeFloatDays         *float64    `json:"free_float_days"`
	FloatSource           string      `json:"float_source"` // file | computed | none
	Constraint            *Constraint `json:"constraint"`
	Critical              *bool       `json:"critical"`
	Deadline              *string     `json:"deadline"`
	// Early/late dates from the critical-path pass (float_source computed).
	EarlyStart  *string `json:"early_start,omitempty"`
	EarlyFinish *string `json:"early_finish,omitempty"`
	LateStart   *string `json:"late_start,omitempty"`
	LateFinish  *string `json:"late_finish,omitempty"`
	Loc         Loc     `json:"loc"`
}

// Constraint is a task's date constraint (MODEL.md §6.3 normalized types).
type Constraint struct {
	Type string  `json:"type"` // MSO MFO SNET SNLT FNET FNLT ASAP ALAP
	Date *string `json:"date"`
	Hard bool    `json:"hard"` // MSO, MFO, SNLT, FNLT (the DCMA set)
	Raw  string  `json:"raw,omitempty"`
}

// Link is one predecessor (or successor) reference.
type Link struct {
	Ref      string  `json:"ref"`
	Type     string  `json:"type"` // FS | SS | FF | SF
	LagDays  float64 `json:"lag_days"`
	LagRaw   string  `json:"lag_raw"`
	External bool    `json:"external,omitempty"`
}

// Relationship is one unique link of the network (task UIDs).
type Relationship struct {
	From    string  `json:"from"`
	To      string  `json:"to"`
	Type    string  `json:"type"`
	LagDays float64 `json:"lag_days"`
}

// Derived holds the critical-path results (MODEL.md §6.3 "CPM pass").
type Derived struct {
	CPMComputed            bool     `json:"cpm_computed"`
	DataDate               *string  `json:"data_date"`
	ProjectFinish          *string  `json:"project_finish"`
	CriticalPath           []string `json:"critical_path"` // task UIDs, start to finish
	CriticalPathLengthDays *float64 `json:"critical_path_length_days"`
	ProjectTotalFloatDays  *float64 `json:"project_total_float_days"`
	// Cycles lists each dependency loop found, as task UIDs.
	Cycles [][]string `json:"cycles"`
	// CriticalPathTest is DCMA check 12: delay one incomplete critical
	// task and see the project finish move by the same amount.
	CriticalPathTest *CriticalPathTest `json:"critical_path_test"`
	// Notes say what the engine could not do (missing durations, …).
	Notes []string `json:"notes"`
}

// CriticalPathTest is the result of DCMA check 12.
type CriticalPathTest struct {
	TaskUID     string  `json:"task_uid"`
	DelayDays   float64 `json:"delay_days"`
	FinishMoved float64 `json:"finish_moved_days"`
	Pass        bool    `json:"pass"`
	Reason      string  `json:"reason,omitempty"`
}

// PhaseWindow is the span of one phase's tasks in the schedule.
type PhaseWindow struct {
	Phase  int     `json:"phase"`
	Start  *string `json:"start"`
	Finish *string `json:"finish"`
	Tasks  int     `json:"tasks"`
}
