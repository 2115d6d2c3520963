package normalize

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// The facts layer reads a document once for what real documents state
// outside the sections a template would give them: "Project Manager:
// Name" on a title page, a roles table under "Roles and Responsibilities",
// "Local Barber (Sponsor)" in a stakeholder list, a "Name:" line under a
// "Project Sponsor" heading. Every kind's normalizer asks it for people
// and labelledFact values instead of scanning text with patterns of its own,
// and it records where a role is mentioned without a readable name, so a
// rule says "not assessable" rather than "missing" (Evidence, Read false).

// labelledFact is one "Label: value" statement of the document.
type labelledFact struct {
	label, value string
	loc          document.Loc
}

// facts is what the layer read of one document.
type facts struct {
	labels []labelledFact
	people []artifact.NamedPerson
	// mentions are places that name a role (or another fact) without a
	// value the layer could read, keyed by role or fact key.
	mentions map[string][]artifact.Evidence
}

// factLabel splits "Project Manager : Jane Doe", "**Sponsor:** ACME",
// "Nome: Leonardo M. Miranda." into label and value. The label is short
// and holds no sentence punctuation; the value may be empty ("Problem
// Statement :").
var factLabel = regexp.MustCompile(`^\s*[*_]*([\p{L}][\p{L}\p{N} &/'’().#-]{0,48}?)[*_]*\s*[:：]\s*[*_]*\s*(.*?)\s*$`)

func splitLabel(line string) (label, value string, ok bool) {
	m := factLabel.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	label = strings.TrimSpace(strings.Trim(m[1], "*_ "))
	if vocab.Words(label) > 6 || strings.HasPrefix(strings.ToLower(m[2]), "//") {
		return "", "", false // a sentence with a colon, or a URL
	}
	return label, strings.TrimSpace(strings.Trim(m[2], "*_ ")), true
}

// readFacts reads the labelledFact values and people of a document.
func readFacts(t *document.Tree) *facts {
	f := &facts{mentions: map[string][]artifact.Evidence{}}
	section := ""
	sectionRole := ""
	for _, b := range t.Blocks {
		switch b.Kind {
		case document.BlockHeading:
			section = b.Text
			sectionRole = ""
			if k, ok := vocab.PeopleRoles.Exact(stripNumber(b.Text)); ok {
				sectionRole = k
				f.mention(k, b.Text, b.Loc)
			}
		case document.BlockParagraph:
			for _, line := range strings.Split(b.Text, "\n") {
				f.line(line, b.Loc, sectionRole, b.List)
			}
		case document.BlockTable:
			if b.Table != nil {
				f.table(b.Table, b.Loc, section)
			}
		}
	}
	for k, v := range t.FrontMatter {
		if s, ok := v.(string); ok {
			f.labelledValue(k, s, document.Loc{Path: t.Path, Pointer: "/" + k}, "")
		}
	}
	for k, v := range t.Properties.Custom {
		f.labelledValue(k, v, document.Loc{Path: t.Path, Section: "custom property " + k}, "")
	}
	return f
}

func (f *facts) mention(key, text string, loc document.Loc) {
	if len(f.mentions[key]) < 5 {
		f.mentions[key] = append(f.mentions[key], artifact.Evidence{Field: key, Text: clip(text, 200), Loc: loc})
	}
}

// line reads one paragraph line: a label and value, a "Name (Role)"
// item, or under a role heading the person it names.
func (f *facts) line(line string, loc document.Loc, sectionRole string, listItem bool) {
	line = strings.TrimSpace(line)
	if line == "" {
		return
	}
	if label, value, ok := splitLabel(line); ok {
		f.labelledValue(label, value, loc, sectionRole)
		return
	}
	if p, ok := parenthesisedRole(line); ok {
		p.Loc = loc
		f.add(p)
		return
	}
	if sectionRole != "" {
		// Under a "Project Sponsor" heading: "Carla Rocha, Professor" or a
		// name alone on its line.
		if name := nameAtStart(line); name != "" {
			f.add(artifact.NamedPerson{Name: name, Role: sectionRole, RoleRaw: sectionRole, Loc: loc})
			return
		}
	}
	if listItem {
		if p, ok := nameDashRole(line); ok {
			p.Loc = loc
			f.add(p)
		}
	}
}

