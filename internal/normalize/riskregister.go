package normalize

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeRiskRegister fills MODEL.md §6.5 from every sheet or table whose
// header maps to the risk columns; sheets named like issues go to issues.
func normalizeRiskRegister(t *doc, a *artifact.Artifact, _ Options) {
	rr := &artifact.RiskRegister{Risks: []artifact.Risk{}, Issues: []artifact.Risk{}}
	a.RiskRegister = rr
	type unread struct {
		g grid
		h header
	}
	var unreadable []unread
	for _, g := range t.grids {
		h, ok := findHeader(g, &vocab.RiskColumns, 4)
		if !ok {
			if h, ok = findHeader(g, &vocab.RiskColumns, 2); ok && (hasCol(h, "probability") || hasCol(h, "impact")) {
				unreadable = append(unreadable, unread{g, h})
			}
			continue
		}
		where := strings.ToLower(g.sheet + " " + g.section)
		if otherRAIDLog.MatchString(where) && !strings.Contains(where, "risk") {
			continue // a decision, action, assumption or dependency log is not risks
		}
		// An issue log has no probability: a sheet named "Issue Register"
		// whose columns rate probability and impact holds risks.
		issues := strings.Contains(where, "issue") && !hasCol(h, "probability")
		// No title or description column recognised: the first text
		// column names the risk, so no row is dropped for a header the
		// vocabulary does not know.
		if !hasCol(h, "title") && !hasCol(h, "description") {
			if j := firstTextColumn(g, h); j >= 0 {
				h.cols["title"] = j
			}
		}
		scale := threeLevelScale(g, h)
		cols, allowed := map[string]string{}, map[string][]string{}
		for k, j := range h.cols {
			cols[k] = h.texts[j]
			if v := g.allowed(h, j); len(v) > 0 {
				allowed[k] = v
			}
		}
		if issues {
			rr.IssueColumns, rr.IssueAllowedValues = mergeCols(rr.IssueColumns, cols), mergeAllowed(rr.IssueAllowedValues, allowed)
		} else {
			if rr.Columns == nil {
				l := g.loc(t.Path, g.rows[h.idx], -1)
				rr.ColumnsLoc = &l
			}
			rr.Columns, rr.AllowedValues = mergeCols(rr.Columns, cols), mergeAllowed(rr.AllowedValues, allowed)
		}
		for _, r := range dataRows(g, h.idx) {
			risk := artifact.Risk{
				ID: colText(r, h, "id"), Title: colText(r, h, "title"), Description: colText(r, h, "description"),
				Category: colText(r, h, "category"), Owner: colText(r, h, "owner"), ResponsePlan: colText(r, h, "response_plan"),
				StatusRaw: colText(r, h, "status"), Loc: g.loc(t.Path, r, -1),
			}
			// Template stub rows hold only formulas (M3 "Risk #" is
			// =IF(B3="","",ROW()-2)): no title and no description is no risk.
			if risk.Title == "" && risk.Description == "" {
				continue
			}
			risk.IfThen = ifThen.MatchString(risk.Description)
			risk.Response = strings.ToLower(colText(r, h, "response"))
			if risk.Response == "" && !hasCol(h, "response") && risk.ResponsePlan != "" && mitigationColumn.MatchString(h.texts[h.cols["response_plan"]]) {
				// A register with a mitigation (countermeasure) column and
				// no strategy column mitigates: its plans say how.
				risk.Response = "mitigate"
			}
			risk.Status = riskStatus(risk.StatusRaw)
			if j, ok := h.cols["due_date"]; ok {
				risk.DueDate = datePtr(r.cell(j))
			}
			risk.Trigger = colText(r, h, "trigger")
			risk.ContingencyPlan = colText(r, h, "contingency_plan")
			risk.ClosureCriteria = colText(r, h, "closure_criteria")
			risk.StatusNotes = colText(r, h, "status_notes")
			for _, d := range [...]struct {
				key string
				dst **string
			}{{"created_on", &risk.CreatedOn}, {"modified_on", &risk.ModifiedOn}, {"closed_date", &risk.ClosedDate}} {
				if j, ok := h.cols[d.key]; ok {
					*d.dst = datePtr(r.cell(j))
				}
			}
			if risk.ModifiedOn != nil {
				risk.ModifiedSource = "column"
			} else if d := latestDate(risk.StatusNotes); d != "" {
				risk.ModifiedOn, risk.ModifiedSource = &d, "status_notes"
			}
			risk.RelatedIDs = append(risk.RelatedIDs, strings.FieldsFunc(colText(r, h, "related_ids"), func(r rune) bool { return r == ',' || r == ';' || r == ' ' })...)
			risk.Probability = scale.score(scored(colText(r, h, "probability")))
			risk.Impact = scale.score(scored(colText(r, h, "impact")))
			if risk.Probability != nil && risk.Impact != nil && risk.Probability.Score != nil && risk.Impact.Score != nil {
				s := *risk.Probability.Score * *risk.Impact.Score
				risk.Score = &s
				switch {
				case s >= 15:
					risk.Severity = "high"
				case s >= 8:
					risk.Severity = "medium"
				default:
					risk.Severity = "low"
				}
			}
			// A responses table keyed by the register's risk numbers
			// ("Risk | Num | Response | Type"): its rows answer risks
			// already read, they are not new ones.
			if !issues {
				if k := riskByRef(rr.Risks, risk.Title); k >= 0 {
					mergeResponse(&rr.Risks[k], risk, colText(r, h, "response"), colText(r, h, "category"))
					continue
				}
			}
			if issues {
				rr.Issues = append(rr.Issues, risk)
			} else {
				rr.Risks = append(rr.Risks, risk)
			}
		}
		for _, k := range sortedKeys(h.cols) {
			found(a, "risk_register.columns."+k)
		}
		if issues {
			found(a, "risk_register.issues")
		} else {
			found(a, "risk_register.risks")
		}
	}
	if len(rr.Risks) == 0 && len(rr.Issues) == 0 {
		// Risk-shaped tables with too few columns recognised to read:
		// said, not dropped.
		for _, u := range unreadable {
			unreadTable(t, a, u.g, u.h, "risk register")
		}
		switch {
		case len(unreadable) > 0:
		case rr.ColumnsLoc != nil && a.Kind == "risk_register":
			diag(a, "warning", UnreadTable, *rr.ColumnsLoc, "the risk table lists no risks: every risk rule passes on an empty register")
		case a.Kind == "risk_register":
			noRows(t, a, "risk")
		}
	}
}

