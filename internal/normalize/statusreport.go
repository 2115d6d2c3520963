package normalize

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeStatusReport fills MODEL.md §6.8 from the labelled lines
// ("Status: Green", "as of 6/7/2024"), the activity, milestone and risk
// tables and the accomplishment/upcoming lists of a status report.
//
// The whole document is read for the as-of date, the overall status, the
// risks, the dated lists and the spend, so their absence is content the
// report lacks (fields_found lists them). Activities and milestones are
// found only when a table with their columns exists; without one the
// activity rules cannot say anything (not_assessable).
func normalizeStatusReport(t *doc, a *artifact.Artifact, _ Options) {
	s := &artifact.StatusReport{
		Activities: []artifact.StatusItem{}, Milestones: []artifact.StatusItem{}, Risks: []artifact.StatusRisk{},
		Accomplishments: []artifact.DatedItem{}, Upcoming: []artifact.DatedItem{},
	}
	a.StatusReport = s
	used := map[int]bool{} // grids read as activity/milestone/risk tables
	readStatusLabels(t, a, s)
	for _, f := range []string{"as_of_date", "overall_status", "risks", "accomplishments", "upcoming", "spend"} {
		found(a, "status_report."+f)
	}
	if s.GoLiveVariance != nil {
		found(a, "status_report.go_live_variance_days")
	}
	statusEvidence(t, a, s)
	readStatusItems(t, a, s, used)
	readStatusRisks(t, s, used)
	readDatedLists(t, a, s, used)
}

// labelled is one "Label: value" reading: a paragraph or heading split at
// its first colon, or a table cell and the cell after it.
type labelled struct {
	key, label, value string
	heading           bool
	table             bool
	loc               document.Loc
	blockIdx          int // the block of a paragraph or heading label; -1 in tables
}

func labelledLines(t *doc) []labelled {
	var out []labelled
	for bi, b := range t.Blocks {
		if b.Kind != document.BlockParagraph && b.Kind != document.BlockHeading {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			label, value, ok := strings.Cut(line, ":")
			if !ok || len(label) > 80 {
				continue
			}
			l := labelled{label: strings.TrimSpace(label), value: strings.TrimSpace(value), heading: b.Kind == document.BlockHeading, loc: b.Loc, blockIdx: bi}
			l.key, _ = vocab.StatusLabels.Exact(label)
			out = append(out, l)
		}
	}
	for _, g := range t.grids {
		for _, r := range g.rows {
			for j := 0; j+1 < len(r.cells); j++ {
				k, ok := vocab.StatusLabels.Exact(r.text(j))
				// A bare "Status" cell is a column header far more often
				// than a label: only named labels count in tables.
				if !ok || k == "overall_status" && vocab.Normalize(r.text(j)) == "status" || r.text(j+1) == "" {
					continue
				}
				out = append(out, labelled{key: k, label: r.text(j), value: r.text(j + 1), table: true, loc: g.loc(t.Path, r, j+1), blockIdx: -1})
			}
		}
	}
	return out
}