// labelledValue records a label and its value; a role label makes a
// person when the value reads as a name, else a mention of the role.
func (f *facts) labelledValue(label, value string, loc document.Loc, sectionRole string) {
	value = strings.TrimSpace(value)
	f.labels = append(f.labels, labelledFact{label: label, value: value, loc: loc})
	role, isRole := vocab.PeopleRoles.Exact(label)
	if !isRole && sectionRole != "" && nameLabel(label) {
		role, isRole = sectionRole, true
	}
	if !isRole {
		if k, ok := vocab.PeopleRoles.Match(label); ok && vocab.Words(label) <= 4 && !strings.Contains(strings.ToLower(label), "responsib") {
			role, isRole = k, true
		}
	}
	if !isRole {
		return
	}
	for _, name := range splitNames(value) {
		if looksLikeName(name) {
			f.add(artifact.NamedPerson{Name: name, Role: role, RoleRaw: label, Loc: loc})
		}
	}
	// An unfilled prompt ("Sponsor: <Name>") is template residue, not a
	// mention of a name that could not be read.
	if !f.has(role) && !prompt(value) {
		f.mention(role, label+": "+value, loc)
	}
}

// nameLabel: "Name", "Nome", "Nombre", "Full Name".
func nameLabel(label string) bool {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "name", "nome", "nombre", "full name", "name(s)", "names", "nom":
		return true
	}
	return false
}

func (f *facts) has(role string) bool {
	for _, p := range f.people {
		if p.Role == role {
			return true
		}
	}
	return false
}

func (f *facts) add(p artifact.NamedPerson) {
	p.Name = strings.TrimSpace(strings.TrimRight(p.Name, ".;,"))
	if p.Name == "" || len(p.Name) > 120 {
		return
	}
	for _, q := range f.people {
		if q.Role == p.Role && strings.EqualFold(q.Name, p.Name) {
			return
		}
	}
	f.people = append(f.people, p)
}

// roleTableNames and roleTableRoles are the columns of a people table.
var (
	roleTableNames = vocab.Table{"name": {"Name", "Names", "Full Name", "Team Member", "Team Members", "Member", "Members", "Person", "Name & Organization", "Name and Organization", "Name/Organization", "Stakeholder", "Stakeholder Name", "Who", "Nome", "Integrante", "Membro", "Nombre", "Contact", "Developer", "Student"}}
	roleTableRoles = vocab.Table{"role": {"Role", "Roles", "Title", "Position", "Job Title", "Project Role", "Function", "Responsibility", "Cargo", "Papel", "Função", "Rol", "Rolle"}}
)

// table reads a people table (a name column and a role column) and
// two-column label/value tables.
func (f *facts) table(tb *document.Table, loc document.Loc, section string) {
	if len(tb.Rows) == 0 {
		return
	}
	head := tb.Rows[0]
	nameCol, roleCol := -1, -1
	for j, c := range head {
		if _, ok := roleTableNames.Exact(c.Text); ok && nameCol < 0 {
			nameCol = j
		} else if _, ok := roleTableRoles.Exact(c.Text); ok && roleCol < 0 {
			roleCol = j
		}
	}
	if nameCol >= 0 && roleCol >= 0 {
		for _, r := range tb.Rows[1:] {
			if nameCol >= len(r) || roleCol >= len(r) {
				continue
			}
			name, raw := strings.TrimSpace(r[nameCol].Text), strings.TrimSpace(r[roleCol].Text)
			role, ok := roleOfText(raw)
			if !ok {
				role = "other"
			}
			for _, n := range splitNames(name) {
				if looksLikeName(n) {
					f.add(artifact.NamedPerson{Name: n, Role: role, RoleRaw: raw, Loc: r[nameCol].At()})
				}
			}
			if ok && !looksLikeName(name) {
				f.mention(role, raw, r[roleCol].At())
			}
		}
		return
	}
	// A label | value table: "Project Manager | Jane Doe".
	for _, r := range tb.Rows {
		cells := nonEmptyCells(r)
		if len(cells) == 2 && vocab.Words(cells[0].Text) <= 6 {
			f.labelledValue(strings.TrimRight(strings.TrimSpace(cells[0].Text), ":"), cells[1].Text, cells[1].At(), "")
		} else if len(cells) == 1 {
			if label, value, ok := splitLabel(cells[0].Text); ok {
				f.labelledValue(label, value, cells[0].At(), "")
			}
		}
		// A role named in a header or a cell without a person: a mention.
		for _, c := range r {
			if k, ok := vocab.PeopleRoles.Exact(c.Text); ok && !f.has(k) {
				f.mention(k, c.Text, c.At())
			}
		}
	}
}

func nonEmptyCells(r []document.Cell) []document.Cell {
	var out []document.Cell
	for _, c := range r {
		if strings.TrimSpace(c.Text) != "" && !c.Merged {
			out = append(out, c)
		}
	}
	return out
}

