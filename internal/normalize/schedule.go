package normalize

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// scheduleColumnKeys are the canonical columns reported in
// schedule.columns (present or null), in a stable order.
var scheduleColumnKeys = []string{"id", "uid", "wbs", "outline_level", "phase", "name", "duration", "baseline_duration",
	"remaining_duration", "percent_complete", "start", "finish", "baseline_start", "baseline_finish", "actual_start",
	"actual_finish", "predecessors", "successors", "resources", "total_float", "free_float", "constraint_type",
	"constraint_date", "critical", "deadline", "milestone", "summary", "status"}

// defaultCalendar is MS Project's default (MODEL.md §5.2): 8 h days, 5-day
// weeks Monday to Friday, 20-day months.
func defaultCalendar() artifact.Calendar {
	return artifact.Calendar{HoursPerDay: 8, DaysPerWeek: 5, DaysPerMonth: 20, WorkingDays: []int{1, 2, 3, 4, 5}, Holidays: []string{}}
}

// normalizeSchedule fills MODEL.md §6.3 from the sheet (or table) whose
// header row maps best to the schedule columns. The critical-path pass and
// MSPDI input come with the schedule issue; this reads what the export says.
func normalizeSchedule(t *doc, a *artifact.Artifact, opts Options) {
	s := &artifact.Schedule{Columns: map[string]*string{}, Tasks: []artifact.Task{}, Relationships: []artifact.Relationship{},
		StatusDateSource: "none", Calendar: defaultCalendar()}
	a.Schedule = s
	for _, k := range scheduleColumnKeys {
		s.Columns[k] = nil
	}
	defer finishSchedule(a, s, opts)
	if scheduleFromTree(t.Tree, a, opts) {
		return
	}
	if opts.StatusDate != "" {
		d := opts.StatusDate
		s.StatusDate, s.StatusDateSource = &d, "config"
	} else if d, loc, ok := statusDateCell(t.Tree); ok {
		s.StatusDate, s.StatusDateSource = &d, "cell"
		diag(a, "info", "STATUS_DATE_FROM_CELL", loc, "status date %s read from the sheet", d)
	}
	var best grid
	var bh header
	ok := false
	for _, g := range t.grids {
		if h, hit := findHeader(g, &vocab.ScheduleColumns, 3); hit && h.score > bh.score {
			if _, named := h.cols["name"]; named {
				best, bh, ok = g, h, true
			}
		}
	}
	if !ok {
		diag(a, "warning", "SCHEDULE_HEADER_NOT_FOUND", document.Loc{Path: t.Path}, "no sheet has a header row with a task name and at least three schedule columns")
		return
	}
	if best.sheet != "" {
		a.Source.Sheet = best.sheet
	}
	for _, k := range sortedKeys(bh.cols) {
		h := bh.texts[bh.cols[k]]
		s.Columns[k] = &h
		found(a, "schedule.columns."+k)
	}
	found(a, "schedule.tasks")
	if bh.idx > 0 {
		diag(a, "info", "HEADER_ROW_GUESSED", best.loc(t.Path, best.rows[bh.idx], -1), "header row %d chosen (%d schedule columns matched)", best.rows[bh.idx].num, bh.score)
	}
	readTasks(t.Path, best, bh, a, s, opts)
}

var phaseNumber = regexp.MustCompile(`(?i)^\s*(?:phase\s*)?(\d{1,2})(?:\.0+)?\b`)