func readStatusLabels(t *doc, a *artifact.Artifact, s *artifact.StatusReport) {
	lines := labelledLines(t)
	// The as-of date: a labelled date, an "as of <date>" anywhere in the
	// headings and paragraphs (M3 slide titles), or a title "… Status:
	// <date>" (the Packt report).
	for _, l := range lines {
		if l.key == "as_of_date" {
			setAsOf(s, l.value)
			if s.AsOfDate != nil {
				break
			}
		}
	}
	if s.AsOfDate == nil {
		for _, b := range t.Blocks {
			if b.Kind != document.BlockParagraph && b.Kind != document.BlockHeading {
				continue
			}
			if m := asOfText.FindStringSubmatch(b.Text); m != nil {
				setAsOf(s, m[1])
				if s.AsOfDate != nil {
					break
				}
			}
		}
	}
	if s.AsOfDate == nil {
		for _, l := range lines {
			if l.heading && titleStatus.MatchString(l.label) {
				setAsOf(s, l.value)
				break
			}
		}
	}
	if s.AsOfDate == nil {
		// A reporting period written as a range ("12/2/2024 - 16/2/2024",
		// in a one-cell table or under the title): its end is the as-of
		// date.
		for _, b := range t.Blocks {
			if from, to, ok := dateRange(blockText(b)); ok {
				s.ReportingPeriod = &artifact.Period{From: &from, To: &to}
				setAsOf(s, to)
				break
			}
		}
	}
	if s.AsOfDate == nil {
		// The date in the report's title or file name ("Weekly Status
		// Update 20180930").
		for _, text := range []string{a.Title, t.Path} {
			if m := compactDate.FindStringSubmatch(text); m != nil {
				if d, ok := parseDate(m[1] + "-" + m[2] + "-" + m[3]); ok {
					setAsOf(s, d)
					break
				}
			}
		}
	}
	// The overall status: a named label ("Overall Status") first, then a
	// bare "Status:" line. A label whose value is the template's legend
	// ("Project Status: (Green, yellow, red)") or empty gives its status in
	// the block after it: a table cell holding the colour's picture and
	// word, or a line.
	for pass := 0; pass < 2 && s.OverallStatus == nil; pass++ {
		for _, l := range lines {
			if l.key != "overall_status" || (pass == 0) == (vocab.Normalize(l.label) == "status") {
				continue
			}
			if l.blockIdx >= 0 && (strings.TrimSpace(l.value) == "" || ragLegend(l.value)) {
				if c, raw, loc, ok := ragAfter(t, l.blockIdx); ok {
					s.OverallStatus, s.OverallRaw = &c, raw
					s.OverallLoc = &loc
					break
				}
				if s.OverallRaw == "" {
					s.OverallRaw = l.value
					loc := l.loc
					s.OverallLoc = &loc
				}
				continue
			}
			if s.OverallRaw == "" {
				s.OverallRaw = l.value
				loc := l.loc
				s.OverallLoc = &loc
			}
			if c := ragOf(l.value); c != "" {
				s.OverallStatus, s.OverallRaw = &c, l.value
				loc := l.loc
				s.OverallLoc = &loc
				break
			}
		}
	}
	for _, l := range lines {
		switch l.key {
		case "schedule_status":
			if c := ragOf(l.value); c != "" && s.ScheduleStatus == nil {
				s.ScheduleStatus = &c
			}
		case "go_live_variance":
			if v, ok := varianceDays(l.value); ok && s.GoLiveVariance == nil {
				s.GoLiveVariance = &v
			}
		case "reporting_period":
			if ds := datesIn(l.value); len(ds) == 2 && s.ReportingPeriod == nil {
				s.ReportingPeriod = &artifact.Period{From: &ds[0], To: &ds[1]}
			}
		case "spend":
			if s.Spend == nil {
				if amounts := moneyIn(l.value); len(amounts) > 0 {
					s.Spend = &artifact.Spend{ToDate: &amounts[0], Raw: l.value, Loc: l.loc}
					if len(amounts) > 1 {
						s.Spend.Budget = &amounts[1]
					}
					if strings.Contains(l.value, "$") {
						s.Spend.Currency = "USD"
					}
				}
			}
		}
	}
	if s.Spend != nil && s.Spend.Budget == nil {
		for _, l := range lines {
			if l.key == "budget" {
				if amounts := moneyIn(l.value); len(amounts) > 0 {
					s.Spend.Budget = &amounts[0]
					break
				}
			}
		}
	}
}

