package normalize

import (
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeQASP fills MODEL.md §6.7: the performance requirements summary,
// the contracting officer and COR, and what the plan says about
// surveillance records and corrective action.
func normalizeQASP(t *doc, a *artifact.Artifact, _ Options) {
	q := &artifact.QASP{}
	a.QASP = q
	rows, cols := performanceRows(t)
	q.PerformanceRequirements = rows
	// Every table of the document was looked at: no requirement rows is
	// content the plan lacks, not data the tool could not read.
	found(a, "qasp.performance_requirements")
	for _, k := range sortedKeys(cols) {
		found(a, "qasp.columns."+k)
	}
	all := allText(t.Tree)
	q.Roles = qaspRoles(t, all)
	found(a, "qasp.roles")
	q.PWSReference = firstMatchingSentence(all, workStatement)
	low := strings.ToLower(all)
	q.Documentation = artifact.QASPDocumentation{
		SurveillanceRecords:     surveillanceRecords.MatchString(low),
		CorrectiveActionProcess: correctiveAction.MatchString(low),
	}
	for _, line := range strings.Split(all, "\n") {
		if strings.Contains(strings.ToLower(line), "review") && strings.Contains(strings.ToLower(line), "performance") {
			if c := cadence.FindString(line); c != "" {
				q.Documentation.PerformanceReviewCadence = strings.ToLower(c)
				break
			}
		}
	}
	found(a, "qasp.documentation")
}

// normalizeSLA reads an SLA's service levels: the QASP row shape with
// service level = standard and threshold = aql (MODEL.md §6.7).
func normalizeSLA(t *doc, a *artifact.Artifact, _ Options) {
	rows, cols := performanceRows(t)
	a.SLA = &artifact.SLA{ServiceLevels: rows}
	found(a, "sla.service_levels")
	for _, k := range sortedKeys(cols) {
		found(a, "sla.columns."+k)
	}
}

// coreKeys are the fields that make a table a performance requirements
// table rather than any table with an "Owner" or "Frequency" column.
var coreKeys = []string{"standard", "aql", "method"}

// performanceRows reads every performance-requirements table: a grid with
// a header row (one requirement per row), or a record table whose first
// column holds the field labels and each further column one requirement
// (the 18F QASP writes one such two-column table per deliverable). cols
// are the fields some table has a column (or label row) for.
func performanceRows(t *doc) ([]artifact.PerformanceRequirement, map[string]int) {
	out := []artifact.PerformanceRequirement{}
	cols := map[string]int{}
	for _, g := range t.grids {
		if labels := recordLabels(g); labels != nil {
			for k := range labels {
				cols[k]++
			}
			out = append(out, recordRequirements(t.Path, g, labels)...)
			continue
		}
		h, ok := findHeader(g, &vocab.PerformanceColumns, 3)
		if !ok || countKeys(h.cols, coreKeys) < 2 {
			continue
		}
		for k := range h.cols {
			cols[k]++
		}
		for _, r := range dataRows(g, h.idx) {
			pr := artifact.PerformanceRequirement{Loc: g.loc(t.Path, r, -1), Fields: map[string]document.Loc{}}
			for k, j := range h.cols {
				setPerformanceField(&pr, k, r.text(j))
				pr.Fields[k] = g.loc(t.Path, r, j)
			}
			if pr.Objective == "" && pr.Standard == "" && pr.AQL == "" && pr.Method == "" {
				continue
			}
			finishRequirement(&pr)
			out = append(out, pr)
		}
	}
	return out, cols
}

// recordLabels maps field keys to row indexes when g is a transposed record
// table: at least three rows labelled with distinct performance fields in
// the first column, two of them core fields. nil otherwise.
func recordLabels(g grid) map[string]int {
	labels := map[string]int{}
	for i, r := range g.rows {
		if len(r.cells) < 2 {
			continue
		}
		if k, ok := vocab.PerformanceColumns.Exact(r.text(0)); ok {
			if _, dup := labels[k]; !dup {
				labels[k] = i
			}
		}
	}
	if len(labels) < 3 || countKeys(labels, coreKeys) < 2 {
		return nil
	}
	return labels
}

// recordRequirements makes one requirement per value column of a record
// table; its location is the table (and column, when there are several).
func recordRequirements(path string, g grid, labels map[string]int) []artifact.PerformanceRequirement {
	width := 0
	for _, r := range g.rows {
		width = max(width, len(r.cells))
	}
	var out []artifact.PerformanceRequirement
	for j := 1; j < width; j++ {
		pr := artifact.PerformanceRequirement{Fields: map[string]document.Loc{}}
		pr.Loc = document.Loc{Path: path, Sheet: g.sheet, Table: g.table, Section: g.section}
		if width > 2 {
			pr.Loc.Column = j + 1
		}
		for k, i := range labels {
			r := g.rows[i]
			setPerformanceField(&pr, k, r.text(j))
			pr.Fields[k] = g.loc(path, r, j)
		}
		if pr.Objective == "" && pr.Standard == "" && pr.AQL == "" && pr.Method == "" {
			continue
		}
		finishRequirement(&pr)
		out = append(out, pr)
	}
	return out
}

func setPerformanceField(pr *artifact.PerformanceRequirement, key, v string) {
	switch key {
	case "id":
		pr.ID = v
	case "pws_ref":
		pr.PWSRef = v
	case "objective":
		pr.Objective = v
	case "standard":
		pr.Standard = v
	case "aql":
		pr.AQL = v
	case "method":
		pr.Method = v
	case "frequency":
		pr.Frequency = v
	case "responsible":
		pr.Responsible = v
	case "remedy":
		pr.Remedy = v
	}
}

// finishRequirement maps the method onto the surveillance-method vocabulary.
func finishRequirement(pr *artifact.PerformanceRequirement) {
	// Footnote marks run into the word before them ("manual testing2").
	if k, ok := vocab.SurveillanceMethods.Match(footnoteMark.ReplaceAllString(pr.Method, "$1")); ok {
		pr.MethodCanonical = k
	}
}

func countKeys(m map[string]int, keys []string) int {
	n := 0
	for _, k := range keys {
		if _, ok := m[k]; ok {
			n++
		}
	}
	return n
}

// qaspRoleLabels name the government officials of a QASP.
var qaspRoleLabels = vocab.Table{
	"contracting_officer": {"Contracting Officer", "CO", "PCO", "ACO", "Procuring Contracting Officer"},
	"cor":                 {"Contracting Officer's Representative", "Contracting Officer Representative", "COR", "Contracting Officer's Technical Representative", "COTR"},
	"others":              {"Technical Monitor", "Quality Assurance Evaluator", "QAE", "Government Technical Monitor", "Performance Monitor"},
}

// qaspRoles reads "Role: Name" lines and two-column role/name table rows.
// A prompt ("[Name]") names no one.
func qaspRoles(t *doc, all string) artifact.QASPRoles {
	var roles artifact.QASPRoles
	set := func(label, name string) {
		name = strings.TrimSpace(strings.TrimRight(name, "."))
		k, ok := qaspRoleLabels.Exact(label)
		if !ok || name == "" || len(findPlaceholders(name, document.Loc{})) > 0 {
			return
		}
		switch k {
		case "contracting_officer":
			if roles.ContractingOfficer == "" {
				roles.ContractingOfficer = name
			}
		case "cor":
			if roles.COR == "" {
				roles.COR = name
			}
		default:
			roles.Others = append(roles.Others, name)
		}
	}
	for _, line := range strings.Split(all, "\n") {
		if label, value, ok := strings.Cut(line, ":"); ok && len(label) < 80 {
			set(label, value)
		}
	}
	for _, g := range t.grids {
		for _, r := range g.rows {
			if len(r.cells) >= 2 {
				set(r.text(0), r.text(1))
			}
		}
	}
	return roles
}

var (
	footnoteMark        = regexp.MustCompile(`(\pL)\d+\b`)
	workStatement       = regexp.MustCompile(`(?i)\b(performance work statement|statement of work|statement of objectives|PWS|SOW|SOO)\b`)
	surveillanceRecords = regexp.MustCompile(`surveillance (record|log|report|checklist|file)|records? of (surveillance|inspection)|document(s|ed)? (the |each |all )?(surveillance|inspection)`)
	correctiveAction    = regexp.MustCompile(`corrective action|non-?conforming|cure notice|remediation plan|re-?performance`)
)

// firstMatchingSentence is the first sentence of text that re matches.
func firstMatchingSentence(text string, re *regexp.Regexp) string {
	for _, line := range strings.Split(text, "\n") {
		for _, s := range strings.SplitAfter(line, ". ") {
			if re.MatchString(s) {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}
