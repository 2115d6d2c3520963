package classify

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/kind"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// titleCandidate is a text a reader would call the document's title, and
// where it sits.
type titleCandidate struct{ text, where string }

// titleCandidates are the texts a reader would call the document's title,
// strongest first: front matter and the package title property, Title-
// styled paragraphs, the document's first heading when it opens the
// document (a Markdown "# Title", an HTML <h1> cover, an "## Subtitle"
// when nothing comes before it), a short first line (a bold title line in
// Word), short page-header lines, and for workbooks a cover sheet's first
// texts or the first sheet's title cell. A heading is a section, not a
// title, once body text has come before it: a bundle that opens with
// "This document contains…" and has an H1 per artifact has no title.
func titleCandidates(t *document.Tree) []titleCandidate {
	var out []titleCandidate
	add := func(s, where string) {
		s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_#"))
		if s != "" && len(s) < 200 {
			out = append(out, titleCandidate{s, where})
		}
	}
	if v, ok := t.FrontMatter["title"].(string); ok {
		add(v, "front matter")
	}
	for i, b := range t.Blocks {
		if i > 60 {
			break
		}
		if b.Kind == document.BlockHeading && b.Level == 0 {
			add(b.Text, "Title style")
		}
	}
	words := 0 // body words before the heading
	for i, b := range t.Blocks {
		if i > 40 || words > 12 {
			break
		}
		switch b.Kind {
		case document.BlockHeading:
			if b.Level > 0 && strings.Contains(b.Text, " | ") {
				continue // a navigation bar ("Home | Agile |"), not a title
			}
			if b.Level > 0 {
				add(b.Text, "first heading")
				words = 1 << 20 // only the first heading
			}
		case document.BlockParagraph:
			if b.List {
				words += 13 // a list (a table of contents) is body, never a title
			} else {
				if fl := firstLine(b.Text); i < 4 && vocab.Words(fl) <= 12 && titleLike(fl) {
					add(fl, "first line")
				}
				words += vocab.Words(b.Text)
			}
		case document.BlockTable:
			words += 13
		}
	}
	// The package title property comes after what the page shows: it is
	// often the template's ("Email Template") or the first words typed.
	add(t.Properties.Title, "document properties")
	for _, hf := range t.HeaderFooter {
		for _, line := range strings.Split(hf, "\n") {
			if n := vocab.Words(line); n > 0 && n <= 8 {
				add(line, "page header")
			}
		}
	}
	for si, s := range t.Sheets {
		cover := coverSheet.MatchString(strings.TrimSpace(s.Name))
		if !cover && si > 0 {
			continue
		}
		n := 0
		for ri, r := range s.Rows {
			if !cover && ri > 2 {
				break
			}
			texts := 0
			for _, c := range r.Cells {
				if strings.TrimSpace(c.Text) != "" {
					texts++
				}
			}
			for _, c := range r.Cells {
				if c.Kind == "string" || (c.Kind == "" && c.Text != "") {
					// A sheet's title sits alone on its row; a header row
					// is not a title.
					if cover || texts == 1 {
						add(c.Text, "sheet "+s.Name)
						n++
					}
				}
			}
			if n >= 4 {
				break
			}
		}
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// bundleKind: a document whose sections are several core artifacts (a
// charter, a schedule, a RACI matrix, a risk log…) bundled together is the
// program's management plan.
func bundleKind(t *document.Tree) (kind.Kind, string) {
	seen := map[string]bool{}
	var names []string
	for _, b := range t.Blocks {
		if b.Kind != document.BlockHeading || b.Level == 0 || b.Level > 2 {
			continue
		}
		if k, ok := kindTitles().Match(b.Text); ok {
			switch k {
			case "charter", "schedule", "raci", "risk_register", "communications_plan", "risk_plan", "stakeholder_register", "qasp":
				if !seen[k] {
					seen[k] = true
					names = append(names, quote(b.Text))
				}
			}
		}
	}
	if len(seen) >= 3 {
		return "pmp", "sections " + strings.Join(names, ", ") + ": a bundle of management artifacts is the management plan"
	}
	return "", ""
}

// isTaskTable: a header row in the first rows names the task and a start,
// finish or duration column.
func isTaskTable(g grid) bool {
	for i := 0; i < min(len(g.rows), 30); i++ {
		sched := map[string]bool{}
		for _, h := range g.rows[i] {
			if k, ok := vocab.ScheduleColumns.Match(h); ok {
				sched[k] = true
			}
		}
		if sched["name"] && (sched["start"] || sched["finish"] || sched["duration"] || sched["baseline_start"] || sched["baseline_finish"]) {
			return true
		}
	}
	return false
}

var coverSheet = regexp.MustCompile(`(?i)^(cover|title|cover page)$`)

// filenameWords turns "M3-Playbook-Risk-Management-Plan_v2.docx" into
// "M3 Playbook Risk Management Plan v2", and "AgileRACIMatrix.md" into
// "Agile RACI Matrix".
func filenameWords(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var sb strings.Builder
	rs := []rune(base)
	for i, r := range rs {
		// camelCase and ACRONYMWord boundaries become spaces.
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
			unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
			sb.WriteByte(' ')
		}
		sb.WriteRune(r)
	}
	return strings.Join(strings.FieldsFunc(sb.String(), func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || r == ' ' || r == '+'
	}), " ")
}