// roleOfText maps "PM / Scrum Master", "Project Sponsor", "Gerente do
// Projeto" to a role: the whole text, else each part split on / , & and.
func roleOfText(s string) (string, bool) {
	if k, ok := vocab.PeopleRoles.Exact(s); ok {
		return k, true
	}
	for _, part := range regexp.MustCompile(`\s*(?:/|,|&|\band\b|\+|;)\s*`).Split(s, -1) {
		if k, ok := vocab.PeopleRoles.Exact(part); ok {
			return k, true
		}
	}
	if k, ok := vocab.PeopleRoles.Match(s); ok && vocab.Words(s) <= 5 {
		return k, true
	}
	return "", false
}

// parenthesisedRole reads "Local Barber (Sponsor)" and "Jane Doe (Project
// Manager) – leads the team".
var parenRole = regexp.MustCompile(`^[-*•]?\s*([^()\n]{2,60}?)\s*\(([^()\n]{2,40})\)`)

func parenthesisedRole(line string) (artifact.NamedPerson, bool) {
	m := parenRole.FindStringSubmatch(line)
	if m == nil {
		return artifact.NamedPerson{}, false
	}
	role, ok := roleOfText(m[2])
	if !ok {
		return artifact.NamedPerson{}, false
	}
	name := strings.TrimSpace(strings.Trim(m[1], "*_:- "))
	if !looksLikeName(name) {
		return artifact.NamedPerson{}, false
	}
	return artifact.NamedPerson{Name: name, Role: role, RoleRaw: m[2]}, true
}

// nameDashRole reads "Jane Doe – Project Manager" and "Jane Doe, Sponsor".
var dashRole = regexp.MustCompile(`^[-*•]?\s*([^–—,:\n]{3,60}?)\s*(?:[–—-]|,)\s*([^–—,\n]{2,50})$`)

func nameDashRole(line string) (artifact.NamedPerson, bool) {
	m := dashRole.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return artifact.NamedPerson{}, false
	}
	role, ok := vocab.PeopleRoles.Exact(m[2])
	if !ok || !looksLikeName(m[1]) {
		return artifact.NamedPerson{}, false
	}
	return artifact.NamedPerson{Name: strings.TrimSpace(m[1]), Role: role, RoleRaw: m[2]}, true
}

// nameAtStart is the name a line opens with: "Carla Rocha, Professor",
// "Dr. Jane Q. Doe".
var nameStart = regexp.MustCompile(`^(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?([\p{Lu}][\p{L}'’.-]+(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|de|da|do|dos|das|van|von|der|la|le|di)){1,5})\s*(?:$|[,.;(–—-])`)

func nameAtStart(line string) string {
	m := nameStart.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil || !looksLikeName(m[1]) {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// splitNames splits "Drishti Agarwala, Tae Yoon Kim and Rewati Shitole".
func splitNames(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	parts := regexp.MustCompile(`\s*(?:;|,\s*and\s+|\s+and\s+|,|&|\n)\s*`).Split(s, -1)
	// "Doe, Jane" (family name first) is one name, not two.
	if len(parts) == 2 && !strings.Contains(parts[0], " ") && !strings.Contains(parts[1], " ") {
		return []string{parts[1] + " " + parts[0]}
	}
	return parts
}

// looksLikeName: a person's or an organization's name, not a sentence, a
// placeholder or a dash.
func looksLikeName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 || vocab.Words(s) > 7 {
		return false
	}
	if len(findPlaceholders(s, document.Loc{})) > 0 || strings.ContainsAny(s, "<>[]{}_") {
		return false
	}
	first := []rune(s)[0]
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	switch strings.ToLower(strings.Trim(s, ". ")) {
	case "tbd", "tba", "n/a", "na", "none", "name", "yes", "no", "unknown", "vacant", "to be determined", "-":
		return false
	}
	if _, ok := vocab.PeopleRoles.Exact(s); ok {
		return false // a role, not who holds it
	}
	return true
}

// stripNumber drops a heading's leading number ("9 - Gerentes do Projeto").
func stripNumber(s string) string {
	return strings.TrimSpace(strings.TrimLeft(s, "0123456789.-–— "))
}

// person returns the first person of role (in document order), else the
// zero person.
func (f *facts) person(roles ...string) (artifact.NamedPerson, bool) {
	for _, r := range roles {
		for _, p := range f.people {
			if p.Role == r {
				return p, true
			}
		}
	}
	return artifact.NamedPerson{}, false
}

func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// evidence adds where field was read (or mentioned) to the artifact.
func evidence(a *artifact.Artifact, field, text string, loc document.Loc, read bool) {
	a.Evidence = append(a.Evidence, artifact.Evidence{Field: field, Text: clip(text, 200), Loc: loc, Read: read})
}

// mentionsAs copies the layer's mentions of key as mentions of field.
func (f *facts) mentionsAs(a *artifact.Artifact, key, field string) {
	for _, m := range f.mentions[key] {
		evidence(a, field, m.Text, m.Loc, false)
	}
}
