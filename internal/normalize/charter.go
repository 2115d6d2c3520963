package normalize

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeCharter fills MODEL.md §6.1. Each key is read from every
// section whose heading means it (a heading may mean several things:
// "Project Purpose and Objectives"), and from where real charters put it
// outside such a section: exclusions inside Scope, a budget stated in the
// overview, the PM and sponsor named on the title page or in a roles table.
func normalizeCharter(t *doc, a *artifact.Artifact, _ Options) {
	o := newOutline(t.Tree, a)
	c := &artifact.Charter{
		Objectives: []artifact.Objective{}, SuccessCriteria: []string{}, HighLevelReqs: []string{},
		Scope:        artifact.CharterScope{InScope: []string{}, OutOfScope: []string{}},
		Deliverables: []string{}, Milestones: []artifact.Milestone{}, Stakeholders: []artifact.Stakeholder{},
		Assumptions: []string{}, Constraints: []string{}, Risks: []string{},
	}
	a.Charter = c
	tab := &vocab.CharterSections
	secs := func(key string) []int {
		idx := o.find(tab, key)
		if len(idx) > 0 {
			found(a, "charter."+key)
			for _, i := range idx {
				evidence(a, "charter."+key, o.sections[i].Heading, o.sections[i].Loc, true)
			}
		}
		return idx
	}
	// list reads the items of every section meaning key: the outermost
	// list items (an objective, not the bullets that explain it); in a
	// section that also means something else, only its list items.
	list := func(key string) []item {
		var out []item
		for _, i := range secs(key) {
			if o.meanings(tab, i) > 1 {
				its, _ := o.listItems(i)
				out = append(out, its...)
				continue
			}
			out = append(out, o.topItems(i)...)
		}
		if len(out) == 0 {
			// "Objective: Create a radio …" outside any such section.
			for _, l := range t.facts.labels {
				if vocab.Words(l.label) > 4 || vocab.Words(l.value) < 3 {
					continue
				}
				for _, k := range tab.MatchAll(l.label) {
					if k != key {
						continue
					}
					for _, line := range splitLines(l.value) {
						out = append(out, item{line, l.loc})
					}
					found(a, "charter."+key)
					evidence(a, "charter."+key, l.label+": "+l.value, l.loc, true)
					break
				}
			}
		}
		return out
	}
	// labelValue is what a form-style charter (a two-column table of
	// "Purpose | …", "Scope | …" rows, or "Budget: …" lines) writes for
	// key when no section heads it.
	labelValue := func(key string) (string, document.Loc) {
		var parts []string
		var loc document.Loc
		for _, l := range t.facts.labels {
			if vocab.Words(l.label) > 4 || vocab.Words(l.value) < 2 {
				continue
			}
			for _, k := range tab.MatchAll(l.label) {
				if k == key {
					if len(parts) == 0 {
						loc = l.loc
					}
					parts = append(parts, l.value)
					evidence(a, "charter."+key, l.label+": "+l.value, l.loc, true)
					break
				}
			}
		}
		if len(parts) > 0 {
			found(a, "charter."+key)
		}
		return strings.Join(parts, "\n"), loc
	}
	for _, i := range secs("purpose") {
		text := purposeText(o, i, tab)
		if vocab.Words(text) > vocab.Words(c.Purpose) {
			c.Purpose = text
			l := o.sections[i].Loc
			c.PurposeLoc = &l
		}
	}
	if c.Purpose == "" {
		if v, loc := labelValue("purpose"); v != "" {
			c.Purpose, c.PurposeLoc = v, &loc
		}
	}
	if c.Purpose == "" {
		// No purpose section: the introduction or project description
		// says what the project is for.
		for _, i := range o.find(&vocab.OverviewSections, "overview") {
			if text := o.text(i); vocab.Words(text) >= 20 {
				c.Purpose = text
				l := o.sections[i].Loc
				c.PurposeLoc = &l
				found(a, "charter.purpose")
				evidence(a, "charter.purpose", o.sections[i].Heading, l, true)
				break
			}
		}
	}
	for _, it := range list("objectives") {
		sig := measurableSignals(it.text)
		c.Objectives = append(c.Objectives, artifact.Objective{Text: it.text, Measurable: len(sig) > 0, Signals: sig, Loc: it.loc})
	}
	c.SuccessCriteria = texts(list("success_criteria"))
	c.HighLevelReqs = texts(list("requirements"))
	for _, i := range secs("scope") {
		desc, in, out := scopeParts(o, i)
		c.Scope.Description = strings.TrimSpace(c.Scope.Description + "\n" + desc)
		c.Scope.InScope = append(c.Scope.InScope, in...)
		c.Scope.OutOfScope = append(c.Scope.OutOfScope, out...)
	}
	if strings.TrimSpace(c.Scope.Description) == "" {
		c.Scope.Description, _ = labelValue("scope")
	}
	c.Scope.InScope = append(c.Scope.InScope, texts(list("in_scope"))...)
	c.Scope.OutOfScope = append(c.Scope.OutOfScope, texts(list("out_of_scope"))...)
	if len(c.Scope.OutOfScope) > 0 {
		found(a, "charter.out_of_scope")
	}
	c.Deliverables = texts(list("deliverables"))
	if strings.TrimSpace(c.Scope.Description) == "" && len(c.Scope.InScope) == 0 {
		// No scope section: what the project will deliver, or its
		// description, is the scope a reviewer reads.
		for _, key := range []string{"deliverables", "overview"} {
			tab := tab
			if key == "overview" {
				tab = &vocab.OverviewSections
			}
			for _, i := range o.find(tab, key) {
				if text := o.text(i); vocab.Words(text) >= 10 {
					c.Scope.Description = text
					found(a, "charter.scope")
					evidence(a, "charter.scope", o.sections[i].Heading+" (no scope section: the "+key+" describe the scope)", o.sections[i].Loc, true)
					break
				}
			}
			if c.Scope.Description != "" {
				break
			}
		}
		if c.Scope.Description == "" && len(c.Objectives) > 0 {
			// Nothing else describes the work: the objectives say what
			// the project will produce.
			var parts []string
			for _, ob := range c.Objectives {
				parts = append(parts, ob.Text)
			}
			if text := strings.Join(parts, "\n"); vocab.Words(text) >= 10 {
				c.Scope.Description = text
				found(a, "charter.scope")
				evidence(a, "charter.scope", "objectives (no scope, deliverables or description section)", c.Objectives[0].Loc, true)
			}
		}
	}
	c.Milestones = bestMilestones(o, secs("milestones"))
	for _, i := range secs("budget") {
		if b := budget(o.rowText(i)); b != nil && (c.Budget == nil || c.Budget.Amount == nil) {
			c.Budget = b
		}
	}
	if c.Budget == nil {
		if v, _ := labelValue("budget"); v != "" {
			c.Budget = budget(v)
		}
	}
	if c.Budget == nil || c.Budget.Amount == nil {
		if b, loc := budgetAnywhere(t); b != nil {
			c.Budget = b
			found(a, "charter.budget")
			evidence(a, "charter.budget", b.Text, loc, true)
		}
	}
	for _, i := range secs("stakeholders") {
		c.Stakeholders = append(c.Stakeholders, stakeholders(o, i)...)
	}
	for _, i := range secs("assumptions") {
		for _, s := range texts(o.topItems(i)) {
			if strings.HasPrefix(strings.ToLower(s), "constraint") {
				c.Constraints = append(c.Constraints, s)
			} else {
				c.Assumptions = append(c.Assumptions, s)
			}
		}
	}
	if len(c.Assumptions) == 0 {
		if v, _ := labelValue("assumptions"); v != "" {
			c.Assumptions = splitLines(v)
		}
	}
	c.Constraints = append(c.Constraints, texts(list("constraints"))...)
	c.Risks = texts(list("risks"))
	for _, i := range secs("approval_requirements") {
		c.ApprovalRequirements = o.text(i)
	}
	for _, i := range secs("exit_criteria") {
		c.ExitCriteria = o.text(i)
	}
	if c.ApprovalRequirements == "" {
		c.ApprovalRequirements, _ = labelValue("approval_requirements")
	}
	if c.ExitCriteria == "" {
		c.ExitCriteria, _ = labelValue("exit_criteria")
	}
	c.ProjectManager = person(t, a, o, "project_manager", []string{"project_manager", "program_manager"}, c.Stakeholders)
	if c.ProjectManager.Name != "" {
		found(a, "charter.project_manager")
	} else {
		t.facts.mentionsAs(a, "project_manager", "charter.project_manager")
		t.facts.mentionsAs(a, "program_manager", "charter.project_manager")
	}
	c.Sponsor = person(t, a, o, "sponsor", []string{"sponsor"}, c.Stakeholders)
	if c.Sponsor.Name != "" {
		found(a, "charter.sponsor")
	} else {
		t.facts.mentionsAs(a, "sponsor", "charter.sponsor")
	}
}

