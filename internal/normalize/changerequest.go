package normalize

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// normalizeChangeRequest fills MODEL.md §6.9 change_request from the form's
// labelled values. A label the form has is in fields_found even when its
// value is empty (the requester left it blank: rules fail); a label the
// form lacks is not (rules cannot assess it).
func normalizeChangeRequest(t *doc, a *artifact.Artifact, _ Options) {
	form := readForm(t, &vocab.ChangeRequestFields)
	cr := &artifact.ChangeRequest{RTMRefs: []string{}, Locs: map[string]artifact.Loc{}}
	a.ChangeRequest = cr
	for _, k := range fieldKeys(form) {
		found(a, "change_request."+k)
		cr.Locs[k] = form[k].loc
	}
	v := func(k string) string { return form[k].text }
	date := func(k string) *string {
		if v(k) == "" {
			return nil
		}
		return datePtr(form[k].cell)
	}
	cr.ID = v("id")
	cr.Program = v("program")
	cr.TypeRaw = v("type")
	cr.Type = crType(cr.TypeRaw)
	cr.RTMRefs = splitIDs(v("rtm_refs"))
	cr.PriorityRaw = v("priority")
	cr.Priority = crPriority(cr.PriorityRaw)
	cr.Description = v("description")
	cr.Reason = v("reason")
	cr.ApplicationImpact = v("application_impact")
	cr.Assumptions = v("assumptions")
	cr.Impact = artifact.CRImpact{HoursRaw: v("impact.hours"), Cost: v("impact.cost"), Schedule: v("impact.schedule"), Scope: v("impact.scope")}
	if m := leadingNumber.FindStringSubmatch(cr.Impact.HoursRaw); m != nil {
		if h, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64); err == nil {
			cr.Impact.Hours = &h
		}
	}
	cr.Solution = v("solution")
	cr.Submitter = artifact.CRPerson{Name: v("submitter.name"), Email: v("submitter.email")}
	cr.DateSubmitted = date("date_submitted")
	cr.DateRequired = date("date_required")
	cr.FLMApproval = artifact.CRSignOff{Name: v("flm_approval.name"), Date: date("flm_approval.date"), DateRaw: v("flm_approval.date")}
	cr.Board = artifact.CRBoard{
		DecisionRaw: v("board.decision"), Approver: v("board.approver"),
		Date: date("board.date"), DateRaw: v("board.date"), Explanation: v("board.explanation"),
	}
	cr.Board.Decision = boardDecision(cr.Board.DecisionRaw)
	if len(form) > 0 {
		found(a, "change_request.rtm_refs")
	}
	// The board's recorded decision is the request's approval: GEN-004 and
	// the cross-document rules read approvals from one place.
	if cr.Board.Decision != "" && cr.Board.Approver != "" {
		dec := map[string]string{"approved": "approved", "rejected": "not_accepted"}[cr.Board.Decision]
		if dec == "" {
			dec = "pending"
		}
		a.Metadata.Approvals = append(a.Metadata.Approvals, artifact.Approval{
			Name: cr.Board.Approver, Title: "Change Control Board", Role: "other", Date: cr.Board.Date, DateRaw: cr.Board.DateRaw,
			Decision: &dec, Evidence: "ccb_decision", Loc: form["board.decision"].loc,
		})
	}
}

var leadingNumber = regexp.MustCompile(`^\s*\$?\s*(\d[\d,]*(?:\.\d+)?)`)

// idSplit separates requirement/CR ids in one cell: "PTP-001-001, PTP-002".
var idSplit = regexp.MustCompile(`[,;\n]+|\s+(?:and|&)\s+|\s{2,}`)

// splitIDs reads a list of ids; "N/A", "none" and "-" are no ids.
func splitIDs(s string) []string {
	out := []string{}
	for _, p := range idSplit.Split(s, -1) {
		p = strings.TrimSpace(p)
		switch strings.ToLower(strings.Trim(p, ".")) {
		case "", "n/a", "na", "none", "-", "–", "not applicable":
			continue
		}
		// "PTP-001 PTP-002": space-separated ids without commas.
		if f := strings.Fields(p); len(f) > 1 && allIDs(f) {
			out = append(out, f...)
			continue
		}
		out = append(out, p)
	}
	return out
}

func allIDs(f []string) bool {
	for _, s := range f {
		if !strings.ContainsAny(s, "0123456789") {
			return false
		}
	}
	return true
}

