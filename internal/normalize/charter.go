package normalize

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

func init() { register("charter", normalizeCharter) }

// normalizeCharter fills MODEL.md §6.1 from the sections whose headings map
// to the charter vocabulary (§4.10).
func normalizeCharter(t *doc, a *artifact.Artifact, _ Options) {
	o := newOutline(t.Tree, a)
	c := &artifact.Charter{
		Objectives: []artifact.Objective{}, SuccessCriteria: []string{}, HighLevelReqs: []string{},
		Scope:        artifact.CharterScope{InScope: []string{}, OutOfScope: []string{}},
		Deliverables: []string{}, Milestones: []artifact.Milestone{}, Stakeholders: []artifact.Stakeholder{},
		Assumptions: []string{}, Constraints: []string{}, Risks: []string{},
	}
	a.Charter = c
	sec := func(key string) (int, bool) {
		if idx := o.find(&vocab.CharterSections, key); len(idx) > 0 {
			found(a, "charter."+key)
			return idx[0], true
		}
		return -1, false
	}
	if i, ok := sec("purpose"); ok {
		c.Purpose = o.text(i)
		l := o.sections[i].Loc
		c.PurposeLoc = &l
	}
	if i, ok := sec("objectives"); ok {
		for _, it := range o.items(i) {
			sig := measurableSignals(it.text)
			c.Objectives = append(c.Objectives, artifact.Objective{Text: it.text, Measurable: len(sig) > 0, Signals: sig, Loc: it.loc})
		}
	}
	if i, ok := sec("success_criteria"); ok {
		c.SuccessCriteria = texts(o.items(i))
	}
	if i, ok := sec("requirements"); ok {
		c.HighLevelReqs = texts(o.items(i))
	}
	if i, ok := sec("scope"); ok {
		c.Scope.Description = o.sections[i].Text
	}
	if i, ok := sec("in_scope"); ok {
		c.Scope.InScope = texts(o.items(i))
	}
	if i, ok := sec("out_of_scope"); ok {
		c.Scope.OutOfScope = texts(o.items(i))
	}
	if i, ok := sec("deliverables"); ok {
		c.Deliverables = texts(o.items(i))
	}
	if i, ok := sec("milestones"); ok {
		c.Milestones = milestones(o, i)
	}
	if i, ok := sec("budget"); ok {
		c.Budget = budget(o.text(i))
	}
	if i, ok := sec("stakeholders"); ok {
		c.Stakeholders = stakeholders(o, i)
	}
	if i, ok := sec("assumptions"); ok {
		for _, s := range texts(o.items(i)) {
			if strings.HasPrefix(strings.ToLower(s), "constraint") {
				c.Constraints = append(c.Constraints, s)
			} else {
				c.Assumptions = append(c.Assumptions, s)
			}
		}
	}
	if i, ok := sec("constraints"); ok {
		c.Constraints = append(c.Constraints, texts(o.items(i))...)
	}
	if i, ok := sec("risks"); ok {
		c.Risks = texts(o.items(i))
	}
	if i, ok := sec("approval_requirements"); ok {
		c.ApprovalRequirements = o.text(i)
	}
	if i, ok := sec("exit_criteria"); ok {
		c.ExitCriteria = o.text(i)
	}
	c.ProjectManager = person(a, o, "project_manager", []string{"program_manager", "project_manager"}, c.Stakeholders)
	if c.ProjectManager.Name != "" {
		found(a, "charter.project_manager")
	}
	c.Sponsor = person(a, o, "sponsor", []string{"sponsor"}, c.Stakeholders)
	if c.Sponsor.Name != "" {
		found(a, "charter.sponsor")
	}
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
	for _, it := range o.items(i) {
		name, raw := it.text, ""
		for _, sep := range []string{" – ", " — ", " - ", ": ", "\t"} {
			if k := strings.LastIndex(it.text, sep); k > 0 {
				name, raw = strings.TrimSpace(it.text[:k]), strings.TrimSpace(it.text[k+len(sep):])
				break
			}
		}
		m := artifact.Milestone{Name: name, DateRaw: raw, Loc: it.loc}
		if d, ok := parseDate(raw); ok {
			m.Date = &d
		}
		out = append(out, m)
	}
	return out
}

var money = regexp.MustCompile(`\$\s?(\d[\d,]*(?:\.\d+)?)\s*(million|m|billion|bn|b|k|thousand)?\b`)

// budget takes the first currency amount of the budget section.
func budget(text string) *artifact.Budget {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	b := &artifact.Budget{Text: firstSentence(text)}
	if m := money.FindStringSubmatch(text); m != nil {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err == nil {
			switch strings.ToLower(m[2]) {
			case "million", "m":
				v *= 1e6
			case "billion", "bn", "b":
				v *= 1e9
			case "k", "thousand":
				v *= 1e3
			}
			b.Amount, b.Currency = &v, "USD"
		}
	}
	return b
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

// personName finds "Jane Q. Doe" at the start of a text or after a
// "Program Manager:" label.
var (
	personAtStart = regexp.MustCompile(`^([A-Z][a-zA-Z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'’-]+){1,3})(?:,|\s+(?:is|will|serves|has))`)
	personLabel   = regexp.MustCompile(`(?i)(?:program|project)?\s*(?:manager|sponsor)\s*(?:name)?\s*:\s*([A-Z][a-zA-Z'’. -]{2,60})`)
)

// person finds the named PM or sponsor (MODEL.md §6.1): the section's first
// sentence ("Marcus Chen is the Program Manager"), a "Sponsor: Name" label,
// a stakeholder row with the role, or an approver with the role.
func person(a *artifact.Artifact, o *outline, key string, roles []string, sh []artifact.Stakeholder) artifact.Person {
	var p artifact.Person
	if idx := o.find(&vocab.CharterSections, key); len(idx) > 0 {
		i := idx[0]
		text := o.text(i)
		l := o.sections[i].Loc
		p.Loc = &l
		if m := personAtStart.FindStringSubmatch(text); m != nil {
			p.Name = m[1]
		} else if m := personLabel.FindStringSubmatch(text); m != nil {
			p.Name = strings.TrimSpace(strings.SplitN(m[1], "\n", 2)[0])
		}
		if strings.Contains(strings.ToLower(text), "authority") || strings.Contains(strings.ToLower(text), "authorized") {
			p.Authority = firstSentenceWith(text, "authori")
		}
	}
	for _, s := range sh {
		if p.Name != "" {
			break
		}
		if k, ok := vocab.Roles.Match(s.Role); ok && slices.Contains(roles, k) {
			p.Name, p.Title = s.Name, s.Role
		}
	}
	for _, ap := range a.Metadata.Approvals {
		if p.Name != "" {
			break
		}
		if slices.Contains(roles, ap.Role) {
			p.Name, p.Title = ap.Name, ap.Title
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