// purposeText is the purpose a section states: its text, or in a section
// that also lists objectives ("Purpose and Objectives") its paragraphs.
func purposeText(o *outline, i int, tab *vocab.Table) string {
	if o.meanings(tab, i) == 1 {
		return o.text(i)
	}
	var parts []string
	for _, j := range o.subtree(i) {
		for _, b := range o.blocks[j] {
			if b.Kind == document.BlockParagraph && !b.List && strings.TrimSpace(b.Text) != "" {
				parts = append(parts, strings.TrimSpace(b.Text))
			}
		}
	}
	return strings.Join(parts, "\n")
}

// outOfScopeLabel starts the exclusions of a scope section: an
// "Out-of-scope:" line or heading, "Exclusions", "Not included".
var outOfScopeLabel = regexp.MustCompile(`(?i)^\W*(out[ -]of[ -]scope|exclusions?|excluded|not in scope|not included|outside (?:the )?scope|fora do escopo|não (?:está|estão) no escopo)\b`)

// willNot finds exclusions written as prose: "The project will not
// include data migration."
var willNot = regexp.MustCompile(`(?i)[^.\n]*\b(will not (?:include|cover|address|deliver|be (?:included|delivered|in scope))|does not include|is not in scope|are not in scope|excludes?|is out of scope|are out of scope)\b[^.\n]*\.?`)

