package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeRACI fills MODEL.md §6.4 from the first RACI matrix of the
// document (activities down, roles across), or from an M3 Resource
// Management Plan roles table, which has roles but no activities: then
// raci.activities is not in fields_found and matrix rules are not
// assessable.
func normalizeRACI(t *doc, a *artifact.Artifact, _ Options) {
	r := &artifact.RACI{Variant: "RACI", Roles: []artifact.RACIRole{}, Activities: []artifact.RACIActivity{}, UnknownCodes: []artifact.UnknownCode{}}
	a.RACI = r
	for _, g := range t.grids {
		if readMatrix(t.Path, g, r) {
			if transposed(r) {
				transpose(r)
				diag(a, "info", "RACI_TRANSPOSED", document.Loc{Path: t.Path, Table: g.table, Sheet: g.sheet},
					"the matrix lists activities across and roles down (each column has exactly one Accountable, the rows do not): read transposed")
			}
			found(a, "raci.roles")
			found(a, "raci.activities")
			return
		}
	}
	for _, g := range t.grids {
		if readRolesTable(t.Path, g, r, a) {
			found(a, "raci.roles")
			diag(a, "info", "RACI_ROLES_ONLY", document.Loc{Path: t.Path, Table: g.table, Sheet: g.sheet},
				"a roles table without a RACI matrix: activity assignments cannot be assessed")
			return
		}
	}
}

// codeSplit separates combined codes: "A/R", "R, C", "AR".
var codeSplit = regexp.MustCompile(`[/,+&\s]+`)

func splitCodes(s string) []string {
	if c, ok := codeWord(s); ok {
		return c
	}
	var out []string
	for _, part := range codeSplit.Split(strings.ToUpper(strings.TrimSpace(s)), -1) {
		for _, r := range part {
			out = append(out, string(r))
		}
	}
	return out
}

// codeWords are RACI codes written out ("Accountable", "Responsible /
// Accountable"), as the Microsoft CAF template and many others write them.
var codeWords = map[string]string{
	"responsible": "R", "accountable": "A", "consulted": "C", "consult": "C", "informed": "I", "inform": "I",
	"support": "S", "supports": "S", "supportive": "S", "verify": "V", "verifies": "V", "signs": "S", "sign-off": "S",
}

// codeWord reads a cell of written-out codes; ok is false when any part is
// not a code word.
func codeWord(s string) ([]string, bool) {
	parts := regexp.MustCompile(`\s*(?:/|,|&|\band\b|\+)\s*`).Split(strings.ToLower(strings.TrimSpace(s)), -1)
	var out []string
	for _, p := range parts {
		c, ok := codeWords[strings.TrimSpace(p)]
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	return out, len(out) > 0
}

// isCode: a RACI code cell, letters or written out.
func isCode(s string) bool {
	if classify.IsRACICode(s) {
		return true
	}
	_, ok := codeWord(s)
	return ok
}

// noAssignment: a cell that says the role has no part ("-", "N/A", "—").
func noAssignment(s string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(s), "*_")) {
	case "", "-", "–", "—", "n/a", "na", "none", "x-", ".":
		return true
	}
	return false
}

// matrixCodes are the values a grid uses as assignment codes: RACI codes,
// and any other short token repeated across its body (a team's own codes:
// "D" for Driver, "Owns", "Execute", "Helps"). Those are read, and
// reported as not valid RACI codes (RACI-006), rather than the matrix
// being discarded.
func matrixCodes(g grid, from int) map[string]bool {
	counts := map[string]int{}
	for _, row := range g.rows[from:] {
		for j, c := range row.cells {
			v := strings.TrimSpace(c.Text)
			if j == 0 || v == "" || noAssignment(v) || vocab.Words(v) > 2 || len(v) > 15 {
				continue
			}
			counts[strings.ToLower(v)]++
		}
	}
	out := map[string]bool{}
	for v, n := range counts {
		if isCode(v) || n >= 3 {
			out[v] = true
		}
	}
	return out
}

var legendRow = regexp.MustCompile(`(?i)^\s*[RACISV]\s*[=:–-]\s*(responsible|accountable|consulted|informed|support|verif)`)

