package normalize

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/classify"
	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/vocab"
)

// newEnvelope builds the common envelope (MODEL.md §2.1).
func newEnvelope(t *doc, c classify.Result, opts Options) *artifact.Artifact {
	a := &artifact.Artifact{
		SchemaVersion:  artifact.SchemaVersion,
		Kind:           c.Kind,
		KindSource:     c.Source,
		KindConfidence: c.Confidence,
		ArtifactKey:    c.ArtifactKey,
		Source: artifact.Source{
			Path:      t.Path,
			Format:    string(t.Format),
			SHA256:    opts.SHA256,
			SizeBytes: opts.SizeBytes,
		},
		Metadata: artifact.Metadata{
			Status:          "unknown",
			RevisionHistory: []artifact.Revision{},
			Approvals:       []artifact.Approval{},
			Placeholders:    []artifact.Placeholder{},
			People:          []artifact.NamedPerson{},
		},
		Sections:    []artifact.Section{},
		Tables:      []artifact.Table{},
		Diagnostics: []artifact.Diagnostic{},
		FieldsFound: []string{},
		Evidence:    []artifact.Evidence{},
	}
	buildSections(t.Tree, a)
	buildTables(t, a)
	a.Title = c.Title
	if a.Title == "" {
		a.Title = title(t.Tree)
	}
	readProperties(t.Tree, a)
	readFrontMatter(t.Tree, a)
	scanPlaceholders(t.Tree, a)
	readRevisionHistory(t, a)
	readApprovals(t, a)
	readPeople(t, a)
	readCertification(t.Tree, a)
	readVersionAndDate(t.Tree, a)
	decideStatus(t.Tree, a)
	// Placeholders and approvals were looked for everywhere a reader sees
	// text: an empty list is a finding of absence, not missing data.
	found(a, "metadata.placeholders")
	found(a, "metadata.approvals")
	return a
}

func found(a *artifact.Artifact, field string) {
	for _, f := range a.FieldsFound {
		if f == field {
			return
		}
	}
	a.FieldsFound = append(a.FieldsFound, field)
}

func diag(a *artifact.Artifact, level, code string, loc document.Loc, format string, args ...any) {
	a.Diagnostics = append(a.Diagnostics, artifact.Diagnostic{Level: level, Code: code, Message: fmt.Sprintf(format, args...), Loc: loc})
}

// buildSections makes one section per heading (levels 1–9); the body is the
// paragraphs up to the next heading of any level.
func buildSections(t *document.Tree, a *artifact.Artifact) {
	// The kind's heading vocabulary sets sections[].canonical
	// (Registration.WithSections: the narrative kinds).
	reg, _ := lookup(a.Kind)
	tab := reg.sections
	var cur *artifact.Section
	var body []string
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = strings.Join(body, "\n")
		cur.WordCount = vocab.Words(cur.Text)
		a.Sections = append(a.Sections, *cur)
		cur, body = nil, nil
	}
	for _, b := range t.Blocks {
		switch b.Kind {
		case document.BlockHeading:
			if b.Level == 0 {
				continue
			}
			flush()
			cur = &artifact.Section{
				ID: fmt.Sprintf("s%d", len(a.Sections)+1), Level: b.Level, Number: b.Number,
				Heading: strings.TrimSpace(b.Text), TableIDs: []string{}, Loc: b.Loc,
			}
			if tab != nil {
				if k, ok := tab.Match(b.Text); ok {
					cur.Canonical = k
				}
			}
		case document.BlockParagraph:
			if cur != nil && strings.TrimSpace(b.Text) != "" {
				body = append(body, strings.TrimSpace(b.Text))
			}
		case document.BlockTable:
			if cur != nil {
				cur.TableIDs = append(cur.TableIDs, fmt.Sprintf("t%d", b.Loc.Table))
			}
		}
	}
	flush()
}

// sectionOfTable finds the section whose table_ids hold id.
func sectionOfTable(a *artifact.Artifact, id string) string {
	for _, s := range a.Sections {
		for _, t := range s.TableIDs {
			if t == id {
				return s.ID
			}
		}
	}
	return ""
}

// genericTableRows bounds the table rows a generic artifact keeps. A
// document of unknown kind is checked only by the generic rules, which do
// not read its tables; copying a 200,000-row sheet into the artifact (and
// from there into the schema check and the rules' input) would cost more
// than all the rest of the check. The rows left out are counted in a
// TABLE_ROWS_CAPPED diagnostic.
const genericTableRows = 10_000

