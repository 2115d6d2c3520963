package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

func init() { register("raci", normalizeRACI) }

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
	var out []string
	for _, part := range codeSplit.Split(strings.ToUpper(strings.TrimSpace(s)), -1) {
		for _, r := range part {
			out = append(out, string(r))
		}
	}
	return out
}

var legendRow = regexp.MustCompile(`(?i)^\s*[RACISV]\s*[=:–-]\s*(responsible|accountable|consulted|informed|support|verif)`)

func readMatrix(path string, g grid, r *artifact.RACI) bool {
	// The header is the last text row above the first row holding codes.
	first := -1
	for i, row := range g.rows {
		for j, c := range row.cells {
			if j > 0 && classify.IsRACICode(c.Text) {
				first = i
				break
			}
		}
		if first >= 0 {
			break
		}
	}
	if first <= 0 || !matrixLike(g, first) {
		return false
	}
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
			if classify.IsRACICode(c.Text) {
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
		act := artifact.RACIActivity{Name: name, Group: group, Assignments: map[string][]string{}, Loc: g.loc(path, row, actCol)}
		if idCol >= 0 {
			act.ID = row.text(idCol)
		}
		for k, j := range roleCols {
			v := row.text(j)
			if v == "" {
				continue
			}
			if !classify.IsRACICode(v) {
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
	codes, cells := 0, 0
	for _, row := range g.rows[from:] {
		for j, c := range row.cells {
			s := strings.TrimSpace(c.Text)
			if j == 0 || s == "" {
				continue
			}
			cells++
			if classify.IsRACICode(s) {
				codes++
			}
		}
	}
	return codes >= 2 && codes*10 >= cells*5
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