// scopeParts reads a scope section: its description, the items it lists
// as in scope and those it lists (or states in prose) as out of scope.
func scopeParts(o *outline, i int) (desc string, in, out []string) {
	inOut := false
	var descParts []string
	for n, j := range o.subtree(i) {
		if n > 0 {
			h := o.sections[j].Heading
			switch {
			case outOfScopeLabel.MatchString(h):
				inOut = true
				continue
			case vocab.ContainsWord(h, "in scope"):
				inOut = false
				continue
			}
		}
		for _, b := range o.blocks[j] {
			if b.Kind != document.BlockParagraph || strings.TrimSpace(b.Text) == "" {
				continue
			}
			text := strings.TrimSpace(b.Text)
			if !b.List {
				if outOfScopeLabel.MatchString(text) {
					inOut = true
					if _, v, ok := splitLabel(text); ok && v != "" {
						out = append(out, splitInline(v)...)
					}
					continue
				}
				if vocab.ContainsWord(strings.SplitN(text, ":", 2)[0], "in scope") && strings.Contains(text, ":") {
					inOut = false
					continue
				}
				descParts = append(descParts, text)
				for _, m := range willNot.FindAllString(text, -1) {
					out = append(out, strings.TrimSpace(m))
				}
				continue
			}
			if inOut {
				out = append(out, text)
			} else {
				in = append(in, text)
			}
		}
	}
	return strings.Join(descParts, "\n"), in, out
}