// buildTables copies document tables and sheet data regions into the
// envelope with a generic header guess; payload normalizers map columns.
func buildTables(t *doc, a *artifact.Artifact) {
	budget := -1 // no cap
	if a.Kind == "generic" {
		budget = genericTableRows
	}
	for _, g := range t.grids {
		hi := firstTextRow(g)
		if hi < 0 {
			continue
		}
		h := g.rows[hi]
		tb := artifact.Table{
			Sheet: g.sheet, Header: []string{}, HeaderRow: h.num, Columns: map[string]string{},
			Rows: []artifact.TableRow{}, Shape: "grid", Loc: g.loc(t.Path, h, -1),
		}
		if g.table > 0 {
			tb.ID = fmt.Sprintf("t%d", g.table)
			tb.SectionID = sectionOfTable(a, tb.ID)
		} else {
			tb.ID = fmt.Sprintf("t%d", len(a.Tables)+1)
		}
		for _, c := range h.cells {
			tb.Header = append(tb.Header, strings.TrimSpace(c.Text))
		}
		rows, total := dataRowsUpTo(g, hi, budget)
		if total > len(rows) {
			diag(a, "info", "TABLE_ROWS_CAPPED", tb.Loc,
				"table %s has %d data rows; the first %d are kept (a generic artifact keeps at most %d table rows in all)",
				tb.ID, total, len(rows), genericTableRows)
		}
		if budget >= 0 {
			budget -= len(rows)
		}
		tb.Rows = make([]artifact.TableRow, 0, len(rows))
		for _, r := range rows {
			row := artifact.TableRow{Cells: make([]string, len(r.cells)), Loc: g.loc(t.Path, r, -1)}
			for i, c := range r.cells {
				row.Cells[i] = strings.TrimSpace(c.Text)
			}
			tb.Rows = append(tb.Rows, row)
		}
		if len(tb.Header) == 2 && g.sheet == "" {
			tb.Shape = "keyvalue"
		}
		a.Tables = append(a.Tables, tb)
	}
}

// title per MODEL.md §2.1: what the classifier takes for the title (the
// document's own title line, heading or cover), else a cover sheet's
// first text, else the first sheet's name. A document that states no
// title has none: a section heading further down is not its title.
func title(t *document.Tree) string {
	if s := classify.Title(t); s != "" {
		return s
	}
	for _, b := range t.Blocks {
		if b.Kind == document.BlockHeading && b.Level == 0 && strings.TrimSpace(b.Text) != "" {
			return strings.TrimSpace(b.Text)
		}
	}
	for _, s := range t.Sheets {
		if document.SkipSheet(s.Name) && strings.EqualFold(strings.TrimSpace(s.Name), "cover") {
			for _, r := range s.Rows {
				for _, c := range r.Cells {
					if strings.TrimSpace(c.Text) != "" {
						return strings.TrimSpace(c.Text)
					}
				}
			}
		}
	}
	if len(t.Sheets) > 0 {
		return t.Sheets[0].Name
	}
	return ""
}

func readProperties(t *document.Tree, a *artifact.Artifact) {
	p := t.Properties
	m := &a.Metadata
	m.Author, m.LastModifiedBy, m.Created, m.Modified = p.Creator, p.LastModifiedBy, p.Created, p.Modified
	if len(p.Custom) > 0 {
		m.CustomProperties = p.Custom
		if v := p.Custom["Program"]; v != "" {
			a.Program = v
		}
	}
	m.HasTrackedChange = t.TrackedChanges > 0
	m.OpenComments = len(t.Comments)
}

