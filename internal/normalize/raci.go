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
		if readRolesTable(t.Path, g, r) {
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
	"role":   {"Job Title/Position Description", "Role", "Position", "Job Title", "Role Title"},
	"filled": {"Filled (Acting/ Permanent Personnel) or Vacant", "Filled or Vacant", "Filled", "Vacant"},
	"person": {"Personnel Name (if known)", "Personnel Name", "Name", "Assigned Person"},
	"duties": {"Major Responsibilities", "Responsibilities", "Duties"},
}

func readRolesTable(path string, g grid, r *artifact.RACI) bool {
	h, ok := findHeader(g, &rolesTableCols, 2)
	if !ok {
		return false
	}
	ri, ok := h.cols["role"]
	if !ok {
		return false
	}
	for _, row := range dataRows(g, h.idx) {
		name := row.text(ri)
		if name == "" || allSame(row) {
			continue // group band row ("Overall Program Leadership Team")
		}
		role := artifact.RACIRole{Name: name, Canonical: canonicalRole(name), Party: partyOf(name), Loc: g.loc(path, row, ri), PersonName: colText(row, h, "person")}
		// Only a short answer is a value; the template's instruction
		// sentence ("Indicate whether the role is filled … or vacant") is not.
		if f := strings.ToLower(colText(row, h, "filled")); f != "" && vocab.Words(f) <= 5 {
			v := !strings.Contains(f, "vacant")
			role.Filled = &v
		}
		r.Roles = append(r.Roles, role)
	}
	return len(r.Roles) > 0
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