// splitInline splits "a, b and c" written after an "Out of scope:" label.
func splitInline(s string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`\s*(?:;|,|\band\b)\s*`).Split(s, -1) {
		if p = strings.TrimSpace(strings.TrimRight(p, ".")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// bestMilestones reads every milestone section and keeps the one that
// holds the data: a dated table beats a picture or prose.
func bestMilestones(o *outline, idx []int) []artifact.Milestone {
	best := []artifact.Milestone{}
	bestScore := -1
	for _, i := range idx {
		ms := milestones(o, i)
		score := 0
		for _, m := range ms {
			score++
			if m.Date != nil {
				score += 3
			}
		}
		if score > bestScore {
			best, bestScore = ms, score
		}
	}
	return best
}

var (
	measurableNumber = regexp.MustCompile(`\d`)
	measurableMoney  = regexp.MustCompile(`\$\s?\d`)
	measurablePct    = regexp.MustCompile(`\d\s?%|\bpercent\b`)
	measurableDate   = regexp.MustCompile(`(?i)\b(FY\s?\d{2,4}|Q[1-4]|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|20\d\d)\b`)
)

// measurableSignals says why an objective counts as measurable (MODEL.md
// §6.1): a number, money, a percentage or a date/period.
func measurableSignals(s string) []string {
	sig := []string{}
	if measurableMoney.MatchString(s) {
		sig = append(sig, "currency")
	}
	if measurablePct.MatchString(s) {
		sig = append(sig, "percent")
	}
	if measurableDate.MatchString(s) {
		sig = append(sig, "date")
	}
	if len(sig) == 0 && measurableNumber.MatchString(s) {
		sig = append(sig, "number")
	}
	return sig
}

var milestoneCols = vocab.Table{
	"name": {"Milestone", "Milestones", "Name", "Event", "Deliverable", "Description", "Key Milestone"},
	"date": {"Date", "Target Date", "Planned Date", "Due Date", "Finish", "Completion Date", "Baseline Date", "Estimated Date", "Target"},
}

// milestones reads a table with a name and a date column under the
// milestones section, else bullets of the form "Name – date".
func milestones(o *outline, i int) []artifact.Milestone {
	out := []artifact.Milestone{}
	for _, b := range o.tables(i) {
		g := gridOf(b)
		h, ok := findHeader(g, &milestoneCols, 2)
		if !ok {
			continue
		}
		ni, di := h.cols["name"], h.cols["date"]
		for _, r := range dataRows(g, h.idx) {
			name := r.text(ni)
			if name == "" {
				continue
			}
			m := artifact.Milestone{Name: name, DateRaw: r.text(di), Date: datePtr(r.cell(di)), Loc: g.loc(o.path, r, -1)}
			out = append(out, m)
		}
	}
	if len(out) > 0 {
		return out
	}
	items, levels := o.listItems(i)
	if len(items) == 0 {
		items = o.items(i)
		levels = make([]int, len(items))
	}
	items, levels = splitDatedLines(items, levels)
	top := 1 << 30
	for _, l := range levels {
		top = min(top, l)
	}
	for k, it := range items {
		name, raw := milestoneParts(it.text)
		m := artifact.Milestone{Name: name, DateRaw: raw, Loc: it.loc}
		if d, ok := parseDate(raw); ok {
			m.Date = &d
		} else if d, ok := dateIn(it.text); ok {
			m.Date = &d
		}
		// A nested bullet is a milestone only when it carries a date: the
		// others explain the phase above them.
		if levels[k] > top && m.Date == nil {
			continue
		}
		out = append(out, m)
	}
	return out
}

// milestoneParts splits "Name – date", "Name -> date", "Name: date".
func milestoneParts(text string) (name, raw string) {
	for _, sep := range []string{" -> ", "->", " – ", " — ", " - ", ": ", "\t"} {
		if k := strings.LastIndex(text, sep); k > 0 {
			n, r := strings.TrimSpace(text[:k]), strings.TrimSpace(strings.Trim(text[k+len(sep):], ". "))
			if r != "" {
				return n, r
			}
		}
	}
	return strings.TrimSpace(strings.TrimRight(text, ":")), ""
}

// budget reads a budget section: the amount its total names ("Total |
// R$ 104.663,00", "Total cost: $1.2M") when it has one, the largest such
// total when it has several (the grand total), else the first amount.
func budget(text string) *artifact.Budget {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	b := &artifact.Budget{Text: firstSentence(text)}
	var total, first *money
	for _, line := range strings.Split(text, "\n") {
		ms := currenciesIn(line)
		if len(ms) == 0 {
			continue
		}
		if first == nil {
			first = &ms[0]
		}
		if budgetTotal.MatchString(line) {
			m := ms[len(ms)-1]
			if total == nil || m.amount > total.amount {
				total = &m
				b.Text = strings.TrimSpace(line)
			}
		}
	}
	pick := total
	if pick == nil {
		pick = first
	}
	if pick != nil {
		v := pick.amount
		b.Amount, b.Currency = &v, pick.currency
	}
	return b
}

var budgetTotal = regexp.MustCompile(`(?i)\b(total|grand total|overall|custo total|valor total|gesamt)`)

// budgetWords say a sentence states the budget: "an estimated budget of
// $1.5M", "total project cost is $14.6M", "funded at $2M" — the amount
// follows the word closely. "Approve expenditures up to $250,000 within
// the approved budget" states a spending limit, not the budget.
var budgetWords = regexp.MustCompile(`(?i)\b(budget|funding|funded|total (?:project )?cost|estimated cost|cost estimate|orçamento|custo total|presupuesto|budgetiert)\b[^.;]{0,30}?(R\$|US\$|\$|€|£|\d)`)

// budgetThreshold words between "budget" and an amount make it a limit
// ("changes to budget above $250,000 are escalated"), not the budget.
var budgetThreshold = regexp.MustCompile(`(?i)\b(above|over|under|below|up to|within|exceed\w*|more than|less than|greater than|beyond|variance|change)\b`)

var budgetLabel = regexp.MustCompile(`(?i)\b(budget|funding|total (?:project )?cost|estimated cost|cost estimate|orçamento|custo total|presupuesto)\b`)

// budgetAnywhere finds a budget stated outside a budget section: the
// first sentence that says budget (or funding, total cost) and names an
// amount of money.
func budgetAnywhere(t *doc) (*artifact.Budget, document.Loc) {
	for _, b := range t.Blocks {
		if b.Kind != document.BlockParagraph {
			continue
		}
		for _, sent := range strings.SplitAfter(b.Text, ". ") {
			loc := budgetWords.FindStringIndex(sent)
			if loc == nil || budgetThreshold.MatchString(sent[loc[0]:loc[1]]) {
				continue
			}
			if ms := currenciesIn(sent[loc[0]:]); len(ms) > 0 {
				v := ms[0].amount
				return &artifact.Budget{Amount: &v, Currency: ms[0].currency, Text: strings.TrimSpace(sent)}, b.Loc
			}
		}
	}
	for _, l := range t.facts.labels {
		if budgetLabel.MatchString(l.label) {
			if ms := currenciesIn(l.value); len(ms) > 0 {
				v := ms[0].amount
				return &artifact.Budget{Amount: &v, Currency: ms[0].currency, Text: l.label + ": " + l.value}, l.loc
			}
		}
	}
	return nil, document.Loc{}
}

func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ". "); i > 0 && i < 300 {
		return s[:i+1]
	}
	if len(s) > 300 {
		return s[:300]
	}
	return s
}

