package normalize

import (
	"regexp"
	"slices"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// mspdiColumns maps a canonical schedule column to the MSPDI task
// elements that provide it (document.Schedule.Fields), first match named
// in schedule.columns. Successors have no element of their own: they are
// the predecessor links read the other way.
var mspdiColumns = map[string][]string{
	"id": {"ID"}, "uid": {"UID"}, "wbs": {"WBS", "OutlineNumber"}, "outline_level": {"OutlineLevel"}, "name": {"Name"},
	"duration": {"Duration"}, "baseline_duration": {"Baseline/Duration"}, "remaining_duration": {"RemainingDuration"},
	"percent_complete": {"PercentComplete"}, "start": {"Start"}, "finish": {"Finish"},
	"baseline_start": {"Baseline/Start"}, "baseline_finish": {"Baseline/Finish"},
	"actual_start": {"ActualStart"}, "actual_finish": {"ActualFinish"},
	"predecessors": {"PredecessorLink"}, "successors": {"PredecessorLink"}, "resources": {"Assignment"},
	"total_float": {"TotalSlack"}, "free_float": {"FreeSlack"}, "constraint_type": {"ConstraintType"},
	"constraint_date": {"ConstraintDate"}, "critical": {"Critical"}, "deadline": {"Deadline"},
	"milestone": {"Milestone"}, "summary": {"Summary"},
}

// loeName is MODEL.md §6.3's level-of-effort name pattern.
var loeName = regexp.MustCompile(`(?i)^\s*(LOE|Level[ -]of[ -]Effort)\b`)

// constraintNames are MS Project's names for the normalized constraint
// types, kept as the constraint's raw value.
var constraintNames = map[string]string{
	"ASAP": "As Soon As Possible", "ALAP": "As Late As Possible", "MSO": "Must Start On", "MFO": "Must Finish On",
	"SNET": "Start No Earlier Than", "SNLT": "Start No Later Than", "FNET": "Finish No Earlier Than", "FNLT": "Finish No Later Than",
}

// scheduleFromTree fills a.Schedule from a schedule a reader already
// structured (MS Project XML) and reports whether it did; normalizeSchedule
// reads the sheets instead when it returns false. a.Schedule is the payload
// normalizeSchedule prepared (columns all null, default calendar).
func scheduleFromTree(t *document.Tree, a *artifact.Artifact, opts Options) bool {
	src := t.Schedule
	if src == nil {
		return false
	}
	s := a.Schedule
	if s == nil {
		s = &artifact.Schedule{Columns: map[string]*string{}}
		a.Schedule = s
	}
	s.Tasks, s.Relationships = []artifact.Task{}, []artifact.Relationship{}
	for _, k := range scheduleColumnKeys {
		s.Columns[k] = nil
	}

	// The configured status date wins over the file's (MODEL.md §5.2).
	switch {
	case opts.StatusDate != "":
		d := opts.StatusDate
		s.StatusDate, s.StatusDateSource = &d, "config"
	case src.StatusDate != "":
		s.StatusDate, s.StatusDateSource = strPtr(src.StatusDate), "file"
	default:
		s.StatusDate, s.StatusDateSource = nil, "none"
	}
	s.Calendar = mspdiCalendar(src)
	s.ProjectStart, s.ProjectFinish = strPtr(src.StartDate), strPtr(src.FinishDate)

	for _, k := range scheduleColumnKeys {
		for _, el := range mspdiColumns[k] {
			if slices.Contains(src.Fields, el) {
				h := "MSPDI " + el
				s.Columns[k] = &h
				found(a, "schedule.columns."+k)
				break
			}
		}
	}
	found(a, "schedule.tasks")

	var stack []int // open ancestors by outline level
	for _, st := range src.Tasks {
		if st.Null {
			continue // a blank row in MS Project
		}
		task := mspdiTask(st)
		if task.Name == "" {
			// MS Project writes no Name for the project summary task (UID
			// 0: it shows the project's name) and allows unnamed rows; the
			// schema wants a name, and an empty one is a reader artefact,
			// not a document defect.
			task.Name = unnamedTask(src.Name, st)
		}
		for len(stack) > 0 && s.Tasks[stack[len(stack)-1]].OutlineLevel >= task.OutlineLevel {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			task.ParentUID = s.Tasks[stack[len(stack)-1]].UID
		}
		s.Tasks = append(s.Tasks, task)
		stack = append(stack, len(s.Tasks)-1)
	}

	byUID := make(map[string]int, len(s.Tasks))
	for i, task := range s.Tasks {
		byUID[task.UID] = i
	}
	seen := map[string]bool{}
	for _, task := range s.Tasks {
		for _, l := range task.Predecessors {
			key := l.Ref + ">" + task.UID + ">" + l.Type
			if seen[key] {
				continue
			}
			seen[key] = true
			s.Relationships = append(s.Relationships, artifact.Relationship{From: l.Ref, To: task.UID, Type: l.Type, LagDays: l.LagDays})
			if i, ok := byUID[l.Ref]; ok {
				s.Tasks[i].Successors = append(s.Tasks[i].Successors, artifact.Link{Ref: task.UID, Type: l.Type, LagDays: l.LagDays, LagRaw: l.LagRaw})
			}
		}
	}
	for _, task := range s.Tasks {
		if task.BaselineFinish != nil && (s.BaselineFinish == nil || *task.BaselineFinish > *s.BaselineFinish) {
			s.BaselineFinish = strPtr(*task.BaselineFinish)
		}
	}
	return true
}

// mspdiCalendar is the file's calendar over MS Project's defaults.
func mspdiCalendar(src *document.Schedule) artifact.Calendar {
	c := defaultCalendar()
	if src.MinutesPerDay > 0 {
		c.HoursPerDay = float64(src.MinutesPerDay) / 60
		if src.MinutesPerWeek > 0 {
			c.DaysPerWeek = float64(src.MinutesPerWeek) / float64(src.MinutesPerDay)
		}
	}
	if src.DaysPerMonth > 0 {
		c.DaysPerMonth = float64(src.DaysPerMonth)
	}
	if len(src.WorkingDays) > 0 {
		c.WorkingDays = slices.Clone(src.WorkingDays)
	}
	if len(src.Holidays) > 0 {
		c.Holidays = slices.Clone(src.Holidays)
	}
	return c
}

// unnamedTask names a task the file leaves unnamed the way MS Project
// shows it: the project summary by the project's name, others by UID.
func unnamedTask(project string, st document.ScheduleTask) string {
	if st.OutlineLevel == 0 || st.UID == "0" {
		if project != "" {
			return project
		}
		return "(project summary)"
	}
	return "(unnamed task " + st.UID + ")"
}

func mspdiTask(st document.ScheduleTask) artifact.Task {
	task := artifact.Task{
		UID: st.UID, ID: st.ID, WBS: st.WBS, OutlineLevel: st.OutlineLevel, Name: st.Name,
		DurationDays: st.Duration, DurationRaw: st.DurationRaw,
		BaselineDurationDays: st.BaselineDur, RemainingDurationDays: st.RemainingDur,
		Start: strPtr(st.Start), Finish: strPtr(st.Finish),
		ActualStart: strPtr(st.ActualStart), ActualFinish: strPtr(st.ActualFinish),
		BaselineStart: strPtr(st.BaselineStart), BaselineFinish: strPtr(st.BaselineFinish),
		PercentComplete: st.PercentDone,
		Predecessors:    []artifact.Link{}, Successors: []artifact.Link{}, Resources: []string{},
		TotalFloatDays: st.TotalSlack, FreeFloatDays: st.FreeSlack, FloatSource: "none",
		Critical: st.Critical, Deadline: strPtr(st.Deadline),
		Loc: st.Loc,
	}
	if task.WBS == "" {
		task.WBS = st.OutlineNumber
	}
	if st.TotalSlack != nil {
		task.FloatSource = "file"
	}
	switch {
	case st.Summary || st.OutlineLevel == 0:
		// OutlineLevel 0 is the project summary task (UID 0).
		task.Type = "summary"
	case loeName.MatchString(st.Name):
		task.Type = "loe"
	case st.Milestone || st.Duration != nil && *st.Duration == 0:
		task.Type = "milestone"
	default:
		task.Type = "task"
	}
	task.Progress = progress(task)
	for _, l := range st.Predecessors {
		task.Predecessors = append(task.Predecessors, artifact.Link{Ref: l.UID, Type: l.Type, LagDays: l.LagDays, LagRaw: l.LagRaw})
	}
	task.Resources = append(task.Resources, st.Resources...)
	if st.ConstraintType != "" && (st.ConstraintType != "ASAP" || st.ConstraintDate != "") {
		task.Constraint = &artifact.Constraint{
			Type: st.ConstraintType, Date: strPtr(st.ConstraintDate), Raw: constraintNames[st.ConstraintType],
			Hard: st.ConstraintType == "MSO" || st.ConstraintType == "MFO" || st.ConstraintType == "SNLT" || st.ConstraintType == "FNLT",
		}
	}
	return task
}

// strPtr is nil for "" and a pointer to a copy otherwise.
func strPtr(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}