// readFrontMatter takes Markdown front matter keys of the envelope.
func readFrontMatter(t *document.Tree, a *artifact.Artifact) {
	fm := t.FrontMatter
	if fm == nil {
		return
	}
	str := func(k string) string {
		switch v := fm[k].(type) {
		case string:
			return strings.TrimSpace(v)
		case int, int64, float64:
			return fmt.Sprint(v)
		}
		return ""
	}
	if v := str("program"); v != "" {
		a.Program = v
	}
	if v := str("version"); v != "" {
		a.Metadata.Version = v
	}
	if v := str("status"); v != "" {
		a.Metadata.Status = strings.ToLower(v)
		a.Metadata.StatusEvidence = "front matter"
	}
	if d, ok := parseDate(str("date")); ok {
		a.Metadata.DocumentDate = &d
	}
	if list, ok := fm["approvals"].([]any); ok {
		for i, it := range list {
			m, ok := it.(map[string]any)
			if !ok {
				continue
			}
			get := func(k string) string { s, _ := m[k].(string); return strings.TrimSpace(s) }
			ap := artifact.Approval{Name: get("name"), Title: get("title"), Evidence: "front_matter",
				Loc: document.Loc{Path: t.Path, Pointer: fmt.Sprintf("/approvals/%d", i)}}
			ap.Role, ap.RoleRaw = roleOf(get("role"), ap.Title), get("role")
			ap.Party = approverParty(get("role"), ap.Title)
			if p := strings.ToLower(get("party")); p == "customer" || p == "provider" {
				ap.Party = p
			}
			ap.DateRaw = get("date")
			if d, ok := parseDate(ap.DateRaw); ok {
				ap.Date = &d
			}
			dec := strings.ToLower(get("decision"))
			if dec == "" && ap.Date != nil {
				dec = "approved"
			}
			if dec != "" {
				ap.Decision = &dec
			}
			ap.Signed, _ = m["signed"].(bool)
			a.Metadata.Approvals = append(a.Metadata.Approvals, ap)
		}
		found(a, "metadata.approvals")
	}
}

// memoText is the length from which a cell's text is scanned once per
// distinct text: shorter texts are cheaper to scan than to remember (a
// 200,000-row sheet has 800,000 of them).
const memoText = 256

// scanPlaceholders looks for template residue everywhere a reader sees text
// (MODEL.md §2.1): body, tables, headers/footers, content controls still
// showing their prompt, and sheet cells that are not formulas.
func scanPlaceholders(t *document.Tree, a *artifact.Artifact) {
	add := func(text string, loc document.Loc) {
		a.Metadata.Placeholders = append(a.Metadata.Placeholders, findPlaceholders(text, loc)...)
	}
	for _, b := range t.Blocks {
		switch b.Kind {
		case document.BlockTable:
			if b.Table == nil {
				continue
			}
			for _, r := range b.Table.Rows {
				for _, c := range r {
					if !c.Merged {
						add(c.Text, c.At())
					}
				}
			}
		default:
			add(b.Text, b.Loc)
		}
	}
	for i, hf := range t.HeaderFooter {
		add(hf, document.Loc{Path: t.Path, Section: fmt.Sprintf("header/footer %d", i+1)})
	}
	for _, c := range t.ContentControls {
		if c.Placeholder && strings.TrimSpace(c.Text) != "" {
			a.Metadata.Placeholders = append(a.Metadata.Placeholders, artifact.Placeholder{Text: strings.TrimSpace(c.Text), Pattern: "content_control", Loc: c.Loc})
		}
	}
	// A workbook repeats its shared strings in many cells: each distinct
	// text is scanned once (a 1 MiB string in a thousand cells would
	// otherwise be a thousand scans).
	seen := map[string][]artifact.Placeholder{}
	for _, s := range t.Sheets {
		if s.Hidden || s.VeryHidden || document.SkipSheet(s.Name) && !strings.EqualFold(strings.TrimSpace(s.Name), "cover") {
			continue
		}
		for ri := range s.Rows {
			r := &s.Rows[ri]
			for i := range r.Cells {
				c := &r.Cells[i]
				if c.Formula || c.Merged {
					continue
				}
				var found []artifact.Placeholder
				if len(c.Text) < memoText {
					found = findPlaceholders(c.Text, document.Loc{})
				} else if f, ok := seen[c.Text]; ok {
					found = f
				} else {
					found = findPlaceholders(c.Text, document.Loc{})
					seen[c.Text] = found
				}
				// The address is only made for a cell that holds a
				// placeholder: most cells of a large sheet do not.
				for _, p := range found {
					p.Loc = document.CellLoc(t.Path, &s, r, i)
					a.Metadata.Placeholders = append(a.Metadata.Placeholders, p)
				}
			}
		}
	}
	// Keep the list bounded: a template can repeat one prompt thousands of
	// times; rules need the places, reviewers need the first ones.
	if len(a.Metadata.Placeholders) > 500 {
		diag(a, "info", "PLACEHOLDERS_TRUNCATED", document.Loc{Path: t.Path}, "%d placeholders found; the first 500 are listed", len(a.Metadata.Placeholders))
		a.Metadata.Placeholders = a.Metadata.Placeholders[:500]
	}
}