// mergeCols adds the columns of one more table of the same kind.
func mergeCols(dst, src map[string]string) map[string]string {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = map[string]string{}
	}
	for k, v := range src {
		if _, ok := dst[k]; !ok {
			dst[k] = v
		}
	}
	return dst
}

func mergeAllowed(dst, src map[string][]string) map[string][]string {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = map[string][]string{}
	}
	for k, v := range src {
		if _, ok := dst[k]; !ok {
			dst[k] = v
		}
	}
	return dst
}

// latestDate is the latest date written in free text ("Nov 10, 2026:
// reviewed at the PMR"), "" when there is none.
func latestDate(text string) string {
	latest := ""
	for _, m := range textDate.FindAllString(text, -1) {
		if d, ok := parseDate(strings.Replace(m, "Sept", "Sep", 1)); ok && d > latest {
			latest = d
		}
	}
	return latest
}

var ifThen = regexp.MustCompile(`(?is)\bif\b.+\bthen\b`)

func riskStatus(raw string) string {
	switch l := strings.ToLower(strings.TrimSpace(raw)); {
	case l == "":
		return "unknown"
	case strings.Contains(l, "defer"):
		return "deferred"
	case strings.Contains(l, "cancel"):
		return "cancelled"
	case strings.Contains(l, "closed") || strings.Contains(l, "retired"):
		return "closed"
	default:
		return "open"
	}
}

var leadingDigit = regexp.MustCompile(`^\s*([1-5])\b`)

// mitigationColumn names a response plan column that is a mitigation.
var mitigationColumn = regexp.MustCompile(`(?i)mitigat|countermeasure|gegenma|preventive|mitigaç`)

// otherRAIDLog names the RAID sheets that are not risks.
var otherRAIDLog = regexp.MustCompile(`\b(decision|decisions|action|actions|assumption|assumptions|dependency|dependencies|lessons?)\b`)

// firstTextColumn is the first column (not a recognised one) whose body
// cells hold words, -1 when none does.
func firstTextColumn(g grid, h header) int {
	used := map[int]bool{}
	for _, j := range h.cols {
		used[j] = true
	}
	for j := range g.rows[h.idx].cells {
		if used[j] {
			continue
		}
		for _, r := range dataRows(g, h.idx) {
			if t := r.text(j); vocab.Words(t) >= 2 {
				return j
			}
		}
	}
	return -1
}

// ratingScale maps a register's own rating scale onto 1–5: a register
// rating on 1/3/9 (low, medium, high) has 9 as its top, not an
// out-of-range value.
type ratingScale struct{ nine bool }

// threeLevelScale: the probability and impact columns hold only 1, 3 and
// 9, and some 9.
func threeLevelScale(g grid, h header) ratingScale {
	seen := map[string]bool{}
	for _, k := range []string{"probability", "impact"} {
		j, ok := h.cols[k]
		if !ok {
			continue
		}
		for _, r := range dataRows(g, h.idx) {
			if v := strings.TrimSpace(r.text(j)); v != "" {
				seen[v] = true
			}
		}
	}
	if !seen["9"] {
		return ratingScale{}
	}
	for v := range seen {
		if v != "1" && v != "3" && v != "9" {
			return ratingScale{}
		}
	}
	return ratingScale{nine: true}
}