// headingKind scores the document's headings against each narrative kind's
// section vocabulary and returns the kind with enough distinct matches.
func headingKind(t *document.Tree) (kind.Kind, float64) {
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
		kind kind.Kind
		n    int
		need int
	}
	cands := []cand{
		{"pmp", distinct(&vocab.PMPPlans), 6},
		{"charter", distinct(&vocab.CharterSections), 6},
		{"ivv_plan", ivvHeadings(heads), 3},
		{"status_report", statusHeadings(heads), 3},
	}
	for _, h := range registered().headings {
		cands = append(cands, cand{h.kind, distinct(h.table), h.need})
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

// grids are the tree's table-shaped regions (document.Grids) as texts;
// a sheet's first 200 rows are enough to classify it.
func grids(t *document.Tree) []grid {
	var out []grid
	for _, dg := range document.Grids(t) {
		var g grid
		if dg.Block != nil {
			for _, r := range dg.Block.Table.Rows {
				row := make([]string, len(r))
				for i, c := range r {
					row[i] = c.Text
				}
				g.rows = append(g.rows, row)
			}
		} else {
			for i, r := range dg.Sheet.Rows {
				if i >= 200 {
					break
				}
				row := make([]string, len(r.Cells))
				for j, c := range r.Cells {
					row[j] = c.Text
				}
				g.rows = append(g.rows, row)
			}
		}
		out = append(out, g)
	}
	return out
}

// columnKinds returns, per grid, the kind its header row and cells suggest.
func columnKinds(t *document.Tree) []kind.Kind {
	var kinds []kind.Kind
	for _, g := range grids(t) {
		if k := gridKind(g); k != "" {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

func gridKind(g grid) kind.Kind {
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
func logOrRegisterKind(row []string) kind.Kind {
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

// Title is the document's title as a reader would give it: the first
// title candidate, "" when there is none.
func Title(t *document.Tree) string {
	if cs := titleCandidates(t); len(cs) > 0 {
		return cs[0].text
	}
	if t.Schedule != nil {
		return strings.TrimSpace(t.Schedule.Name)
	}
	return ""
}

// titleLike: a short line that can be a title, not a sentence ("… ."),
// a label line ("Team Members : A, B") or a lead-in ("… artifacts:").
func titleLike(line string) bool {
	l := strings.TrimSpace(line)
	return l != "" && !strings.HasSuffix(l, ".") && !strings.Contains(l, ":")
}