func readMatrix(path string, g grid, r *artifact.RACI) bool {
	// The header is the last text row above the first row holding codes
	// (RACI codes, or the short tokens the grid repeats as its codes).
	all := matrixCodes(g, 0)
	first := -1
	for i, row := range g.rows {
		n := 0
		for j, c := range row.cells {
			if j > 0 && (isCode(c.Text) || all[strings.ToLower(strings.TrimSpace(c.Text))]) {
				n++
			}
		}
		if n >= 2 || n == 1 && len(row.cells) <= 3 {
			first = i
			break
		}
	}
	if first <= 0 || !matrixLike(g, first) || legendTable(g) {
		return false
	}
	known := matrixCodes(g, first)
	isCell := func(v string) bool { return known[strings.ToLower(strings.TrimSpace(v))] }
	hi := -1
	for i := first - 1; i >= 0; i-- {
		n := 0
		for _, c := range g.rows[i].cells {
			if strings.TrimSpace(c.Text) != "" {
				n++
			}
		}
		if n >= 2 {
			hi = i
			break
		}
	}
	if hi < 0 {
		return false
	}
	h := g.rows[hi]
	actCol, idCol, groupCol := -1, -1, -1
	for j, c := range h.cells {
		if k, ok := vocab.RACIColumns.Match(c.Text); ok {
			switch {
			case k == "activity" && actCol < 0:
				actCol = j
			case k == "activity_id" && idCol < 0:
				idCol = j
			}
		}
	}
	body := dataRows(g, hi)
	// Without a named activity column, the activity is the rightmost text
	// column before the first column holding codes.
	codeCols := map[int]bool{}
	for _, row := range body {
		for j, c := range row.cells {
			if isCell(c.Text) {
				codeCols[j] = true
			}
		}
	}
	if actCol < 0 {
		for j := range h.cells {
			if codeCols[j] {
				break
			}
			if j != idCol {
				actCol = j
			}
		}
	}
	if actCol < 0 {
		return false
	}
	for j := 0; j < actCol; j++ {
		if j != idCol && !codeCols[j] {
			groupCol = j
		}
	}
	roleCols := []int{}
	for j, c := range h.cells {
		if j == actCol || j == idCol || j == groupCol || strings.TrimSpace(c.Text) == "" || j < actCol {
			continue
		}
		if k, ok := vocab.RACIColumns.Match(c.Text); ok && k == "status" {
			continue // a Status column beside the roles is not a role
		}
		roleCols = append(roleCols, j)
		name := strings.TrimSpace(c.Text)
		role := artifact.RACIRole{Name: name, Canonical: canonicalRole(name), Party: partyOf(name), Loc: g.loc(path, h, j)}
		r.Roles = append(r.Roles, role)
	}
	group := ""
	for _, row := range body {
		name := row.text(actCol)
		if groupCol >= 0 && row.text(groupCol) != "" {
			group = row.text(groupCol)
		}
		if name == "" || legendRow.MatchString(name) {
			continue
		}
		// A row that holds text but no code in any role column (the CAF
		// "Aligned cloud capability" footer) is not an activity.
		texts, coded := 0, 0
		for _, j := range roleCols {
			v := row.text(j)
			switch {
			case noAssignment(v):
			case isCell(v) || isCode(v):
				coded++
			default:
				texts++
			}
		}
		if coded == 0 && texts > 0 {
			continue
		}
		act := artifact.RACIActivity{Name: name, Group: group, Assignments: map[string][]string{}, Loc: g.loc(path, row, actCol)}
		if idCol >= 0 {
			act.ID = row.text(idCol)
		}
		for k, j := range roleCols {
			v := row.text(j)
			if noAssignment(v) {
				continue
			}
			if !isCode(v) {
				r.UnknownCodes = append(r.UnknownCodes, artifact.UnknownCode{Activity: name, Role: r.Roles[k].Name, Value: v, Loc: g.loc(path, row, j)})
				continue
			}
			codes := splitCodes(v)
			for _, c := range codes {
				switch c {
				case "S":
					r.Variant = "RASCI"
				case "V":
					r.Variant = "RACI-VS"
				}
			}
			act.Assignments[r.Roles[k].Name] = codes
		}
		r.Activities = append(r.Activities, act)
	}
	return len(r.Activities) > 0
}

// matrixLike: most non-empty cells right of the first column, from the
// first code row on, are codes.
func matrixLike(g grid, from int) bool {
	known := matrixCodes(g, from)
	codes, cells, raci := 0, 0, 0
	for _, row := range g.rows[from:] {
		for j, c := range row.cells {
			s := strings.TrimSpace(c.Text)
			if j == 0 || s == "" {
				continue
			}
			cells++
			if noAssignment(s) || known[strings.ToLower(s)] {
				codes++
			}
			if isCode(s) {
				raci++
			}
		}
	}
	return codes >= 2 && codes*10 >= cells*5 && (raci >= 2 || codes*10 >= cells*6 && len(known) >= 2)
}