// crType maps the form's Type of Change to its three choices.
func crType(raw string) string {
	switch l := vocab.Normalize(raw); {
	case l == "":
		return ""
	case strings.Contains(l, "new requirement"):
		return "new-requirement"
	case strings.Contains(l, "change to existing") || strings.Contains(l, "existing requirement") || l == "change":
		return "change-to-existing-requirement"
	case l == "defect" || l == "bug" || strings.HasPrefix(l, "defect "):
		return "defect"
	}
	return ""
}

// crPriority maps the form's Priority to low | med | high.
func crPriority(raw string) string {
	switch vocab.Normalize(raw) {
	case "low", "l":
		return "low"
	case "med", "medium", "m", "moderate":
		return "med"
	case "high", "h":
		return "high"
	}
	return ""
}

// boardDecision maps the Change Control Board decision.
func boardDecision(raw string) string {
	l := vocab.Normalize(raw)
	switch {
	case l == "":
		return ""
	case strings.Contains(l, "not approved") || strings.Contains(l, "reject") || strings.Contains(l, "denied") || strings.Contains(l, "disapprov"):
		return "rejected"
	case strings.Contains(l, "more info"):
		return "more-information"
	case strings.HasPrefix(l, "approved") || l == "approve" || l == "accepted":
		return "approved"
	}
	return l
}

// normalizeChangeLog fills MODEL.md §6.9 change_log from every sheet or
// table whose header names a CR id column and at least two other change
// log columns.
func normalizeChangeLog(t *doc, a *artifact.Artifact, _ Options) {
	cl := &artifact.ChangeLog{Entries: []artifact.ChangeLogEntry{}}
	a.ChangeLog = cl
	for _, g := range t.grids {
		h, ok := findHeader(g, &vocab.ChangeLogColumns, 3)
		if !ok {
			continue
		}
		if _, ok := h.cols["id"]; !ok {
			continue
		}
		cl.Entries = append(cl.Entries, changeLogEntries(t, g, h)...)
		for _, k := range sortedKeys(h.cols) {
			found(a, "change_log.columns."+k)
		}
		found(a, "change_log.entries")
	}
	if !slices.Contains(a.FieldsFound, "change_log.entries") {
		diag(a, "info", "CHANGE_LOG_NOT_FOUND", document.Loc{Path: t.Path}, "no table with a CR id column and change-log columns was found")
	}
}

// changeLogEntries reads the CR rows under a change-log header h of g (a
// change log, or the M3 RTM workbook's CR sheet).
func changeLogEntries(t *doc, g grid, h header) []artifact.ChangeLogEntry {
	out := []artifact.ChangeLogEntry{}
	for _, r := range dataRows(g, h.idx) {
		e := artifact.ChangeLogEntry{
			ID: formValue(colText(r, h, "id")), RequirementIDs: splitIDs(formValue(colText(r, h, "requirement_ids"))),
			Name: formValue(colText(r, h, "name")), Description: formValue(colText(r, h, "description")),
			Type: crType(colText(r, h, "type")), Priority: crPriority(colText(r, h, "priority")),
			StatusRaw: colText(r, h, "status"), Loc: g.loc(t.Path, r, -1),
		}
		// A row with no id, name or description is a template stub or
		// a blank line, not a change request.
		if e.ID == "" && e.Name == "" && e.Description == "" {
			continue
		}
		e.Status = logStatus(e.StatusRaw)
		if j, ok := h.cols["decision_date"]; ok {
			e.DecisionDate = datePtr(r.cell(j))
		}
		if j, ok := h.cols["id"]; ok {
			e.Loc = g.loc(t.Path, r, j)
		}
		out = append(out, e)
	}
	return out
}

// logStatus maps a change log's status (the M3 RTM CR sheet has Approved /
// Rejected; logs also carry Pending, Proposed, Submitted).
func logStatus(raw string) string {
	l := vocab.Normalize(raw)
	switch {
	case l == "":
		return "unknown"
	case strings.Contains(l, "pending") || strings.Contains(l, "proposed") || strings.Contains(l, "submitted") || strings.Contains(l, "more info") || l == "new" || l == "open":
		return "pending"
	case strings.Contains(l, "reject") || strings.Contains(l, "not approved") || strings.Contains(l, "denied"):
		return "rejected"
	case strings.Contains(l, "approv") || strings.Contains(l, "implemented"):
		return "approved"
	}
	return l
}