func (rs ratingScale) score(s *artifact.Scored) *artifact.Scored {
	if s == nil || !rs.nine {
		return s
	}
	switch strings.TrimSpace(s.Raw) {
	case "1":
		n := 1
		s.Score = &n
	case "3":
		n := 3
		s.Score = &n
	case "9":
		n := 5
		s.Score = &n
	}
	return s
}

// percentOrShare reads a probability written as 85%, 0.6 or "50% to 75%"
// (its upper bound) as a percentage.
var percentOrShare = regexp.MustCompile(`^\s*(?:\d+(?:[.,]\d+)?\s*%\s*(?:to|-|–)\s*)?(\d+(?:[.,]\d+)?)\s*(%)?\s*$`)

func percentScore(raw string) (int, float64, bool) {
	m := percentOrShare.FindStringSubmatch(raw)
	if m == nil {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64)
	if err != nil {
		return 0, 0, false
	}
	switch {
	case m[2] == "%":
	case v > 0 && v <= 1 && strings.ContainsAny(m[1], ".,"):
		v *= 100 // a share: 0.6
	default:
		return 0, 0, false // a bare number is a scale value, not a percentage
	}
	if v < 0 || v > 100 {
		return 0, 0, false
	}
	score := 1 + int(v)/20
	if v > 0 && int(v)%20 == 0 {
		score = int(v) / 20
	}
	return min(max(score, 1), 5), v, true
}

// scoreWords are MODEL.md §5.6, longest phrase first.
var scoreWords = []struct {
	phrase string
	score  int
}{
	{"near certainty", 5}, {"almost certain", 5}, {"very high", 5}, {"highly likely", 4}, {"very low", 1},
	{"insignificant", 1}, {"catastrophic", 5}, {"extreme", 5}, {"muito alta", 5}, {"muito baixa", 1},
	{"significant", 4}, {"moderate", 3}, {"possible", 3}, {"unlikely", 2}, {"likely", 3}, {"medium", 3},
	{"severe", 5}, {"critical", 5}, {"major", 4}, {"minor", 2}, {"high", 4}, {"low", 2}, {"rare", 1},
	{"média", 3}, {"media", 3}, {"alta", 4}, {"alto", 4}, {"baixa", 2}, {"baixo", 2}, {"med", 3},
}

func scored(raw string) *artifact.Scored {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	s := &artifact.Scored{Raw: raw}
	if n, pct, ok := percentScore(raw); ok {
		s.Score = &n
		s.Pct = &pct
		return s
	}
	if m := leadingDigit.FindStringSubmatch(raw); m != nil {
		n, _ := strconv.Atoi(m[1])
		s.Score = &n
		return s
	}
	l := strings.ToLower(raw)
	for _, w := range scoreWords {
		if strings.Contains(l, w.phrase) {
			n := w.score
			s.Score = &n
			return s
		}
	}
	return s
}

// riskByRef is the index of the risk whose ID is ref (a bare number or
// risk ID written where a risk's name would be), -1 when none.
func riskByRef(risks []artifact.Risk, ref string) int {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.ContainsAny(ref, " \t") {
		return -1
	}
	for i, r := range risks {
		if strings.EqualFold(strings.TrimSpace(r.ID), ref) {
			return i
		}
	}
	return -1
}

// mergeResponse adds a response row to the risk it answers.
func mergeResponse(dst *artifact.Risk, row artifact.Risk, responseText, kind string) {
	// The row's response text is the plan; its type ("Mitigation") the
	// strategy, when the table has one.
	plan := strings.TrimSpace(firstNonEmpty(row.ResponsePlan, row.Description, responseText))
	if plan != "" {
		if dst.ResponsePlan != "" {
			dst.ResponsePlan += "\n"
		}
		dst.ResponsePlan += plan
	}
	if dst.Response == "" {
		if k := strategyOf(kind); k != "" {
			dst.Response = k
		} else if k := strategyOf(row.Response); k != "" {
			dst.Response = k
		}
	}
}

// strategyOf reads a response strategy word: "Mitigation" → mitigate.
func strategyOf(s string) string {
	switch l := strings.ToLower(s); {
	case strings.HasPrefix(l, "mitigat"), strings.HasPrefix(l, "reduc"):
		return "mitigate"
	case strings.HasPrefix(l, "avoid"):
		return "avoid"
	case strings.HasPrefix(l, "transfer"), strings.HasPrefix(l, "share"):
		return "transfer"
	case strings.HasPrefix(l, "accept"):
		return "accept"
	case strings.HasPrefix(l, "escalat"):
		return "escalate"
	}
	return ""
}