var rolesTableCols = vocab.Table{
	"role":       {"Job Title/Position Description", "Role", "Position", "Job Title", "Role Title"},
	"filled":     {"Filled (Acting/ Permanent Personnel) or Vacant", "Filled or Vacant", "Filled", "Vacant"},
	"person":     {"Personnel Name (if known)", "Personnel Name", "Name", "Assigned Person"},
	"lead":       {"Lead or Support Staff", "Lead or Support", "Lead/Support"},
	"duties":     {"Major Responsibilities", "Responsibilities", "Duties"},
	"federal":    {"Federal/ Contractor Personnel?", "Federal/Contractor Personnel", "Federal or Contractor", "Federal/Contractor"},
	"commitment": {"Number of Resources & Commitment Required", "Commitment Required", "Number of Resources", "Commitment"},
	"acquired":   {"Have Resources Been Acquired for the Role?", "Resources Acquired", "Acquired"},
	"gaps":       {"Resource/Skills Gaps & Target Dates to Fill Gaps", "Resource/Skills Gaps", "Skills Gaps", "Resource Gaps", "Gaps"},
}

// rmpFields are the roles-table columns recorded in fields_found (as
// raci.roles.<key>), so RMP rules can tell a table without them (a RACI
// matrix) from empty cells.
var rmpFields = []string{"filled", "lead", "acquired", "gaps"}

func readRolesTable(path string, g grid, r *artifact.RACI, a *artifact.Artifact) bool {
	h, ok := findHeader(g, &rolesTableCols, 2)
	if !ok {
		return false
	}
	ri, ok := h.cols["role"]
	if !ok {
		return false
	}
	group := ""
	for _, row := range dataRows(g, h.idx) {
		name := row.text(ri)
		if allSame(row) {
			group = bandText(row)
			continue // group band row ("Overall Program Leadership Team")
		}
		if answer(name) == "" {
			continue // empty, or the template's "Provide the Title of the Role"
		}
		role := artifact.RACIRole{Name: name, Canonical: canonicalRole(name), Party: partyOf(name), Loc: g.loc(path, row, ri), PersonName: answer(colText(row, h, "person")), Group: group}
		// Only a short answer is a value; the template's instruction
		// sentence ("Indicate whether the role is filled … or vacant") is not.
		if f := strings.ToLower(answer(colText(row, h, "filled"))); f != "" {
			v := !strings.Contains(f, "vacant")
			role.Filled = &v
		}
		switch l := strings.ToLower(answer(colText(row, h, "lead"))); {
		case strings.HasPrefix(l, "lead"):
			v := true
			role.Lead = &v
		case strings.HasPrefix(l, "support"):
			v := false
			role.Lead = &v
		}
		role.FederalOrContractor = answer(colText(row, h, "federal"))
		role.Commitment = answer(colText(row, h, "commitment"))
		if acq := answer(colText(row, h, "acquired")); acq != "" {
			role.AcquiredRaw = acq
			l := strings.ToLower(acq)
			v := strings.HasPrefix(l, "yes") || strings.HasPrefix(l, "y ") || l == "y" || strings.HasPrefix(l, "acquired")
			if v || strings.HasPrefix(l, "no") || l == "n" || strings.HasPrefix(l, "partial") {
				role.Acquired = &v
			}
		}
		if j, ok := h.cols["gaps"]; ok {
			role.Gaps = readGaps(row.text(j), g.loc(path, row, j))
		}
		r.Roles = append(r.Roles, role)
	}
	for _, k := range rmpFields {
		if _, ok := h.cols[k]; ok {
			found(a, "raci.roles."+k)
		}
	}
	return len(r.Roles) > 0
}

// answer is a roles-table cell as a value: "" for an empty cell, a template
// prompt ("<<Insert …>>") or the template's instruction sentence
// ("Indicate whether the role is filled …", "Provide personnel name if
// known"), which are not answers.
func answer(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(findPlaceholders(s, document.Loc{})) > 0 || instruction.MatchString(s) {
		return ""
	}
	return s
}

var instruction = regexp.MustCompile(`(?i)^(indicate|provide|list|for contractor|for support staff)\b`)

// noGap is a gaps cell saying there is none.
var noGap = regexp.MustCompile(`(?i)^(none|no gaps?|n/?a|-+)\.?$`)

