package normalize

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

func init() { register("risk_register", normalizeRiskRegister) }

// normalizeRiskRegister fills MODEL.md §6.5 from every sheet or table whose
// header maps to the risk columns; sheets named like issues go to issues.
func normalizeRiskRegister(t *doc, a *artifact.Artifact, _ Options) {
	rr := &artifact.RiskRegister{Risks: []artifact.Risk{}, Issues: []artifact.Risk{}}
	a.RiskRegister = rr
	for _, g := range t.grids {
		h, ok := findHeader(g, &vocab.RiskColumns, 4)
		if !ok {
			continue
		}
		issues := strings.Contains(strings.ToLower(g.sheet+" "+g.section), "issue")
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
			risk.Probability = scored(colText(r, h, "probability"))
			risk.Impact = scored(colText(r, h, "impact"))
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

// scoreWords are MODEL.md §5.6, longest phrase first.
var scoreWords = []struct {
	phrase string
	score  int
}{
	{"near certainty", 5}, {"almost certain", 5}, {"very high", 5}, {"highly likely", 4}, {"very low", 1},
	{"significant", 4}, {"moderate", 3}, {"possible", 3}, {"unlikely", 2}, {"likely", 3}, {"medium", 3},
	{"severe", 5}, {"critical", 5}, {"high", 4}, {"low", 2}, {"rare", 1},
}

func scored(raw string) *artifact.Scored {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	s := &artifact.Scored{Raw: raw}
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