// readRevisionHistory takes the first table whose header is a revision
// history (MODEL.md §4.9): a date and a version or description column
// ("Date | Developer(s) | Change", "Version # | Implemented By | Revision
// Date | Approved By | Approval Date | Reason"). A change-control log (a CR
// number column, or under a change log heading) is not a revision
// history. Approvals a revision table records (Approved By, Approval Date)
// are approvals of the document. Without such a table, a list under a
// "Version History" heading ("Version 0.1.0 [Sections 1-5] Preliminary
// Document", its date and authors in sub-items) is read.
func readRevisionHistory(t *doc, a *artifact.Artifact) {
	for _, g := range t.grids {
		h, ok := findHeader(g, &vocab.RevisionColumns, 2)
		if !ok {
			continue
		}
		if _, v := h.cols["version"]; !v {
			if _, d := h.cols["description"]; !d {
				continue
			}
		}
		if _, d := h.cols["date"]; !d {
			continue
		}
		if changeLogTable(g, h) || len(headerTexts(g, h)) > 7 {
			continue // a change log, or a register with dates (a risk log), not a revision history
		}
		if _, register := findHeader(g, &vocab.RiskColumns, 4); register {
			continue
		}
		approvedBy, approvalDate := approvalColumns(g, h)
		for _, r := range dataRows(g, h.idx) {
			rev := artifact.Revision{
				Version:     colText(r, h, "version"),
				DateRaw:     colText(r, h, "date"),
				Author:      colText(r, h, "author"),
				Description: colText(r, h, "description"),
				Loc:         g.loc(t.Path, r, -1),
			}
			if i, ok := h.cols["date"]; ok {
				rev.Date = datePtr(r.cell(i))
			}
			if rev.Version == "" && rev.DateRaw == "" && rev.Author == "" && rev.Description == "" {
				continue
			}
			a.Metadata.RevisionHistory = append(a.Metadata.RevisionHistory, rev)
			if approvedBy >= 0 {
				if name := r.text(approvedBy); name != "" && looksLikeName(name) {
					ap := artifact.Approval{Name: name, Role: "other", Evidence: "revision_history", Loc: rev.Loc}
					if approvalDate >= 0 {
						ap.DateRaw = r.text(approvalDate)
						ap.Date = datePtr(r.cell(approvalDate))
					}
					ap.Role, ap.RoleRaw = roleOf("", ""), ""
					ap.Signed = ap.Date != nil
					dec := "approved"
					if ap.Date == nil {
						dec = "pending"
					}
					ap.Decision = &dec
					a.Metadata.Approvals = append(a.Metadata.Approvals, ap)
				}
			}
		}
		found(a, "metadata.revision_history")
		evidence(a, "metadata.revision_history", "table "+strings.Join(headerTexts(g, h), " | "), g.loc(t.Path, g.rows[h.idx], -1), true)
		return
	}
	if revisionList(t, a) {
		found(a, "metadata.revision_history")
	}
}

// changeLogTable: the table logs change requests (a CR number column, or
// it sits under a change log heading), not the document's revisions.
func changeLogTable(g grid, h header) bool {
	for _, c := range g.rows[h.idx].cells {
		if k, ok := vocab.ChangeLogColumns.Exact(c.Text); ok && k == "id" {
			return true
		}
	}
	_, isLog := vocab.ChangeLogSections.Match(g.section)
	return isLog
}

// approvalColumns finds "Approved By" and "Approval Date" columns in a
// revision table's header (-1 when absent).
func approvalColumns(g grid, h header) (by, date int) {
	by, date = -1, -1
	for j, c := range g.rows[h.idx].cells {
		switch vocab.Normalize(c.Text) {
		case "approved by", "approver", "approved":
			by = j
		case "approval date", "date approved", "approved on":
			date = j
		}
	}
	return by, date
}

func headerTexts(g grid, h header) []string {
	var out []string
	for _, c := range g.rows[h.idx].cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			out = append(out, t)
		}
	}
	return out
}