// compactDate is a yyyymmdd or yyyy-mm-dd date in a title or file name.
var compactDate = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:\D|$)`)

// ragLegend: the value lists the colours to choose from ("(Green, yellow,
// red)", "Red/Amber/Green"): a prompt, not a status.
func ragLegend(v string) bool {
	n := 0
	for _, w := range ragWords {
		if w.re.MatchString(v) {
			n++
		}
	}
	return n >= 2
}

// ragAfter reads the status given in the blocks after a status label: the
// first table's cells (a colour picture and its word), or a short line.
// Italic template prompts ("One word assessment of …") are skipped.
func ragAfter(t *doc, label int) (color, raw string, loc document.Loc, ok bool) {
	for i := label + 1; i < len(t.Blocks) && i <= label+3; i++ {
		b := t.Blocks[i]
		switch b.Kind {
		case document.BlockHeading:
			return "", "", loc, false
		case document.BlockTable:
			if b.Table == nil {
				continue
			}
			for _, r := range b.Table.Rows {
				for _, c := range r {
					if col := ragOf(c.Text); col != "" && !ragLegend(c.Text) {
						return col, c.Text, c.At(), true
					}
				}
			}
			return "", "", loc, false
		case document.BlockParagraph:
			if vocab.Words(b.Text) <= 4 && !ragLegend(b.Text) {
				if col := ragOf(b.Text); col != "" {
					return col, b.Text, b.Loc, true
				}
			}
		}
	}
	return "", "", loc, false
}

// blockText is a block's text, a table's cells joined.
func blockText(b document.Block) string {
	if b.Kind != document.BlockTable || b.Table == nil {
		return b.Text
	}
	var parts []string
	for _, r := range b.Table.Rows {
		for _, c := range r {
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// rangeText is a date range: "12/2/2024 - 16/2/2024", "May 1 to May 14, 2024".
var rangeText = regexp.MustCompile(`(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*(?:-|–|—|to|through|until)\s*(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})`)

// dateRange reads a numeric date range. Both ends are read the same way:
// when one can only be day-first ("16/2/2024"), both are.
func dateRange(text string) (from, to string, ok bool) {
	m := rangeText.FindStringSubmatch(text)
	if m == nil {
		return "", "", false
	}
	dayFirst := func(s string) (string, bool) {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' })
		if len(parts) != 3 {
			return "", false
		}
		return parseDate(parts[1] + "/" + parts[0] + "/" + parts[2])
	}
	mustDayFirst := func(s string) bool {
		p := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' })
		n, _ := strconv.Atoi(p[0])
		return len(p) == 3 && n > 12
	}
	if mustDayFirst(m[1]) || mustDayFirst(m[2]) {
		f, ok1 := dayFirst(m[1])
		t, ok2 := dayFirst(m[2])
		return f, t, ok1 && ok2
	}
	f, ok1 := parseDate(m[1])
	t, ok2 := parseDate(m[2])
	return f, t, ok1 && ok2
}

// statusEvidence records where the as-of date and the overall status were
// read, and where the report mentions them without a readable value (a
// status shown only as a picture): the rules then say not assessable.
func statusEvidence(t *doc, a *artifact.Artifact, s *artifact.StatusReport) {
	lines := labelledLines(t)
	if s.AsOfDate != nil {
		evidence(a, "status_report.as_of_date", s.AsOfRaw, document.Loc{Path: t.Path}, true)
	} else {
		for _, l := range lines {
			if l.key == "as_of_date" && !prompt(l.value) && strings.TrimSpace(l.value) == "" {
				evidence(a, "status_report.as_of_date", l.label+": "+l.value, l.loc, false)
			}
		}
	}
	if s.OverallStatus != nil {
		loc := document.Loc{Path: t.Path}
		if s.OverallLoc != nil {
			loc = *s.OverallLoc
		}
		evidence(a, "status_report.overall_status", s.OverallRaw, loc, true)
		return
	}
	// Only a label with nothing readable after it (the colour given as a
	// picture, or a legend the picture beside it answers) is a mention: a
	// status written in words that are not a colour ("On schedule") was
	// read, and is not green, yellow or red.
	for _, l := range lines {
		if l.key == "overall_status" && !prompt(l.value) && (strings.TrimSpace(l.value) == "" || ragLegend(l.value)) {
			evidence(a, "status_report.overall_status", l.label+": "+l.value, l.loc, false)
		}
	}
	// A table cell naming the status beside an empty cell: the colour is
	// the cell's fill or a picture, which is not read.
	for _, g := range t.grids {
		for _, r := range g.rows {
			for j := 0; j+1 < len(r.cells); j++ {
				k, ok := vocab.StatusLabels.Exact(r.text(j))
				if ok && k == "overall_status" && vocab.Normalize(r.text(j)) != "status" && strings.TrimSpace(r.text(j+1)) == "" {
					evidence(a, "status_report.overall_status", r.text(j)+": (an empty cell: a colour fill or picture is not read)", g.loc(t.Path, r, j+1), false)
				}
			}
		}
	}
}

// prompt: a value that is the template's prompt ("[Red|Yellow|Green] for
// [next milestone]", "<Date>"): an unfilled field, not a mention of a value
// that could not be read.
func prompt(v string) bool { return len(findPlaceholders(v, document.Loc{})) > 0 }

var (
	asOfText    = regexp.MustCompile(`(?i)\bas of[:\s]+([^\n]{4,40})`)
	titleStatus = regexp.MustCompile(`(?i)\bstatus(\s+report)?\s*$`)
)

// setAsOf keeps the first date in text; the raw text stays either way, so
// an unfilled prompt ("[Date of Report]") shows in findings.
func setAsOf(s *artifact.StatusReport, text string) {
	if s.AsOfRaw == "" {
		s.AsOfRaw = strings.TrimSpace(text)
	}
	if ds := datesIn(text); len(ds) > 0 {
		s.AsOfDate, s.AsOfRaw = &ds[0], strings.TrimSpace(text)
	}
}

// ragWords are MODEL.md §5.5 for the overall status (green/yellow/red).
var ragWords = []struct {
	re    *regexp.Regexp
	color string
}{
	{regexp.MustCompile(`(?i)\b(green|on track)\b`), "green"},
	{regexp.MustCompile(`(?i)\b(yellow|amber|at risk)\b`), "yellow"},
	{regexp.MustCompile(`(?i)\b(red|off track)\b`), "red"},
}

var leadingLetter = regexp.MustCompile(`^\s*([GYR])\b`)

// ragOf is the one colour a status text names; "" when it names none or
// several (the template prompt "[Red|Yellow|Green]" is no status).
func ragOf(text string) string {
	colors := map[string]bool{}
	for _, w := range ragWords {
		if w.re.MatchString(text) {
			colors[w.color] = true
		}
	}
	if len(colors) == 0 {
		if m := leadingLetter.FindStringSubmatch(text); m != nil {
			return map[string]string{"G": "green", "Y": "yellow", "R": "red"}[m[1]]
		}
		return ""
	}
	if len(colors) > 1 {
		return ""
	}
	for c := range colors {
		return c
	}
	return ""
}

// itemStatus maps an activity status cell to the M3 legend (MODEL.md §5.5):
// G/Y/R plus B = complete and P = upcoming.
func itemStatus(raw string) string {
	l := strings.ToLower(strings.TrimSpace(raw))
	switch l {
	case "":
		return ""
	case "g":
		return "green"
	case "y":
		return "yellow"
	case "r":
		return "red"
	case "b", "blue", "complete", "completed", "done":
		return "complete"
	case "p", "purple", "upcoming", "not started", "planned":
		return "upcoming"
	}
	if c := ragOf(raw); c != "" {
		return c
	}
	if strings.Contains(l, "critical") {
		return "red"
	}
	return "unknown"
}

var numberIn = regexp.MustCompile(`[-+]?\d+(\.\d+)?`)

// varianceDays reads "6 days", "-3 (ahead)", "2 weeks" as days of go-live
// delay (negative = ahead of plan).
func varianceDays(text string) (float64, bool) {
	m := numberIn.FindString(text)
	if m == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(m, 64)
	if err != nil {
		return 0, false
	}
	l := strings.ToLower(text)
	if strings.Contains(l, "week") {
		v *= 7
	}
	if strings.Contains(l, "ahead") && v > 0 {
		v = -v
	}
	return v, true
}

// readStatusItems reads the activity and milestone tables: a header with a
// name column and at least two of owner, % complete, finish dates, status.
func readStatusItems(t *doc, a *artifact.Artifact, s *artifact.StatusReport, used map[int]bool) {
	for gi, g := range t.grids {
		h, ok := findHeader(g, &vocab.StatusActivityColumns, 3)
		if !ok {
			continue
		}
		if _, named := h.cols["name"]; !named || countKeys(h.cols, []string{"owner", "percent_complete", "planned_finish", "actual_finish", "status"}) < 2 {
			continue
		}
		used[gi] = true
		list, field := &s.Activities, "activities"
		if milestoneTable(g, h) {
			list, field = &s.Milestones, "milestones"
		}
		kind := ""
		if j, ok := h.cols["planned_finish"]; ok {
			kind = finishKind(h.texts[j])
		}
		for _, r := range dataRows(g, h.idx) {
			it := artifact.StatusItem{
				IMSRef: colText(r, h, "ims_ref"), Name: colText(r, h, "name"), Owner: colText(r, h, "owner"),
				StatusRaw: colText(r, h, "status"), Notes: colText(r, h, "notes"), Loc: g.loc(t.Path, r, -1),
			}
			if it.Name == "" {
				continue
			}
			it.Status = itemStatus(it.StatusRaw)
			if j, ok := h.cols["percent_complete"]; ok {
				it.PercentRaw = r.text(j)
				it.PercentComplete = parsePercent(r.cell(j))
			}
			if j, ok := h.cols["planned_finish"]; ok {
				it.PlannedFinish = datePtr(r.cell(j))
				if it.PlannedFinish != nil {
					it.PlannedFinishKind = kind
				}
			}
			if j, ok := h.cols["actual_finish"]; ok {
				it.ActualFinish = datePtr(r.cell(j))
			}
			*list = append(*list, it)
		}
		found(a, "status_report."+field)
		for _, k := range sortedKeys(h.cols) {
			found(a, "status_report."+field+"_columns."+k)
		}
	}
}

// milestoneTable: the name column or the section says milestones.
func milestoneTable(g grid, h header) bool {
	if j, ok := h.cols["name"]; ok && strings.Contains(strings.ToLower(h.texts[j]), "milestone") {
		return true
	}
	k, _ := vocab.StatusSections.Match(g.section)
	return k == "milestones"
}

// finishKind says which date a planned-finish column holds.
func finishKind(header string) string {
	l := strings.ToLower(header)
	switch {
	case strings.Contains(l, "baseline") && (strings.Contains(l, "projected") || strings.Contains(l, "forecast")):
		return "baseline-or-projected"
	case strings.Contains(l, "baseline") || strings.Contains(l, "planned"):
		return "baseline"
	case strings.Contains(l, "projected") || strings.Contains(l, "forecast"):
		return "projected"
	}
	return "planned"
}

// readStatusRisks reads the risk tables (a risk text column; the response
// column may be missing, which leaves the responses empty).
func readStatusRisks(t *doc, s *artifact.StatusReport, used map[int]bool) {
	for gi, g := range t.grids {
		if used[gi] {
			continue
		}
		h, ok := findHeader(g, &vocab.StatusRiskColumns, 1)
		if !ok {
			continue
		}
		if _, ok := h.cols["text"]; !ok {
			continue
		}
		// A risk table says so in its header or its heading: a table
		// whose one recognised column is a "Description" (an activity
		// list, a legend) is not risks.
		if !riskTable(g, h) {
			continue
		}
		used[gi] = true
		for _, r := range dataRows(g, h.idx) {
			rk := artifact.StatusRisk{Text: colText(r, h, "text"), Response: colText(r, h, "response"), RegisterID: colText(r, h, "register_id"), Loc: g.loc(t.Path, r, -1)}
			if rk.Text == "" {
				continue
			}
			s.Risks = append(s.Risks, rk)
		}
	}
}

// readDatedLists reads the accomplishment and upcoming lists: the items
// under a heading of that name, or the rows of a table whose first header
// cell names the list (the M3 dashboard's boxes).
func readDatedLists(t *doc, a *artifact.Artifact, s *artifact.StatusReport, used map[int]bool) {
	lists := map[string]*[]artifact.DatedItem{"accomplishments": &s.Accomplishments, "upcoming": &s.Upcoming}
	o := newOutline(t.Tree, a)
	for i, sec := range o.sections {
		k, ok := vocab.StatusSections.Match(sec.Heading)
		dst := lists[k]
		if !ok || dst == nil {
			continue
		}
		for _, j := range o.subtree(i) {
			for _, b := range o.blocks[j] {
				switch {
				case b.Kind == document.BlockParagraph && strings.TrimSpace(b.Text) != "":
					*dst = append(*dst, datedItem(strings.TrimSpace(b.Text), b.Loc))
				case b.Kind == document.BlockTable && b.Table != nil:
					*dst = append(*dst, tableItems(t.Path, gridOf(b), 1)...)
				}
			}
		}
	}
	for gi, g := range t.grids {
		if used[gi] || len(g.rows) == 0 {
			continue
		}
		k, ok := vocab.StatusSections.Exact(g.rows[0].text(0))
		if dst := lists[k]; ok && dst != nil {
			if _, under := vocab.StatusSections.Match(g.section); under {
				continue // read with its section above
			}
			*dst = append(*dst, tableItems(t.Path, g, 1)...)
		}
	}
}

func datedItem(text string, loc document.Loc) artifact.DatedItem {
	it := artifact.DatedItem{Text: text, Loc: loc}
	if ds := datesIn(text); len(ds) > 0 {
		it.Date = &ds[0]
	}
	return it
}

// tableItems are the rows of a list table from row index from on: the text
// is the first cell that is not only a date, the date the first date cell.
func tableItems(path string, g grid, from int) []artifact.DatedItem {
	var out []artifact.DatedItem
	for _, r := range g.rows[min(from, len(g.rows)):] {
		it := artifact.DatedItem{Loc: g.loc(path, r, -1)}
		for j := range r.cells {
			if d, ok := cellDate(r.cell(j)); ok {
				if it.Date == nil {
					it.Date = &d
				}
				continue
			}
			if it.Text == "" {
				it.Text = r.text(j)
			}
		}
		if it.Text == "" {
			continue
		}
		if it.Date == nil {
			if ds := datesIn(it.Text); len(ds) > 0 {
				it.Date = &ds[0]
			}
		}
		out = append(out, it)
	}
	return out
}

// riskTable: the table's header row or its section names risks or issues,
// or the header has a response or register-ID column beside the text.
func riskTable(g grid, h header) bool {
	if len(h.cols) >= 2 {
		return true
	}
	words := g.section
	for _, c := range g.rows[h.idx].cells {
		words += " " + c.Text
	}
	l := strings.ToLower(words)
	return strings.Contains(l, "risk") || strings.Contains(l, "issue") || strings.Contains(l, "raid")
}