// textDate finds a written date inside free text ("Payroll SME – hire by
// January 15, 2027").
var textDate = regexp.MustCompile(`(?i)\b(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})\b`)

// readGaps splits a gaps cell into gaps (one per line or semicolon) with
// the date each is to be filled by.
func readGaps(text string, loc document.Loc) []artifact.RoleGap {
	text = answer(text)
	if text == "" || noGap.MatchString(text) {
		return nil
	}
	var out []artifact.RoleGap
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		g := artifact.RoleGap{Text: part, Loc: loc}
		if m := textDate.FindString(part); m != "" {
			if d, ok := parseDate(strings.Replace(m, "Sept", "Sep", 1)); ok {
				g.TargetDate = &d
			}
		}
		out = append(out, g)
	}
	return out
}

// bandText is the text of a band row (all cells the same).
func bandText(row gridRow) string {
	for _, c := range row.cells {
		if s := strings.TrimSpace(c.Text); s != "" {
			return s
		}
	}
	return ""
}

func allSame(row gridRow) bool {
	first := ""
	n := 0
	for _, c := range row.cells {
		s := strings.TrimSpace(c.Text)
		if s == "" {
			continue
		}
		if n == 0 {
			first = s
		} else if s != first {
			return false
		}
		n++
	}
	return n > 1
}

func canonicalRole(name string) string {
	if k, ok := vocab.Roles.Match(name); ok {
		return k
	}
	return strings.ReplaceAll(vocab.Normalize(name), " ", "_")
}

var (
	customerMark = regexp.MustCompile(`(?i)\((customer|c)\)|^customer\b`)
	providerMark = regexp.MustCompile(`(?i)\((provider|p)\)|^provider\b`)
	sharedMark   = regexp.MustCompile(`(?i)\((shared|s)\)`)
)

func partyOf(name string) string {
	switch {
	case customerMark.MatchString(name):
		return "customer"
	case providerMark.MatchString(name):
		return "provider"
	case sharedMark.MatchString(name):
		return "shared"
	}
	return ""
}

// legendTable: a table that explains the codes ("R | Responsible | Works on
// the task"), each row's letter beside its word.
func legendTable(g grid) bool {
	n := 0
	for _, row := range g.rows {
		if len(row.cells) < 2 {
			continue
		}
		letter := strings.ToUpper(strings.TrimSpace(row.cells[0].Text))
		if len(letter) != 1 {
			continue
		}
		for _, c := range row.cells[1:] {
			if w, ok := codeWord(c.Text); ok && len(w) == 1 && w[0] == letter {
				n++
				break
			}
		}
	}
	return n >= 3
}

// transposed: every role column holds exactly one A while some activity
// row does not — the grid lists activities across and roles down (teams
// as rows, functions as columns, as the Microsoft CAF template does), since
// an activity has one Accountable by convention.
func transposed(r *artifact.RACI) bool {
	if len(r.Roles) < 2 || len(r.Activities) < 2 {
		return false
	}
	perRole := map[string]int{}
	rowsOff := 0
	for _, act := range r.Activities {
		n := 0
		for role, codes := range act.Assignments {
			for _, c := range codes {
				if c == "A" {
					n++
					perRole[role]++
				}
			}
		}
		if n != 1 {
			rowsOff++
		}
	}
	if rowsOff == 0 {
		return false
	}
	for _, role := range r.Roles {
		if perRole[role.Name] != 1 {
			return false
		}
	}
	return true
}

// transpose swaps activities and roles.
func transpose(r *artifact.RACI) {
	acts := make([]artifact.RACIActivity, 0, len(r.Roles))
	for _, role := range r.Roles {
		act := artifact.RACIActivity{Name: role.Name, Assignments: map[string][]string{}, Loc: role.Loc}
		for _, old := range r.Activities {
			if codes, ok := old.Assignments[role.Name]; ok {
				act.Assignments[old.Name] = codes
			}
		}
		acts = append(acts, act)
	}
	roles := make([]artifact.RACIRole, 0, len(r.Activities))
	for _, old := range r.Activities {
		roles = append(roles, artifact.RACIRole{Name: old.Name, Canonical: canonicalRole(old.Name), Party: partyOf(old.Name), Loc: old.Loc})
	}
	for i := range r.UnknownCodes {
		u := &r.UnknownCodes[i]
		u.Activity, u.Role = u.Role, u.Activity
	}
	r.Activities, r.Roles = acts, roles
}