var stakeholderCols = vocab.Table{
	"name":         {"Name", "Stakeholder", "Stakeholder Name"},
	"role":         {"Role", "Title", "Position", "Project Role"},
	"organization": {"Organization", "Agency", "Office", "Department", "Org"},
}

func stakeholders(o *outline, i int) []artifact.Stakeholder {
	out := []artifact.Stakeholder{}
	for _, b := range o.tables(i) {
		g := gridOf(b)
		h, ok := findHeader(g, &stakeholderCols, 2)
		if !ok {
			continue
		}
		for _, r := range dataRows(g, h.idx) {
			s := artifact.Stakeholder{Name: colText(r, h, "name"), Role: colText(r, h, "role"), Organization: colText(r, h, "organization")}
			if s.Name != "" {
				out = append(out, s)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, it := range o.items(i) {
		out = append(out, artifact.Stakeholder{Name: it.text})
	}
	return out
}

// person finds the named PM or sponsor (MODEL.md §6.1): the section for
// the role ("Marcus Chen is the Program Manager", "Nome: Leonardo M.
// Miranda"), the people the document names in that role anywhere (a
// "Project Manager: Name" line, a roles table, "Name (Sponsor)"), a
// stakeholder row with the role, or an approver with the role. Roles are
// tried in order: a project charter's project manager before a program
// manager it also names.
func person(t *doc, a *artifact.Artifact, o *outline, key string, roles []string, sh []artifact.Stakeholder) artifact.Person {
	var p artifact.Person
	field := "charter." + key
	for _, i := range o.find(&vocab.CharterSections, key) {
		text := o.text(i)
		l := o.sections[i].Loc
		if p.Loc == nil {
			p.Loc = &l
		}
		if p.Name == "" {
			if m := personAtStart.FindStringSubmatch(text); m != nil {
				p.Name = m[1]
			} else if m := personLabel.FindStringSubmatch(text); m != nil {
				p.Name = strings.TrimSpace(strings.SplitN(m[1], "\n", 2)[0])
			}
			if p.Name != "" {
				evidence(a, field, text, l, true)
			}
		}
		if p.Authority == "" && (strings.Contains(strings.ToLower(text), "authority") || strings.Contains(strings.ToLower(text), "authorized") || strings.Contains(strings.ToLower(text), "autoridade")) {
			p.Authority = firstSentenceWith(text, "authori")
			if p.Authority == "" {
				p.Authority = firstSentenceWith(text, "autoridade")
			}
		}
	}
	if p.Name == "" {
		if q, ok := t.facts.person(roles...); ok {
			p.Name, p.Title = q.Name, q.RoleRaw
			l := q.Loc
			p.Loc = &l
			evidence(a, field, q.RoleRaw+": "+q.Name, q.Loc, true)
		}
	}
	for _, s := range sh {
		if p.Name != "" {
			break
		}
		if k, ok := vocab.PeopleRoles.Match(s.Role); ok && slices.Contains(roles, k) {
			p.Name, p.Title = s.Name, s.Role
			evidence(a, field, s.Role+": "+s.Name, document.Loc{Path: a.Source.Path}, true)
		}
	}
	for _, ap := range a.Metadata.Approvals {
		if p.Name != "" {
			break
		}
		if slices.Contains(roles, ap.Role) {
			p.Name, p.Title = ap.Name, ap.Title
			evidence(a, field, ap.Name, ap.Loc, true)
		}
	}
	if p.Title == "" {
		for _, ap := range a.Metadata.Approvals {
			if ap.Name == p.Name {
				p.Title = ap.Title
			}
		}
	}
	return p
}

// personName finds "Jane Q. Doe" at the start of a text or after a
// "Program Manager:" label.
var (
	personAtStart = regexp.MustCompile(`^([A-Z][a-zA-Z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'’-]+){1,3})(?:,|\s+(?:is|will|serves|has))`)
	personLabel   = regexp.MustCompile(`(?i)(?:program|project)?\s*(?:manager|sponsor)\s*(?:name)?\s*:\s*([A-Z][a-zA-Z'’. -]{2,60})`)
)

func firstSentenceWith(text, word string) string {
	for _, line := range strings.Split(text, "\n") {
		for _, s := range strings.SplitAfter(line, ". ") {
			if strings.Contains(strings.ToLower(s), word) {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// splitLines splits a labelled value written as several lines or bullets
// into its items.
func splitLines(v string) []string {
	var out []string
	for _, line := range strings.Split(v, "\n") {
		if line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "-*•·")); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// splitDatedLines splits an item whose lines are dated entries (a text box
// of four dated milestones reads as one paragraph of four lines) into one
// item per line.
func splitDatedLines(items []item, levels []int) ([]item, []int) {
	var outItems []item
	var outLevels []int
	for k, it := range items {
		lines := strings.Split(it.text, "\n")
		dated := 0
		for _, l := range lines {
			if _, ok := dateIn(l); ok {
				dated++
			}
		}
		if len(lines) < 2 || dated < 2 {
			outItems, outLevels = append(outItems, it), append(outLevels, levels[k])
			continue
		}
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				outItems, outLevels = append(outItems, item{l, it.loc}), append(outLevels, levels[k])
			}
		}
	}
	return outItems, outLevels
}