var versionItem = regexp.MustCompile(`(?i)^\s*(?:version|v|rev(?:ision)?)\.?\s*([0-9]+(?:\.[0-9]+)*[a-z]?)\b\s*(.*)$`)

// revisionList reads a version history written as a list under its own
// heading: each top-level "Version x.y …" item is a revision, its nested
// items give the date and the authors.
func revisionList(t *doc, a *artifact.Artifact) bool {
	in := false
	var cur *artifact.Revision
	flush := func() {
		if cur != nil {
			a.Metadata.RevisionHistory = append(a.Metadata.RevisionHistory, *cur)
			cur = nil
		}
	}
	for _, b := range t.Blocks {
		if b.Kind == document.BlockHeading {
			if in {
				break
			}
			_, in = vocab.RevisionSections.Match(b.Text)
			continue
		}
		if !in || b.Kind != document.BlockParagraph || !b.List {
			continue
		}
		text := strings.TrimSpace(b.Text)
		if m := versionItem.FindStringSubmatch(text); m != nil && b.ListLevel == 0 {
			flush()
			cur = &artifact.Revision{Version: m[1], Description: strings.TrimSpace(m[2]), Loc: b.Loc}
			continue
		}
		if cur == nil {
			continue
		}
		switch {
		case cur.DateRaw == "" && partialDate.MatchString(text):
			cur.DateRaw = text
			if d, ok := dateIn(text); ok {
				cur.Date = &d
			}
		case cur.Author == "":
			cur.Author = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(text, "Members -"), "Members:"))
		}
	}
	flush()
	if len(a.Metadata.RevisionHistory) > 0 {
		evidence(a, "metadata.revision_history", "version list", a.Metadata.RevisionHistory[0].Loc, true)
		return true
	}
	return false
}

// partialDate is a date, possibly without its year ("May 27th", "June 1st").
var partialDate = regexp.MustCompile(`(?i)^\s*(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2})\s*$`)

func colText(r gridRow, h header, key string) string {
	if i, ok := h.cols[key]; ok {
		return r.text(i)
	}
	return ""
}

// readApprovals reads signature/approval tables: a table with a name column
// and a signature or date column, under an approvals heading or with a
// signature column (MODEL.md §2.1 (a)); and content controls tagged as
// approver fields (e).
func readApprovals(t *doc, a *artifact.Artifact) {
	readApprovalLines(t, a)
	for _, g := range t.grids {
		h, ok := findHeader(g, &vocab.ApprovalColumns, 2)
		if !ok {
			continue
		}
		_, hasName := h.cols["name"]
		_, hasSig := h.cols["signature"]
		_, hasDate := h.cols["date"]
		_, underHeading := vocab.ApprovalSections.Match(g.section)
		if !hasName || !(hasSig || (hasDate && underHeading)) {
			continue
		}
		for _, r := range dataRows(g, h.idx) {
			name := colText(r, h, "name")
			if name == "" || len(findPlaceholders(name, document.Loc{})) > 0 {
				continue
			}
			ap := artifact.Approval{Name: name, Title: colText(r, h, "title"), Evidence: "signature_table", Loc: g.loc(t.Path, r, -1)}
			ap.Role, ap.RoleRaw = roleOf(colText(r, h, "role"), ap.Title), colText(r, h, "role")
			ap.Party = approverParty(colText(r, h, "role"), ap.Title)
			ap.DateRaw = colText(r, h, "date")
			if i, ok := h.cols["date"]; ok {
				ap.Date = datePtr(r.cell(i))
			}
			sig := colText(r, h, "signature")
			ap.Signed = sig != "" && !strings.Contains(sig, "___") && len(findPlaceholders(sig, document.Loc{})) == 0
			if !hasSig {
				ap.Signed = ap.Date != nil
			}
			dec := strings.ToLower(colText(r, h, "decision"))
			switch {
			case strings.Contains(dec, "not"):
				dec = "not_accepted"
			case strings.Contains(dec, "pending") || strings.Contains(dec, "changes"):
				dec = "accepted_with_changes"
			case dec != "":
				dec = "approved"
			case ap.Signed && ap.Date != nil:
				dec = "approved"
			default:
				dec = "pending"
			}
			ap.Decision = &dec
			a.Metadata.Approvals = append(a.Metadata.Approvals, ap)
		}
		found(a, "metadata.approvals")
	}
}