func readTasks(path string, g grid, h header, a *artifact.Artifact, s *artifact.Schedule, opts Options) {
	col := func(k string) int {
		if j, ok := h.cols[k]; ok {
			return j
		}
		return -1
	}
	nameCol := col("name")
	var phase *int
	rows := dataRows(g, h.idx)
	levels := make([]int, 0, len(rows))
	for i, r := range rows {
		if i%1024 == 0 && opts.stopped() {
			return
		}
		name := r.text(nameCol)
		if name == "" {
			continue
		}
		task := artifact.Task{Name: name, Predecessors: []artifact.Link{}, Successors: []artifact.Link{}, Resources: []string{}, FloatSource: "none", Loc: g.loc(path, r, nameCol)}
		task.Loc.Cell = ""
		if j := col("id"); j >= 0 && r.text(j) != "" {
			task.ID = strings.TrimSuffix(r.text(j), ".0")
		} else {
			task.ID = strconv.Itoa(len(s.Tasks) + 1)
		}
		task.UID = task.ID
		if j := col("uid"); j >= 0 && r.text(j) != "" {
			task.UID = r.text(j)
		}
		task.WBS = r.text(col("wbs"))
		// Phase: a Phase column value opens a phase group that the rows
		// below inherit (M3 puts the number on the phase rows only).
		phaseRow := false
		if j := col("phase"); j >= 0 {
			if m := phaseNumber.FindStringSubmatch(r.text(j)); m != nil {
				n, _ := strconv.Atoi(m[1])
				phase, phaseRow = &n, true
			}
		}
		if phase != nil {
			n := *phase
			task.Phase = &n
		}
		// Outline level: an outline column, a WBS code, the row outline
		// level, then cell indent and leading spaces (MODEL.md §3 step 6).
		lvl := 0
		if j := col("outline_level"); j >= 0 {
			lvl, _ = strconv.Atoi(strings.TrimSuffix(r.text(j), ".0"))
		}
		if lvl == 0 && task.WBS != "" {
			lvl = strings.Count(strings.Trim(task.WBS, "."), ".") + 1
		}
		if lvl == 0 {
			nc := r.cell(nameCol)
			lead := len(nc.Text) - len(strings.TrimLeft(nc.Text, " "))
			lvl = 1 + nc.Styled().Indent + lead/3
			switch {
			case phaseRow:
				lvl = 1
			case phase != nil && lvl == 1:
				lvl = 2
			case phase == nil && col("phase") >= 0 && len(s.Tasks) == 0:
				// The row above the first phase row is the project
				// summary row (M3 template row 2).
				lvl = 0
			}
		}
		task.OutlineLevel = lvl
		levels = append(levels, lvl)

		if j := col("duration"); j >= 0 {
			task.DurationRaw = r.text(j)
			c := r.cell(j)
			if c.Kind == "number" {
				v := c.Number
				task.DurationDays = &v
			} else if d, ok := parseDuration(task.DurationRaw); ok {
				task.DurationDays = d
			}
		}
		for _, d := range [...]struct {
			key string
			dst **string
		}{{"start", &task.Start}, {"finish", &task.Finish}, {"actual_start", &task.ActualStart},
			{"actual_finish", &task.ActualFinish}, {"baseline_start", &task.BaselineStart}, {"baseline_finish", &task.BaselineFinish}} {
			if j := col(d.key); j >= 0 {
				*d.dst = datePtr(r.cell(j))
			}
		}
		if j := col("percent_complete"); j >= 0 {
			task.PercentComplete = parsePercent(r.cell(j))
		}
		task.BaselineDurationDays = durationCell(r, col("baseline_duration"))
		task.RemainingDurationDays = durationCell(r, col("remaining_duration"))
		if j := col("total_float"); j >= 0 {
			if task.TotalFloatDays = durationCell(r, j); task.TotalFloatDays != nil {
				task.FloatSource = "file"
			}
		}
		task.FreeFloatDays = durationCell(r, col("free_float"))
		if j := col("constraint_type"); j >= 0 && r.text(j) != "" {
			task.Constraint = constraintOf(r.text(j), r.cell(col("constraint_date")))
		}
		if j := col("critical"); j >= 0 && r.text(j) != "" {
			v := parseBool(r.text(j))
			task.Critical = &v
		}
		if j := col("deadline"); j >= 0 {
			task.Deadline = datePtr(r.cell(j))
		}
		if j := col("predecessors"); j >= 0 && r.text(j) != "" {
			links, bad := parsePredecessors(r.text(j))
			for _, l := range links {
				task.Predecessors = append(task.Predecessors, artifact.Link{Ref: l.ref, Type: l.typ, LagDays: l.lagDays, LagRaw: l.lagRaw})
			}
			for _, b := range bad {
				diag(a, "warning", "PREDECESSOR_UNREADABLE", g.loc(path, r, j), "predecessor %q of task %s could not be read", b, task.ID)
			}
		}
		if j := col("resources"); j >= 0 {
			for _, res := range strings.FieldsFunc(r.text(j), func(r rune) bool { return r == ',' || r == ';' }) {
				if res = strings.TrimSpace(res); res != "" {
					task.Resources = append(task.Resources, res)
				}
			}
		}
		task.Type = "task"
		if j := col("milestone"); j >= 0 && parseBool(r.text(j)) || task.DurationDays != nil && *task.DurationDays == 0 {
			task.Type = "milestone"
		}
		if j := col("summary"); j >= 0 && parseBool(r.text(j)) {
			task.Type = "summary"
		}
		if j := col("percent_complete"); j >= 0 && r.cell(j).Formula && phaseRow {
			task.Type = "summary"
		}
		task.Progress = progress(task)
		s.Tasks = append(s.Tasks, task)
	}
	// A row is a summary when the next row is deeper.
	for i := range s.Tasks {
		if i+1 < len(levels) && levels[i+1] > levels[i] {
			s.Tasks[i].Type = "summary"
		}
	}
	// Parents from outline levels.
	var stack []int
	for i := range s.Tasks {
		for len(stack) > 0 && s.Tasks[stack[len(stack)-1]].OutlineLevel >= s.Tasks[i].OutlineLevel {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			s.Tasks[i].ParentUID = s.Tasks[stack[len(stack)-1]].UID
		}
		stack = append(stack, i)
	}
}

