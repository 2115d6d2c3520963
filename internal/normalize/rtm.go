package normalize

import (
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeRTM fills the rtm payload from a Requirements Traceability
// Matrix workbook (the GSA M3 template): every sheet or table whose header
// names a CR id and two more change-log columns is a CR sheet; every other
// one whose header names the requirement id and two more RTM columns is a
// requirements sheet. A kind of sheet the workbook lacks leaves its list
// null, so CR-005 says it cannot check rather than finding nothing.
func normalizeRTM(t *doc, a *artifact.Artifact, _ Options) {
	m := &artifact.RTM{}
	a.RTM = m
	for _, g := range t.grids {
		if h, ok := findHeader(g, &vocab.ChangeLogColumns, 3); ok && hasCol(h, "id") {
			if m.ChangeRequests == nil {
				m.ChangeRequests = []artifact.ChangeLogEntry{}
			}
			m.ChangeRequests = append(m.ChangeRequests, changeLogEntries(t, g, h)...)
			found(a, "rtm.change_requests")
			continue
		}
		h, ok := findHeader(g, &vocab.RTMColumns, 3)
		if !ok || !hasCol(h, "id") {
			continue
		}
		if m.Requirements == nil {
			m.Requirements = []artifact.Requirement{}
		}
		m.Requirements = append(m.Requirements, requirements(t, g, h)...)
		for _, k := range sortedKeys(h.cols) {
			found(a, "rtm.columns."+k)
		}
		found(a, "rtm.requirements")
	}
	if m.Requirements == nil {
		diag(a, "warning", "RTM_REQUIREMENTS_NOT_FOUND", document.Loc{Path: t.Path}, "no sheet or table with a requirement id column and RTM columns was found")
	}
}

func hasCol(h header, key string) bool {
	_, ok := h.cols[key]
	return ok
}

// requirements reads the requirement rows under the RTM header h of g,
// skipping the template's instruction row (MODEL.md §3: the M3 RTM explains
// each column in the row below the header, every cell long prose) and rows
// with neither an id nor a description.
func requirements(t *doc, g grid, h header) []artifact.Requirement {
	out := []artifact.Requirement{}
	for _, r := range dataRows(g, h.idx) {
		if instructionRow(r) {
			continue
		}
		q := artifact.Requirement{
			ID: formValue(colText(r, h, "id")), ProcessArea: formValue(colText(r, h, "process_area")),
			SubProcessArea: formValue(colText(r, h, "sub_process_area")), Description: formValue(colText(r, h, "description")),
			Type: formValue(colText(r, h, "type")), Source: formValue(colText(r, h, "source")),
			Priority: strings.ToLower(formValue(colText(r, h, "priority"))), StatusRaw: formValue(colText(r, h, "status")),
			FitGapRaw: formValue(colText(r, h, "fit_gap")), GapResolution: formValue(colText(r, h, "gap_resolution")),
			Release: formValue(colText(r, h, "release")), Loc: g.loc(t.Path, r, h.cols["id"]),
		}
		if q.ID == "" && q.Description == "" {
			continue
		}
		q.Status = requirementStatus(q.StatusRaw)
		q.FitGap = fitGap(q.FitGapRaw)
		q.InScope = inScope(formValue(colText(r, h, "scope")))
		q.ChangeRequestRequired = yesNo(formValue(colText(r, h, "change_request_required")))
		for _, k := range []string{"unit_test", "integration_test", "uat", "regression_test"} {
			if v := formValue(colText(r, h, k)); v != "" {
				if q.Tests == nil {
					q.Tests = map[string]string{}
				}
				q.Tests[k] = v
			}
		}
		out = append(out, q)
	}
	return out
}

// instructionRow: every non-empty cell is prose of eight words or more.
func instructionRow(r gridRow) bool {
	n := 0
	for _, c := range r.cells {
		s := strings.TrimSpace(c.Text)
		if s == "" {
			continue
		}
		if vocab.Words(s) < 8 {
			return false
		}
		n++
	}
	return n > 0
}

// requirementStatus maps the template's status list (Pending Approval-New,
// Approved-Active, Approved-Implemented, Rejected-Closed,
// Rejected-Deferred) to pending | active | implemented | closed | deferred;
// other text is kept lower-cased.
func requirementStatus(raw string) string {
	l := vocab.Normalize(raw)
	switch {
	case l == "":
		return ""
	case strings.Contains(l, "pending") || strings.Contains(l, "proposed") || strings.Contains(l, "new"):
		return "pending"
	case strings.Contains(l, "implemented"):
		return "implemented"
	case strings.Contains(l, "deferred"):
		return "deferred"
	case strings.Contains(l, "reject") || strings.Contains(l, "closed"):
		return "closed"
	case strings.Contains(l, "active") || strings.Contains(l, "approved"):
		return "active"
	}
	return l
}

func fitGap(raw string) string {
	switch l := vocab.Normalize(raw); {
	case l == "fit" || strings.HasPrefix(l, "fit "):
		return "fit"
	case l == "gap" || strings.HasPrefix(l, "gap "):
		return "gap"
	}
	return ""
}

func inScope(raw string) *bool {
	l := vocab.Normalize(raw)
	var v bool
	switch {
	case strings.HasPrefix(l, "out"):
	case strings.HasPrefix(l, "in"):
		v = true
	default:
		if b := yesNo(raw); b != nil {
			return b
		}
		return nil
	}
	return &v
}

// yesNo reads MODEL.md §5.8 booleans; nil when the text is none of them.
func yesNo(raw string) *bool {
	var v bool
	switch vocab.Normalize(raw) {
	case "yes", "y", "true", "x", "✓", "✔":
		v = true
	case "no", "n", "false":
	default:
		return nil
	}
	return &v
}