// roleOf normalizes an approver's role from the role column, else the title.
func roleOf(role, title string) string {
	for _, s := range []string{role, title} {
		if k, ok := vocab.Roles.Match(s); ok {
			return k
		}
	}
	return "other"
}

// approverParty says whether an approver signs for the customer or the
// provider, when the role or title says so ("Provider Program Manager",
// "Program Manager (Customer)"); "" when neither does.
func approverParty(role, title string) string {
	for _, s := range []string{role, title} {
		l := strings.ToLower(s)
		switch {
		case strings.Contains(l, "provider"):
			return "provider"
		case strings.Contains(l, "customer"):
			return "customer"
		}
	}
	return ""
}

var versionLine = regexp.MustCompile(`(?i)^\s*version\s*:?\s*v?(\d+(\.\d+)*)\b`)

// versionAnywhere is a version named in a short line: "Template version
// 1.0 — …", "Document Version: V0.0.1", "Rev. 2.1".
var versionAnywhere = regexp.MustCompile(`(?i)^\W*(?:(?:document|template|doc|plan|report|charter)\s+)?(?:version|ver\.)\s*(?:no\.?|number|#)?\s*:?\s*v?(\d+(?:\.\d+)+|\d+)\b`)

// readVersionAndDate: cover "Version x.y" line, else the package version
// property, else the newest revision; the document date from a cover line
// that is a date, else the newest revision date.
func readVersionAndDate(t *document.Tree, a *artifact.Artifact) {
	m := &a.Metadata
	headings := 0
	for i, b := range t.Blocks {
		// The cover: up to the second heading (the first is often the
		// title: "# Title" then "### Version 1.7").
		if b.Kind == document.BlockHeading && b.Level > 0 {
			headings++
		}
		if i > 40 || headings > 1 && !(b.Kind == document.BlockHeading && i < 3) {
			break
		}
		if b.Kind != document.BlockParagraph && b.Kind != document.BlockHeading {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			if v := versionLine.FindStringSubmatch(line); v != nil && m.Version == "" {
				m.Version = v[1]
				evidence(a, "metadata.version", line, b.Loc, true)
			}
			if d, ok := parseDate(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "Date:"))); ok && m.DocumentDate == nil {
				m.DocumentDate = &d
			}
		}
	}
	if m.Version == "" {
		for _, hf := range t.HeaderFooter {
			for _, line := range strings.Split(hf, "\n") {
				if v := versionLine.FindStringSubmatch(line); v != nil {
					m.Version = v[1]
					break
				}
			}
		}
	}
	if m.Version == "" {
		m.Version = t.Properties.Version
	}
	if n := len(m.RevisionHistory); n > 0 {
		revs := append([]artifact.Revision(nil), m.RevisionHistory...)
		sort.SliceStable(revs, func(i, j int) bool { return deref(revs[i].Date) < deref(revs[j].Date) })
		last := revs[len(revs)-1]
		if m.Version == "" {
			m.Version = last.Version
		}
		if m.DocumentDate == nil && last.Date != nil {
			d := *last.Date
			m.DocumentDate = &d
		}
	}
	if m.Version == "" {
		// A version stated in a short line anywhere: a footer line typed
		// in the body, a "Version:" label.
		for _, b := range t.Blocks {
			if b.Kind != document.BlockParagraph && b.Kind != document.BlockHeading {
				continue
			}
			for _, line := range strings.Split(b.Text, "\n") {
				if vocab.Words(line) > 12 {
					continue
				}
				if v := versionAnywhere.FindStringSubmatch(line); v != nil {
					m.Version = v[1]
					evidence(a, "metadata.version", line, b.Loc, true)
					break
				}
			}
			if m.Version != "" {
				break
			}
		}
	}
	if m.Version != "" {
		found(a, "metadata.version")
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

var draftWord = regexp.MustCompile(`\bDRAFT\b`)

// decideStatus per MODEL.md §2.1: front matter or contentStatus, a DRAFT
// marking, then signed approvals.
func decideStatus(t *document.Tree, a *artifact.Artifact) {
	m := &a.Metadata
	if m.StatusEvidence != "" {
		return
	}
	if cs := strings.ToLower(strings.TrimSpace(t.Properties.ContentStatus)); cs != "" {
		for _, s := range []string{"draft", "final", "approved", "baselined"} {
			if strings.Contains(cs, s) {
				m.Status, m.StatusEvidence = s, "content status property"
				return
			}
		}
	}
	marks := append([]string{a.Title}, t.HeaderFooter...)
	for _, s := range marks {
		if draftWord.MatchString(s) {
			m.Status, m.StatusEvidence = "draft", "DRAFT marking in title or header/footer"
			return
		}
	}
	for _, ap := range m.Approvals {
		if ap.Decision != nil && (*ap.Decision == "approved" || *ap.Decision == "accepted") && ap.Date != nil {
			m.Status, m.StatusEvidence = "approved", "approval recorded by "+ap.Name
			return
		}
	}
}

// readPeople lists the people the document names in a role: the facts
// layer's, then approvers not already listed.
func readPeople(t *doc, a *artifact.Artifact) {
	people := append([]artifact.NamedPerson{}, t.facts.people...)
	for _, ap := range a.Metadata.Approvals {
		dup := false
		for _, p := range people {
			if strings.EqualFold(p.Name, ap.Name) {
				dup = true
				break
			}
		}
		if !dup && ap.Name != "" {
			people = append(people, artifact.NamedPerson{Name: ap.Name, Role: ap.Role, RoleRaw: firstNonEmpty(ap.RoleRaw, ap.Title), Loc: ap.Loc})
		}
	}
	a.Metadata.People = people
	found(a, "metadata.people")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// readApprovalLines reads approval blocks written one field per line under
// an approvals heading, as Markdown documents write them:
//
//	Approved by: Jane Doe
//	Role: Project Sponsor
//	Signature: /s/ Jane Doe
//	Date: 2024-03-01
//
// A field that repeats starts the next approver's block.
func readApprovalLines(t *doc, a *artifact.Artifact) {
	in := false
	var cur map[string]string
	var curLoc document.Loc
	flush := func() {
		defer func() { cur = nil }()
		if cur == nil {
			return
		}
		name := cur["name"]
		sig := cur["signature"]
		if name == "" && sig != "" && !signedMark.MatchString(sig) {
			name = sig // "Signature: Jane Doe" names the signer
		}
		if name == "" || !looksLikeName(strings.TrimPrefix(strings.TrimSpace(name), "/s/ ")) {
			return
		}
		ap := artifact.Approval{Name: strings.TrimSpace(strings.TrimPrefix(name, "/s/")), Title: cur["title"], Evidence: "approval_lines", Loc: curLoc}
		ap.Role, ap.RoleRaw = roleOf(cur["role"], ap.Title), cur["role"]
		ap.Party = approverParty(cur["role"], ap.Title)
		ap.DateRaw = cur["date"]
		if d, ok := parseDate(ap.DateRaw); ok {
			ap.Date = &d
		} else if d, ok := dateIn(ap.DateRaw); ok {
			ap.Date = &d
		}
		ap.Signed = sig != "" && !strings.Contains(sig, "___") && !prompt(sig)
		dec := "pending"
		if ap.Signed && ap.Date != nil || ap.Date != nil && sig == "" {
			dec = "approved"
		}
		ap.Decision = &dec
		a.Metadata.Approvals = append(a.Metadata.Approvals, ap)
		found(a, "metadata.approvals")
	}
	for _, b := range t.Blocks {
		switch b.Kind {
		case document.BlockHeading:
			flush()
			_, in = vocab.ApprovalSections.Match(b.Text)
			continue
		case document.BlockParagraph:
		default:
			continue
		}
		if !in {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			label, value, ok := splitLabel(line)
			if !ok {
				continue
			}
			k, known := vocab.ApprovalColumns.Exact(label)
			if !known {
				if r, isRole := vocab.PeopleRoles.Exact(label); isRole && value != "" {
					// "Project Sponsor: Jane Doe" inside the block.
					flush()
					cur = map[string]string{"name": value, "role": label}
					curLoc = b.Loc
					_ = r
				}
				continue
			}
			if cur != nil && cur[k] != "" {
				flush()
			}
			if cur == nil {
				cur = map[string]string{}
				curLoc = b.Loc
			}
			cur[k] = strings.TrimSpace(value)
		}
	}
	flush()
}

// signedMark is a signature field that says it was signed ("/s/ Jane
// Doe", "Signed", "✓", "Digitally signed") rather than naming the signer.
var signedMark = regexp.MustCompile(`(?i)^/s/|signed|^[✓✔x]$|digitally signed`)