func progress(t artifact.Task) string {
	switch {
	case t.ActualFinish != nil || t.PercentComplete != nil && *t.PercentComplete >= 100:
		return "complete"
	case t.ActualStart != nil || t.PercentComplete != nil && *t.PercentComplete > 0:
		return "in-progress"
	}
	return "not-started"
}

// durationCell reads a duration-like cell (duration, float) as working days.
func durationCell(r gridRow, j int) *float64 {
	if j < 0 {
		return nil
	}
	c := r.cell(j)
	if c.Kind == "number" {
		v := c.Number
		return &v
	}
	if d, ok := parseDuration(strings.TrimSpace(c.Text)); ok {
		return d
	}
	return nil
}

// constraintTypes maps MS Project and P6 constraint names (MODEL.md §6.3).
var constraintTypes = map[string]string{
	"must start on": "MSO", "must finish on": "MFO", "start no later than": "SNLT", "finish no later than": "FNLT",
	"start no earlier than": "SNET", "finish no earlier than": "FNET", "as soon as possible": "ASAP", "as late as possible": "ALAP",
	"mandatory start": "MSO", "mandatory finish": "MFO", "start on": "MSO", "finish on": "MFO",
	"start on or before": "SNLT", "finish on or before": "FNLT", "start on or after": "SNET", "finish on or after": "FNET",
	"mso": "MSO", "mfo": "MFO", "snlt": "SNLT", "fnlt": "FNLT", "snet": "SNET", "fnet": "FNET", "asap": "ASAP", "alap": "ALAP",
}

func constraintOf(raw string, date document.Cell) *artifact.Constraint {
	typ, ok := constraintTypes[strings.ToLower(strings.TrimSpace(raw))]
	if !ok {
		typ = strings.ToUpper(strings.TrimSpace(raw))
	}
	c := &artifact.Constraint{Type: typ, Raw: raw, Date: datePtr(date)}
	c.Hard = typ == "MSO" || typ == "MFO" || typ == "SNLT" || typ == "FNLT"
	return c
}

// statusDateCell finds a "Status Date:"-style label with a date beside it in
// the first rows of any sheet.
func statusDateCell(t *document.Tree) (string, document.Loc, bool) {
	for _, sh := range t.Sheets {
		for i, r := range sh.Rows {
			if i >= 15 {
				break
			}
			for j, c := range r.Cells {
				if _, ok := vocab.StatusDateLabels.Exact(c.Text); !ok {
					continue
				}
				for k := j + 1; k < len(r.Cells) && k <= j+3; k++ {
					if d, ok := cellDate(r.Cells[k]); ok {
						return d, document.CellLoc(t.Path, &sh, &r, k), true
					}
				}
			}
		}
	}
	return "", document.Loc{}, false
}

