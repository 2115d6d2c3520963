package classify

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// titleCandidates are the texts a reader would call the document's title,
// strongest first: the package title property, Title-styled paragraphs, the
// first top-level heading; for workbooks the first text of a cover sheet.
func titleCandidates(t *document.Tree) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && len(s) < 200 {
			out = append(out, s)
		}
	}
	if v, ok := t.FrontMatter["title"].(string); ok {
		add(v)
	}
	add(t.Properties.Title)
	seenH1 := false
	for i, b := range t.Blocks {
		if i > 60 {
			break
		}
		if b.Kind != document.BlockHeading {
			continue
		}
		if b.Level == 0 {
			add(b.Text)
		} else if b.Level == 1 && !seenH1 {
			seenH1 = true
			add(b.Text)
		}
	}
	for _, s := range t.Sheets {
		if !coverSheet.MatchString(strings.TrimSpace(s.Name)) {
			continue
		}
		n := 0
		for _, r := range s.Rows {
			for _, c := range r.Cells {
				if c.Kind == "string" || (c.Kind == "" && c.Text != "") {
					add(c.Text)
					n++
				}
			}
			if n >= 4 {
				break
			}
		}
	}
	return out
}

var coverSheet = regexp.MustCompile(`(?i)^(cover|title|cover page)$`)

// skipSheet matches sheets that never hold the artifact's data (MODEL.md §3).
var skipSheet = regexp.MustCompile(`(?i)^(cover|instructions?|.*instructions|data mgmt|dashboard|parameters|lists?|lookups?|table of contents|overview|approach)$`)

// SkipSheet reports whether a sheet is a cover, instruction or lookup sheet.
func SkipSheet(name string) bool { return skipSheet.MatchString(strings.TrimSpace(name)) }

// filenameWords turns "M3-Playbook-Risk-Management-Plan_v2.docx" into
// "M3 Playbook Risk Management Plan v2".
func filenameWords(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.Join(strings.FieldsFunc(base, func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || r == ' ' || r == '+'
	}), " ")
}

// headingKind scores the document's headings against each narrative kind's
// section vocabulary and returns the kind with enough distinct matches.
func headingKind(t *document.Tree) (string, float64) {
	var heads []string
	for _, b := range t.Blocks {
		if b.Kind == document.BlockHeading && b.Level > 0 {
			heads = append(heads, b.Text)
		}
	}
	if len(heads) == 0 {
		return "", 0
	}
	// A heading naming a kind outright ("IV&V Plan", "Risk Register") is the
	// strongest heading signal.
	distinct := func(tab *vocab.Table) int {
		seen := map[string]bool{}
		for _, h := range heads {
			if k, ok := tab.Match(h); ok {
				seen[k] = true
			}
		}
		return len(seen)
	}
	type cand struct {
		kind string
		n    int
		need int
	}
	cands := []cand{
		{"pmp", distinct(&vocab.PMPPlans), 6},
		{"charter", distinct(&vocab.CharterSections), 6},
		{"ivv_plan", ivvHeadings(heads), 3},
		{"status_report", statusHeadings(heads), 3},
	}
	best := cand{}
	for _, c := range cands {
		if c.n >= c.need && c.n-c.need > best.n-best.need || (best.kind == "" && c.n >= c.need) {
			best = c
		}
	}
	if best.kind == "" {
		return "", 0
	}
	return best.kind, 0.7
}

// ivvHeadings counts IV&V-specific headings: the IEEE 1012 outline shares
// "Purpose" and "References" with every plan, so only headings that say
// V&V or IV&V count.
func ivvHeadings(heads []string) int {
	n := 0
	for _, h := range heads {
		if ivvWord.MatchString(h) {
			n++
		}
	}
	return n
}

// statusHeadings counts the distinct status-report list headings (M3
// "Major Activities", "Key Recent Accomplishments", "Key Upcoming
// Activities"…). Plans also have milestone and risk sections, so only a
// document that reports accomplishments or upcoming work counts at all.
func statusHeadings(heads []string) int {
	seen := map[string]bool{}
	for _, h := range heads {
		if k, ok := vocab.StatusSections.Match(h); ok {
			seen[k] = true
		}
	}
	if !seen["accomplishments"] && !seen["upcoming"] {
		return 0
	}
	return len(seen)
}

var ivvWord = regexp.MustCompile(`(?i)\b(i?v\s*&\s*v|ivv|independent verification)`)

// raciCode matches a RACI matrix cell (MODEL.md §4.2).
var raciCode = regexp.MustCompile(`(?i)^[RACISV]([/,+ &]*[RACISV])*$`)

// IsRACICode reports whether s is a RACI(-variant) code cell.
func IsRACICode(s string) bool { return raciCode.MatchString(strings.TrimSpace(s)) }

// grid is a header row plus body rows of texts, from a docx/md table or a
// sheet, used for column-based classification.
type grid struct {
	rows [][]string
}

