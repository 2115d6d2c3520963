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

// sectionVocab is the heading vocabulary that sets sections[].canonical
// for each narrative kind.
var sectionVocab = map[string]*vocab.Table{
	"charter":  &vocab.CharterSections,
	"pmp":      &vocab.PMPPlans,
	"ivv_plan": &vocab.IVVSections,
}

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
		},
		Sections:    []artifact.Section{},
		Tables:      []artifact.Table{},
		Diagnostics: []artifact.Diagnostic{},
		FieldsFound: []string{},
	}
	buildSections(t.Tree, a)
	buildTables(t, a)
	a.Title = title(t.Tree)
	readProperties(t.Tree, a)
	readFrontMatter(t.Tree, a)
	scanPlaceholders(t.Tree, a)
	readRevisionHistory(t, a)
	readApprovals(t, a)
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
	tab := sectionVocab[a.Kind]
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

// title per MODEL.md §2.1.
func title(t *document.Tree) string {
	if v, ok := t.FrontMatter["title"].(string); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	if s := strings.TrimSpace(t.Properties.Title); s != "" {
		return s
	}
	for _, b := range t.Blocks {
		if b.Kind == document.BlockHeading && b.Level == 0 && strings.TrimSpace(b.Text) != "" {
			return strings.TrimSpace(b.Text)
		}
	}
	for _, b := range t.Blocks {
		if b.Kind == document.BlockHeading && strings.TrimSpace(b.Text) != "" {
			return strings.TrimSpace(b.Text)
		}
	}
	for _, s := range t.Sheets {
		if classify.SkipSheet(s.Name) && strings.EqualFold(strings.TrimSpace(s.Name), "cover") {
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
	for _, s := range t.Sheets {
		if s.Hidden || s.VeryHidden || classify.SkipSheet(s.Name) && !strings.EqualFold(strings.TrimSpace(s.Name), "cover") {
			continue
		}
		for ri := range s.Rows {
			r := &s.Rows[ri]
			for i := range r.Cells {
				// The address is only made for a cell that may hold a
				// placeholder: most cells of a large sheet do not.
				if c := &r.Cells[i]; !c.Formula && !c.Merged && mayHavePlaceholder(c.Text) {
					add(c.Text, document.CellLoc(t.Path, &s, r, i))
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
// history (MODEL.md §4.9).
func readRevisionHistory(t *doc, a *artifact.Artifact) {
	for _, g := range t.grids {
		h, ok := findHeader(g, &vocab.RevisionColumns, 3)
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
		}
		found(a, "metadata.revision_history")
		return
	}
}

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

// readVersionAndDate: cover "Version x.y" line, else the package version
// property, else the newest revision; the document date from a cover line
// that is a date, else the newest revision date.
func readVersionAndDate(t *document.Tree, a *artifact.Artifact) {
	m := &a.Metadata
	for i, b := range t.Blocks {
		if i > 40 || b.Kind == document.BlockHeading && b.Level > 0 {
			break
		}
		if b.Kind != document.BlockParagraph && b.Kind != document.BlockHeading {
			continue
		}
		if v := versionLine.FindStringSubmatch(b.Text); v != nil && m.Version == "" {
			m.Version = v[1]
		}
		if d, ok := parseDate(b.Text); ok && m.DocumentDate == nil {
			m.DocumentDate = &d
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