// finishSchedule completes the payload whatever the source: successors
// inverted from predecessors, unique relationships over task UIDs, project
// dates, and the critical-path pass.
func finishSchedule(a *artifact.Artifact, s *artifact.Schedule, opts Options) {
	if opts.stopped() {
		return
	}
	byRef := map[string]int{}
	for i, t := range s.Tasks {
		if _, dup := byRef[t.UID]; !dup {
			byRef[t.UID] = i
		}
	}
	for i, t := range s.Tasks {
		if _, dup := byRef[t.ID]; !dup && t.ID != "" {
			byRef[t.ID] = i
		}
	}
	if len(s.Relationships) == 0 {
		seen := map[string]bool{}
		for _, t := range s.Tasks {
			for _, l := range t.Predecessors {
				from := l.Ref
				if i, ok := byRef[l.Ref]; ok {
					from = s.Tasks[i].UID
				}
				key := from + ">" + t.UID + ">" + l.Type
				if seen[key] {
					continue
				}
				seen[key] = true
				s.Relationships = append(s.Relationships, artifact.Relationship{From: from, To: t.UID, Type: l.Type, LagDays: l.LagDays})
			}
		}
	}
	for i := range s.Tasks {
		if s.Tasks[i].Successors == nil {
			s.Tasks[i].Successors = []artifact.Link{}
		}
	}
	hasSucc := false
	for _, t := range s.Tasks {
		if len(t.Successors) > 0 {
			hasSucc = true
		}
	}
	if !hasSucc {
		for _, r := range s.Relationships {
			if i, ok := byRef[r.From]; ok {
				s.Tasks[i].Successors = append(s.Tasks[i].Successors, artifact.Link{Ref: r.To, Type: r.Type, LagDays: r.LagDays})
			}
		}
	}
	for _, t := range s.Tasks {
		if t.Start != nil && (s.ProjectStart == nil || *t.Start < *s.ProjectStart) {
			v := *t.Start
			s.ProjectStart = &v
		}
		if t.Finish != nil && (s.ProjectFinish == nil || *t.Finish > *s.ProjectFinish) {
			v := *t.Finish
			s.ProjectFinish = &v
		}
		if t.BaselineFinish != nil && (s.BaselineFinish == nil || *t.BaselineFinish > *s.BaselineFinish) {
			v := *t.BaselineFinish
			s.BaselineFinish = &v
		}
	}
	if phasesFromNames(s) {
		found(a, "schedule.columns.phase")
		diag(a, "info", "PHASE_FROM_SUMMARY_NAMES", document.Loc{Path: a.Source.Path}, "M3 phases taken from the phase summary rows' names (no Phase column)")
	}
	s.PhaseWindows = phaseWindows(s)
	if len(s.Tasks) > 0 && !opts.stopped() {
		analyze(a, s, opts.CriticalPathDelayDays)
	}
}

// phaseWindows spans each phase's detail tasks (actual dates first).
func phaseWindows(s *artifact.Schedule) []artifact.PhaseWindow {
	byPhase := map[int]*artifact.PhaseWindow{}
	var order []int
	for _, t := range s.Tasks {
		if t.Phase == nil || t.Type == "summary" {
			continue
		}
		w, ok := byPhase[*t.Phase]
		if !ok {
			w = &artifact.PhaseWindow{Phase: *t.Phase}
			byPhase[*t.Phase] = w
			order = append(order, *t.Phase)
		}
		w.Tasks++
		start, finish := t.ActualStart, t.ActualFinish
		if start == nil {
			start = t.Start
		}
		if finish == nil {
			finish = t.Finish
		}
		if start != nil && (w.Start == nil || *start < *w.Start) {
			v := *start
			w.Start = &v
		}
		if finish != nil && (w.Finish == nil || *finish > *w.Finish) {
			v := *finish
			w.Finish = &v
		}
	}
	sort.Ints(order)
	out := []artifact.PhaseWindow{}
	for _, p := range order {
		out = append(out, *byPhase[p])
	}
	return out
}

// m3Phases are the GSA M3 phase names (data/m3.json phases) by number.
var m3Phases = map[string]int{"assessment": 0, "readiness": 1, "selection": 2, "engagement": 3, "migration": 4, "operations": 5}

// phasesFromNames gives tasks an M3 phase from the summary row above them
// when the schedule has no Phase column but its summary rows are named
// after at least three M3 phases (an MS Project export of an M3 IMS).
func phasesFromNames(s *artifact.Schedule) bool {
	for _, t := range s.Tasks {
		if t.Phase != nil {
			return false
		}
	}
	named := map[int]bool{}
	for _, t := range s.Tasks {
		if n, ok := m3Phases[strings.ToLower(strings.TrimSpace(t.Name))]; ok && t.Type == "summary" {
			named[n] = true
		}
	}
	if len(named) < 3 {
		return false
	}
	byUID := map[string]int{}
	for i, t := range s.Tasks {
		byUID[t.UID] = i
	}
	for i := range s.Tasks {
		// Walk up to the nearest summary named after a phase.
		for j, hops := i, 0; j >= 0 && hops < 64; hops++ {
			t := s.Tasks[j]
			if n, ok := m3Phases[strings.ToLower(strings.TrimSpace(t.Name))]; ok && t.Type == "summary" {
				v := n
				s.Tasks[i].Phase = &v
				break
			}
			p, ok := byUID[t.ParentUID]
			if !ok || t.ParentUID == "" {
				break
			}
			j = p
		}
	}
	return true
}