func grids(t *document.Tree) []grid {
	var out []grid
	for _, b := range t.Blocks {
		if b.Kind == document.BlockTable && b.Table != nil {
			var g grid
			for _, r := range b.Table.Rows {
				row := make([]string, len(r))
				for i, c := range r {
					row[i] = c.Text
				}
				g.rows = append(g.rows, row)
			}
			out = append(out, g)
		}
	}
	for _, s := range t.Sheets {
		if SkipSheet(s.Name) || s.VeryHidden || s.Hidden {
			continue
		}
		var g grid
		for i, r := range s.Rows {
			if i >= 200 {
				break
			}
			row := make([]string, len(r.Cells))
			for j, c := range r.Cells {
				row[j] = c.Text
			}
			g.rows = append(g.rows, row)
		}
		out = append(out, g)
	}
	return out
}

// columnKinds returns, per grid, the kind its header row and cells suggest.
func columnKinds(t *document.Tree) []string {
	var kinds []string
	for _, g := range grids(t) {
		if k := gridKind(g); k != "" {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

func gridKind(g grid) string {
	limit := min(len(g.rows), 30)
	for i := 0; i < limit; i++ {
		row := g.rows[i]
		sched, risk := map[string]bool{}, map[string]bool{}
		for _, h := range row {
			if k, ok := vocab.ScheduleColumns.Match(h); ok {
				sched[k] = true
			}
			if k, ok := vocab.RiskColumns.Match(h); ok {
				risk[k] = true
			}
		}
		dates := 0
		for _, k := range []string{"start", "finish", "duration", "predecessors", "percent_complete", "actual_start", "actual_finish", "baseline_start", "baseline_finish"} {
			if sched[k] {
				dates++
			}
		}
		if sched["name"] && dates >= 3 {
			return "schedule"
		}
		if (risk["probability"] || risk["impact"] || risk["response"] || risk["response_plan"]) && len(risk) >= 4 {
			return "risk_register"
		}
		if k := logOrRegisterKind(row); k != "" {
			return k
		}
		if isRTMHeader(row) {
			return "rtm"
		}
	}
	if isRACIMatrix(g) {
		return "raci"
	}
	if isQASP(g) {
		return "qasp"
	}
	return ""
}

// isQASP: the grid names at least three QASP record fields (performance
// standard, AQL, surveillance method, …) in its first row or, for
// transposed record tables (label cell / value cell), its first column.
func isQASP(g grid) bool {
	seen := map[string]bool{}
	for i, r := range g.rows {
		for j, c := range r {
			if i != 0 && j != 0 {
				continue
			}
			if k, ok := vocab.QASPColumns.Match(c); ok {
				seen[k] = true
			}
		}
	}
	return len(seen) >= 3
}

// isRACIMatrix: the grid has a text column and role columns whose
// non-empty body cells are at least 60 % RACI codes, with at least 4 codes
// in all (a single-role matrix like the Packt "TPM RACI" counts).
func isRACIMatrix(g grid) bool {
	codes, cells := map[int]int{}, map[int]int{}
	text := false
	for i, r := range g.rows {
		if i == 0 || i > 200 {
			continue
		}
		for j, c := range r {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			cells[j]++
			if IsRACICode(c) {
				codes[j]++
			} else if len(c) > 3 {
				text = true
			}
		}
	}
	total := 0
	for j, n := range codes {
		if n*10 >= cells[j]*6 {
			total += n
		}
	}
	return text && total >= 4
}

// logOrRegisterKind: a header row naming a CR id and two more change-log
// columns is a change log (several CRs in a sheet); one naming the
// stakeholder and three more register columns is a stakeholder register.
func logOrRegisterKind(row []string) string {
	cl, sh := map[string]bool{}, map[string]bool{}
	for _, h := range row {
		if k, ok := vocab.ChangeLogColumns.Match(h); ok {
			cl[k] = true
		}
		if k, ok := vocab.StakeholderColumns.Match(h); ok {
			sh[k] = true
		}
	}
	switch {
	case cl["id"] && len(cl) >= 3:
		return "change_log"
	case sh["name"] && len(sh) >= 4 && stakeholderHeader(row):
		return "stakeholder_register"
	}
	return ""
}

// stakeholderHeader: the name column says "stakeholder" (a bare "Name"
// column heads too many other tables).
func stakeholderHeader(row []string) bool {
	for _, h := range row {
		if strings.Contains(strings.ToLower(h), "stakeholder") {
			return true
		}
	}
	return false
}

// isRTMHeader: the row names the requirement id and either the Fit/Gap
// column or four more RTM columns (the M3 RTM sheet has 33).
func isRTMHeader(row []string) bool {
	seen := map[string]bool{}
	for _, h := range row {
		if k, ok := vocab.RTMColumns.Match(h); ok {
			seen[k] = true
		}
	}
	return seen["id"] && (seen["fit_gap"] && len(seen) >= 3 || len(seen) >= 5)
}
