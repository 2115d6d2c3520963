package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

const corpus = "../../../testdata/corpus"

func readCorpus(t testing.TB, rel string) (*document.Tree, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, rel))
	if err != nil {
		t.Fatal(err)
	}
	return Read(context.Background(), bytes.NewReader(data), int64(len(data)), rel, limits.Default())
}

func mustRead(t *testing.T, rel string) *document.Tree {
	t.Helper()
	tree, err := readCorpus(t, rel)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return tree
}

func wantFault(t *testing.T, err error, rule, contains string) *document.Fault {
	t.Helper()
	var f *document.Fault
	if !errors.As(err, &f) {
		t.Fatalf("error = %v (%T), want a *document.Fault %s", err, err, rule)
	}
	if f.Rule != rule || !strings.Contains(f.Message, contains) {
		t.Fatalf("fault = %s: %q, want %s containing %q", f.Rule, f.Message, rule, contains)
	}
	return f
}

func blocksOf(tree *document.Tree, kind document.BlockKind) []document.Block {
	var out []document.Block
	for _, b := range tree.Blocks {
		if b.Kind == kind {
			out = append(out, b)
		}
	}
	return out
}

func rowTexts(row []document.Cell) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = c.Text
	}
	return out
}

func equal(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// headingList renders headings as "level|number|text" for comparison.
func headingList(tree *document.Tree) []string {
	var out []string
	for _, b := range blocksOf(tree, document.BlockHeading) {
		out = append(out, strings.Join([]string{string(rune('0' + b.Level)), b.Number, b.Text}, "|"))
	}
	return out
}

var corpusDocx = []string{
	"gsa/M3-Playbook-Change-Request-Form-Template.docx",
	"gsa/M3-Playbook-Governance-Plan-Template.docx",
	"gsa/M3-Playbook-Resource-Management-Plan-Template.docx",
	"gsa/M3-Playbook-Risk-Management-Plan-Template.docx",
	"18f/QASP.docx",
	"packt-tpm2e/Status Report.docx",
	"robust/doc-no-coreprops.docx",
	"robust/document__bug56075-changeTracking_on.docx",
	"robust/document__comment.docx",
}

func TestCorpusReadsCleanly(t *testing.T) {
	for _, rel := range corpusDocx {
		tree := mustRead(t, rel)
		if tree.Format != document.FormatDocx || tree.Path != rel {
			t.Errorf("%s: format %q path %q", rel, tree.Format, tree.Path)
		}
		if len(tree.Faults) != 0 {
			t.Errorf("%s: faults %v", rel, tree.Faults)
		}
		for _, b := range tree.Blocks {
			if b.Loc.Path != rel || (b.Loc.Paragraph == 0 && b.Loc.Table == 0) {
				t.Errorf("%s: block %q has loc %+v", rel, b.Text, b.Loc)
			}
			if b.Kind == document.BlockTable {
				for _, row := range b.Table.Rows {
					if len(row) != len(b.Table.Rows[0]) {
						t.Errorf("%s: table %d is not a grid", rel, b.Loc.Table)
					}
				}
			}
		}
	}
}

func TestGovernancePlan(t *testing.T) {
	tree := mustRead(t, "gsa/M3-Playbook-Governance-Plan-Template.docx")
	want := []string{
		"0||Governance plan", "1||Contents", "1|1|Purpose", "1|2|Business Need/Background",
		"1|3|Governance Body (Or Bodies)", "2|3.1|Purpose", "2|3.2|Composition",
		"2|3.3|Roles and Responsibilities", "2|3.4|Operations",
		"3|3.4.1|Decision Rights and Escalation Criteria", "3|3.4.2|Voting Mechanisms",
		"3|3.4.3|Communications", "1||Appendix A: Key References", "1||Appendix B: Key Terms",
	}
	if got := headingList(tree); !equal(got, want) {
		t.Errorf("headings:\n got %q\nwant %q", got, want)
	}
	tables := blocksOf(tree, document.BlockTable)
	if len(tables) != 4 {
		t.Fatalf("tables = %d, want 4", len(tables))
	}
	history := tables[0].Table
	if got := rowTexts(history.Rows[0]); !equal(got, []string{"Release No.", "Date", "Author", "Revision Description"}) {
		t.Errorf("document history header = %q", got)
	}
	if len(history.Rows) != 8 || history.Rows[1][0].Text != "1.0" || history.Rows[1][3].Text != "Initial Draft Version" {
		t.Errorf("document history rows = %d, first %q", len(history.Rows), rowTexts(history.Rows[1]))
	}
	comp := tables[1]
	if got := rowTexts(comp.Table.Rows[0]); !equal(got, []string{"Title and Office Represented", "Voting Member (Yes or No)"}) {
		t.Errorf("composition header = %q", got)
	}
	if comp.Loc.Section != "3.2 Composition" || comp.Loc.Table != 2 {
		t.Errorf("composition table loc = %+v", comp.Loc)
	}
	if c := comp.Table.Rows[1][1]; c.Loc.Table != 2 || c.Loc.Row != 2 || c.Loc.Column != 2 || c.Loc.Section != "3.2 Composition" {
		t.Errorf("cell loc = %+v", c.Loc)
	}
	if !equal(tree.HeaderFooter, []string{"Governance Plan", "Version 1.0  Day, Month, Year\t\tPage 5"}) {
		t.Errorf("header/footer = %q", tree.HeaderFooter)
	}
	if tree.Properties.Creator != "Edwards, Alison" || tree.Properties.Modified != "2021-06-09T13:58:00Z" {
		t.Errorf("properties = %+v", tree.Properties)
	}
	// The table of contents is the template's one content control.
	if len(tree.ContentControls) != 1 || !strings.HasPrefix(tree.ContentControls[0].Text, "Contents") {
		t.Errorf("content controls = %+v", tree.ContentControls)
	}
	var sig int
	for _, b := range blocksOf(tree, document.BlockParagraph) {
		if b.Text == "<<Insert Name>>\t\t<<Insert Date>>" {
			sig++
		}
	}
	if sig != 2 {
		t.Errorf("signature placeholder lines = %d, want 2", sig)
	}
}

func TestRiskManagementPlanNumbersHeadingsFromStyles(t *testing.T) {
	tree := mustRead(t, "gsa/M3-Playbook-Risk-Management-Plan-Template.docx")
	var numbered []string
	for _, b := range blocksOf(tree, document.BlockHeading) {
		if b.Number != "" {
			numbered = append(numbered, b.Number+" "+b.Text)
		}
	}
	want := []string{
		"1 Program Introduction", "2 Risk Management Plan", "2.1 Overall Risk and Issue Management Process",
		"2.2 Roles and Responsibilities", "2.3 Risk and Issue Identification, Assessment, and Response/Resolution",
		"2.3.1 Identification and Assessment", "2.4 Risk and Issue Monitoring and Reporting",
		"2.4.1 Monitoring and Reporting", "2.4.2 Leadership and Oversight Reporting",
		"3 Tools and Practice", "4 Closing a Risk or Issue",
	}
	if !equal(numbered, want) {
		t.Errorf("numbered headings:\n got %q\nwant %q", numbered, want)
	}
	// Body text under a heading carries its section; bullet scales are lists.
	var probability []document.Block
	for _, b := range tree.Blocks {
		if strings.Contains(b.Text, "chance of occurrence") {
			probability = append(probability, b)
		}
	}
	if len(probability) != 5 {
		t.Fatalf("probability scale items = %d, want 5", len(probability))
	}
	for _, b := range probability {
		if !b.List || b.Style != "Bulleted List" || b.Loc.Section != "2.3.1 Identification and Assessment" {
			t.Errorf("scale item %q: list=%v style=%q section=%q", b.Text, b.List, b.Style, b.Loc.Section)
		}
	}
	// Appendix B field tables: band rows span both columns.
	tables := blocksOf(tree, document.BlockTable)
	if len(tables) != 8 {
		t.Fatalf("tables = %d, want 8", len(tables))
	}
	fields := tables[4].Table
	if len(fields.Rows) != 29 || fields.HeaderRows != 1 || !equal(rowTexts(fields.Rows[0]), []string{"Field", "Description"}) {
		t.Errorf("risk log fields table: %d rows, header rows %d, header %q", len(fields.Rows), fields.HeaderRows, rowTexts(fields.Rows[0]))
	}
	band := fields.Rows[1]
	if band[0].Text != "Summary" || band[0].Merged || band[1].Text != "Summary" || !band[1].Merged {
		t.Errorf("band row = %+v", band)
	}
}

func TestStatusReportCustomHeadingStylesAndComments(t *testing.T) {
	tree := mustRead(t, "packt-tpm2e/Status Report.docx")
	headings := blocksOf(tree, document.BlockHeading)
	if len(headings) != 7 {
		t.Fatalf("headings = %d: %q", len(headings), headingList(tree))
	}
	// "H1 - Section" is basedOn Heading1, "H2 - Heading" on Heading2.
	if h := headings[0]; h.Level != 1 || h.Style != "H1 - Section" || h.Text != "[Project Name] <Project/Program> Status: [Date of Report]" {
		t.Errorf("first heading = %+v", h)
	}
	if h := headings[1]; h.Level != 2 || h.Style != "H2 - Heading" || h.Text != "Executive Summary" {
		t.Errorf("second heading = %+v", h)
	}
	tables := blocksOf(tree, document.BlockTable)
	if len(tables) != 2 || !equal(rowTexts(tables[1].Table.Rows[0]), []string{"Id", "Risk", "Probability", "Impact", "Strategy"}) {
		t.Fatalf("risk table = %+v", tables)
	}
	if tables[1].Loc.Section != "Risk Log" {
		t.Errorf("risk table section = %q", tables[1].Loc.Section)
	}
	if len(tree.Comments) != 10 {
		t.Fatalf("comments = %d, want 10", len(tree.Comments))
	}
	c := tree.Comments[0]
	if c.Author != "Josh Teter" || c.Date != "2024-09-24T17:42:00Z" || !strings.HasPrefix(c.Text, "Make sure this is consistent with your communication plan.") {
		t.Errorf("first comment = %+v", c)
	}
	// A comment anchored in a table cell points at the cell.
	if at := tree.Comments[4].Loc; at.Table != 1 || at.Row != 1 || at.Column != 6 || at.Section != "Open Issues" {
		t.Errorf("cell comment loc = %+v (%q)", at, tree.Comments[4].Text)
	}
	if tree.Properties.Creator != "Josh Teter" || tree.Properties.Custom["ContentTypeId"] == "" {
		t.Errorf("properties = %+v", tree.Properties)
	}
}

func TestQASPTransposedTables(t *testing.T) {
	tree := mustRead(t, "18f/QASP.docx")
	tables := blocksOf(tree, document.BlockTable)
	if len(tables) < 9 {
		t.Fatalf("tables = %d, want at least 9", len(tables))
	}
	labels := []string{"Deliverable", "Performance Standard(s)", "Acceptable Quality Level", "Method of Assessment"}
	for i, tb := range tables {
		var col []string
		for _, row := range tb.Table.Rows {
			col = append(col, row[0].Text)
		}
		if !equal(col, labels) {
			t.Errorf("table %d label column = %q", i+1, col)
		}
	}
	if tables[0].Table.Rows[0][1].Text != "Tested Code" || tables[8].Table.Rows[0][1].Text != "API-driven Architecture" {
		t.Errorf("deliverables = %q, %q", tables[0].Table.Rows[0][1].Text, tables[8].Table.Rows[0][1].Text)
	}
	if tree.Properties.Creator != "" || len(tree.Notes) != 0 {
		t.Errorf("QASP has no docProps: props %+v notes %q", tree.Properties, tree.Notes)
	}
}

func TestChangeRequestFormTables(t *testing.T) {
	tree := mustRead(t, "gsa/M3-Playbook-Change-Request-Form-Template.docx")
	tables := blocksOf(tree, document.BlockTable)
	if len(tables) != 5 {
		t.Fatalf("tables = %d, want 5", len(tables))
	}
	if got := rowTexts(tables[2].Table.Rows[0]); !equal(got, []string{"CR #", "<Enter CR #>"}) {
		t.Errorf("form table first row = %q", got)
	}
	if got := tables[4].Table.Rows[0][0].Text; got != "Board Decision" {
		t.Errorf("CCB table label = %q", got)
	}
}

func TestResourcePlanBandRows(t *testing.T) {
	tree := mustRead(t, "gsa/M3-Playbook-Resource-Management-Plan-Template.docx")
	var staffing *document.Table
	for _, b := range blocksOf(tree, document.BlockTable) {
		if len(b.Table.Rows[0]) == 12 {
			staffing = b.Table
		}
	}
	if staffing == nil {
		t.Fatal("no 12-column staffing table")
	}
	band := staffing.Rows[1]
	if !strings.HasPrefix(band[1].Text, "Overall Program Le") || band[1].Merged {
		t.Fatalf("band row = %q", rowTexts(band))
	}
	for _, c := range band[2:] {
		if c.Text != band[1].Text || !c.Merged {
			t.Errorf("gridSpan copy %+v", c)
		}
	}
}

func TestRobustFiles(t *testing.T) {
	tree := mustRead(t, "robust/document__comment.docx")
	if len(tree.Comments) != 1 {
		t.Fatalf("comments = %+v", tree.Comments)
	}
	if c := tree.Comments[0]; c.Author != "Unbekannter Autor" || c.Text != "This is the first line\nThis is the second line" || c.Loc.Paragraph != 1 {
		t.Errorf("comment = %+v", c)
	}

	// POI's "changeTracking_on" switches tracking on in settings but holds
	// no w:ins/w:del yet: no revisions, one note.
	tree = mustRead(t, "robust/document__bug56075-changeTracking_on.docx")
	if tree.TrackedChanges != 0 || len(tree.Blocks) != 1 || tree.Blocks[0].Text != "Change Tracking ON" {
		t.Errorf("tracked %d, blocks %+v", tree.TrackedChanges, tree.Blocks)
	}
	if !equal(tree.Notes, []string{"change tracking is on (w:trackRevisions in settings)"}) {
		t.Errorf("notes = %q", tree.Notes)
	}

	tree = mustRead(t, "robust/doc-no-coreprops.docx")
	if len(tree.Blocks) != 0 || tree.Properties.Creator != "" {
		t.Errorf("empty body, no core props: %+v", tree)
	}

	_, err := readCorpus(t, "robust/document__truncated62886.docx")
	wantFault(t, err, document.ReadCorrupt, "not a readable zip package")
	// Encrypted OOXML is a CFB container; discover names it, this reader
	// only says it is not a zip.
	_, err = readCorpus(t, "robust/document__bug53475-password-is-pass.docx")
	wantFault(t, err, document.ReadCorrupt, "not a readable zip package")
	// An external entity declared in document.xml: refused, never expanded
	// or fetched.
	_, err = readCorpus(t, "robust/document__ExternalEntityInText.docx")
	wantFault(t, err, document.ReadCorrupt, "XML part word/document.xml declares a DTD; refused for safety")
}

func TestWorkbookIsNotAWordDocument(t *testing.T) {
	_, err := readCorpus(t, "gsa/M3-Playbook-RAID-Log-Template.xlsx")
	wantFault(t, err, document.ReadCorrupt, "not a Word document")
}

// --- synthetic documents ---

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml"`

func body(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + inner + `</w:body></w:document>`
}

// docxOf writes a minimal package: the given parts plus content types and
// package relationships when not given.
func docxOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	if _, ok := parts["_rels/.rels"]; !ok {
		parts["_rels/.rels"] = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	}
	if _, ok := parts["[Content_Types].xml"]; !ok {
		parts["[Content_Types].xml"] = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels"} {
		w, _ := zw.Create(name)
		io.WriteString(w, parts[name])
	}
	for name, content := range parts {
		if name == "[Content_Types].xml" || name == "_rels/.rels" {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readBytes(data []byte, lim limits.Limits) (*document.Tree, error) {
	return Read(context.Background(), bytes.NewReader(data), int64(len(data)), "synthetic.docx", lim)
}

func readBody(t *testing.T, inner string) *document.Tree {
	t.Helper()
	tree, err := readBytes(docxOf(t, map[string]string{"word/document.xml": body(inner)}), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestRunText(t *testing.T) {
	tree := readBody(t, ``+
		// A placeholder split across three runs, as Word saves it.
		`<w:p><w:r><w:t xml:space="preserve">Date: &lt;&lt;Insert </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Date</w:t></w:r><w:r><w:t>&gt;&gt;</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:noBreakHyphen/><w:t>D</w:t><w:br w:type="page"/><w:sym w:font="Wingdings" w:char="F0FE"/></w:r></w:p>`+
		// Tracked changes: deleted text dropped, inserted text kept; a
		// field's code dropped, its result kept.
		`<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>removed </w:delText></w:r></w:del>`+
		`<w:ins w:id="2" w:author="x"><w:r><w:t>added</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>`+
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`+
		`<w:p/>`+
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>`+
		// A text box stored twice (DrawingML choice, VML fallback).
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>`+
		`<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`+
		`<w:moveFrom w:id="3" w:author="x"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>`)
	var texts []string
	for _, b := range tree.Blocks {
		texts = append(texts, b.Text)
	}
	want := []string{"Date: <<Insert Date>>", "A\tB\nC-D☒", "Kept added7", "item", "Box"}
	if !equal(texts, want) {
		t.Fatalf("texts = %q, want %q", texts, want)
	}
	if tree.TrackedChanges != 3 {
		t.Errorf("tracked changes = %d, want 3", tree.TrackedChanges)
	}
	// The empty fourth paragraph is skipped but counted.
	if b := tree.Blocks[3]; b.Loc.Paragraph != 5 || !b.List {
		t.Errorf("list item = %+v", b)
	}
}

func TestHeadingsWithoutStylesPart(t *testing.T) {
	tree := readBody(t, ``+
		`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Project Charter</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>2.1</w:t></w:r><w:r><w:tab/><w:t>Scope</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t>In scope: payroll.</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>2024 Roadmap</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Not a heading</w:t></w:r></w:p>`)
	b := tree.Blocks
	if len(b) != 5 {
		t.Fatalf("blocks = %+v", b)
	}
	if b[0].Kind != document.BlockHeading || b[0].Level != 0 || b[0].Style != "Title" || b[0].Text != "Project Charter" || b[0].Loc.Section != "" {
		t.Errorf("title = %+v", b[0])
	}
	if b[1].Level != 2 || b[1].Number != "2.1" || b[1].Text != "Scope" || b[1].Loc.Section != "2.1 Scope" {
		t.Errorf("literal-numbered heading = %+v", b[1])
	}
	if b[2].Kind != document.BlockParagraph || b[2].Loc.Section != "2.1 Scope" || b[2].Loc.Paragraph != 3 {
		t.Errorf("body paragraph = %+v", b[2])
	}
	if b[3].Level != 3 || b[3].Number != "" || b[3].Text != "2024 Roadmap" {
		t.Errorf("outline-level heading = %+v", b[3])
	}
	if b[4].Kind != document.BlockParagraph {
		t.Errorf("outline level 9 is body text: %+v", b[4])
	}
}

func TestTableGridResolution(t *testing.T) {
	tc := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	nested := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>` + tc("", "n1") + tc("", "n2") + `</w:tr></w:tbl>`
	tree := readBody(t, `<w:p><w:r><w:t>before</w:t></w:r></w:p><w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`+
		`<w:tr><w:trPr><w:tblHeader/></w:trPr>`+tc(`<w:gridSpan w:val="2"/>`, "A")+tc("", "C")+`</w:tr>`+
		`<w:tr>`+tc(`<w:vMerge w:val="restart"/>`, "X")+`<w:tc><w:p><w:r><w:t>Y</w:t></w:r></w:p>`+nested+`</w:tc>`+tc("", "Z")+`</w:tr>`+
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`+tc(`<w:gridSpan w:val="2"/>`, "W")+`</w:tr>`+
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+tc("", "Q")+`</w:tr>`+
		`</w:tbl>`)
	tables := blocksOf(tree, document.BlockTable)
	if len(tables) != 1 {
		t.Fatalf("tables = %d (nested tables must not be blocks)", len(tables))
	}
	tb := tables[0].Table
	type cell struct {
		text   string
		merged bool
	}
	want := [][]cell{
		{{"A", false}, {"A", true}, {"C", false}},
		{{"X", false}, {"Y\nn1\tn2", false}, {"Z", false}},
		{{"X", true}, {"W", false}, {"W", true}},
		{{"", false}, {"Q", false}, {"", false}},
	}
	if len(tb.Rows) != len(want) {
		t.Fatalf("rows = %d", len(tb.Rows))
	}
	for r, row := range want {
		for c, w := range row {
			got := tb.Rows[r][c]
			if got.Text != w.text || got.Merged != w.merged {
				t.Errorf("cell r%d c%d = %q merged=%v, want %q merged=%v", r+1, c+1, got.Text, got.Merged, w.text, w.merged)
			}
			if got.At() != (document.Loc{Path: "synthetic.docx", Table: 1, Row: r + 1, Column: c + 1}) {
				t.Errorf("cell r%d c%d loc = %+v", r+1, c+1, got.Loc)
			}
		}
	}
	if tb.HeaderRows != 1 {
		t.Errorf("header rows = %d", tb.HeaderRows)
	}
}

func TestTableCellLimit(t *testing.T) {
	row := `<w:tr>` + strings.Repeat(`<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>`, 4) + `</w:tr>`
	tbl := `<w:tbl>` + strings.Repeat(row, 4) + `</w:tbl>`
	lim := limits.Default()
	lim.TableCells = 10
	tree, err := readBytes(docxOf(t, map[string]string{"word/document.xml": body(tbl + `<w:p><w:r><w:t>after</w:t></w:r></w:p>` + tbl)}), lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Faults) != 1 {
		t.Fatalf("faults = %v, want one", tree.Faults)
	}
	f := tree.Faults[0]
	if f.Rule != document.LimitHit || !strings.Contains(f.Message, "limits.table_cells") || f.Loc.Table != 1 {
		t.Errorf("fault = %+v", f)
	}
	tables := blocksOf(tree, document.BlockTable)
	if len(tables) != 2 || len(tables[0].Table.Rows) != 2 || len(tables[1].Table.Rows) != 0 {
		t.Errorf("rows kept: %d tables", len(tables))
	}
	if last := tree.Blocks[len(tree.Blocks)-2]; last.Text != "after" {
		t.Errorf("text after the capped table must still be read: %+v", last)
	}
}

func TestContentControls(t *testing.T) {
	tree := readBody(t, ``+
		`<w:sdt><w:sdtPr><w:alias w:val="Project Name"/><w:tag w:val="project"/><w:showingPlcHdr/></w:sdtPr>`+
		`<w:sdtContent><w:p><w:r><w:t>Click here to enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt>`+
		`<w:p><w:r><w:t xml:space="preserve">Approved on </w:t></w:r><w:sdt><w:sdtPr><w:tag w:val="approved"/>`+
		`<w:date w:fullDate="2025-03-03T00:00:00Z"><w:dateFormat w:val="MMMM d, yyyy"/></w:date></w:sdtPr>`+
		`<w:sdtContent><w:r><w:t>March 3, 2025</w:t></w:r></w:sdtContent></w:sdt></w:p>`+
		`<w:p><w:sdt><w:sdtPr><w:tag w:val="signed"/><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>`+
		`<w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> Signed</w:t></w:r></w:p>`+
		// A date control holding a non-date (FINDINGS: "SPRING 2025").
		`<w:p><w:sdt><w:sdtPr><w:tag w:val="golive"/><w:date><w:dateFormat w:val="MMMM d, yyyy"/></w:date></w:sdtPr>`+
		`<w:sdtContent><w:r><w:t>SPRING 2025</w:t></w:r></w:sdtContent></w:sdt></w:p>`)
	var texts []string
	for _, b := range tree.Blocks {
		texts = append(texts, b.Text)
	}
	if !equal(texts, []string{"Click here to enter text.", "Approved on March 3, 2025", "☒ Signed", "SPRING 2025"}) {
		t.Fatalf("texts = %q", texts)
	}
	cc := tree.ContentControls
	if len(cc) != 4 {
		t.Fatalf("controls = %+v", cc)
	}
	if cc[0].Tag != "project" || cc[0].Alias != "Project Name" || !cc[0].Placeholder || cc[0].Text != "Click here to enter text." || cc[0].Loc.Paragraph != 1 {
		t.Errorf("placeholder control = %+v", cc[0])
	}
	if cc[1].Date != "2025-03-03" || cc[1].Text != "March 3, 2025" || cc[1].Placeholder || cc[1].Loc.Paragraph != 2 {
		t.Errorf("date control = %+v", cc[1])
	}
	if cc[2].Checked == nil || !*cc[2].Checked || cc[2].Text != "☒" {
		t.Errorf("checkbox control = %+v", cc[2])
	}
	if cc[3].Date != "" || cc[3].Text != "SPRING 2025" {
		t.Errorf("non-date date control = %+v", cc[3])
	}
}

func TestMalformedAndMissing(t *testing.T) {
	_, err := readBytes(docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wordNS + `><w:body><w:p></w:body>`}), limits.Default())
	wantFault(t, err, document.ReadCorrupt, "XML part word/document.xml is malformed")

	_, err = readBytes(docxOf(t, map[string]string{"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`,
		"word/other.xml": "<x/>"}), limits.Default())
	wantFault(t, err, document.ReadCorrupt, "missing word/document.xml")

	// A hostile optional part is skipped with a note; the body still reads.
	tree, err := readBytes(docxOf(t, map[string]string{
		"word/document.xml":            body(`<w:p><w:r><w:t>ok</w:t></w:r></w:p>`),
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
		"word/comments.xml":            `<!DOCTYPE x [<!ENTITY a "b">]><w:comments ` + wordNS + `/>`,
	}), limits.Default())
	if err != nil || len(tree.Blocks) != 1 || len(tree.Comments) != 0 {
		t.Fatalf("tree %+v, err %v", tree, err)
	}
	if len(tree.Notes) != 1 || !strings.Contains(tree.Notes[0], "word/comments.xml declares a DTD") {
		t.Errorf("notes = %q", tree.Notes)
	}
}

func TestDeepNestingIsLimited(t *testing.T) {
	deep := strings.Repeat(`<w:customXml>`, 300) + strings.Repeat(`</w:customXml>`, 300)
	_, err := readBytes(docxOf(t, map[string]string{"word/document.xml": body(deep)}), limits.Default())
	wantFault(t, err, document.LimitHit, "limits.xml_depth")
}

func TestZipBombIsRefusedFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.docx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, `<w:document `+wordNS+`><w:body>`)
	chunk := bytes.Repeat([]byte(`<w:p/>  `), 128<<10) // 1 MiB
	for i := 0; i < 1024; i++ {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	defer f.Close()
	if st.Size() > 8<<20 {
		t.Fatalf("bomb is %d bytes; expected a high ratio", st.Size())
	}
	start := time.Now()
	_, err = Read(context.Background(), f, st.Size(), "bomb.docx", limits.Default())
	wantFault(t, err, document.LimitHit, "part word/document.xml inflates to more than 64 MiB (limits.part_bytes)")
	hangguard.Since(t, "refusing a 1 GiB bomb", start, 10*time.Second)
}

// toStrict rewrites a Transitional package into ISO Strict namespaces and
// relationship types.
func toStrict(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	repl := strings.NewReplacer(
		"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships",
	)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasSuffix(f.Name, ".rels") || strings.HasPrefix(f.Name, "word/") && strings.HasSuffix(f.Name, ".xml") {
			content = []byte(repl.Replace(string(content)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(content)
	}
	zw.Close()
	return buf.Bytes()
}

func TestStrictNamespacesReadTheSame(t *testing.T) {
	const rel = "gsa/M3-Playbook-Risk-Management-Plan-Template.docx"
	data, err := os.ReadFile(filepath.Join(corpus, rel))
	if err != nil {
		t.Fatal(err)
	}
	strict := toStrict(t, data)
	zr, err := zip.NewReader(bytes.NewReader(strict), int64(len(strict)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			doc, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Contains(doc, []byte(`xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"`)) {
				t.Fatal("document.xml was not rewritten to Strict")
			}
		}
	}
	orig, err := readBytes(data, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	got, err := readBytes(strict, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a, b := headingList(orig), headingList(got); !equal(a, b) || len(a) < 10 {
		t.Errorf("strict headings differ:\n orig %q\nstrict %q", a, b)
	}
	if len(got.Blocks) != len(orig.Blocks) || !equal(got.HeaderFooter, orig.HeaderFooter) {
		t.Errorf("strict: %d blocks, hf %q; transitional: %d blocks, hf %q", len(got.Blocks), got.HeaderFooter, len(orig.Blocks), orig.HeaderFooter)
	}
}

func TestCancelledContext(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpus, "gsa/M3-Playbook-Risk-Management-Plan-Template.docx"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Read(ctx, bytes.NewReader(data), int64(len(data)), "x.docx", limits.Default())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	ctx, cancel = context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err = Read(ctx, bytes.NewReader(data), int64(len(data)), "x.docx", limits.Default())
	wantFault(t, err, document.LimitHit, "limits.read_timeout")
}

func FuzzRead(f *testing.F) {
	for _, rel := range []string{"robust/document__comment.docx", "robust/document__bug56075-changeTracking_on.docx", "packt-tpm2e/Status Report.docx"} {
		data, err := os.ReadFile(filepath.Join(corpus, rel))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	lim := limits.Default()
	lim.PartBytes, lim.PackageBytes, lim.TableCells = 4<<20, 16<<20, 10000
	f.Fuzz(func(t *testing.T, data []byte) {
		tree, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), "fuzz.docx", lim)
		if err != nil {
			var fault *document.Fault
			if !errors.As(err, &fault) {
				t.Fatalf("error is not a *document.Fault: %v", err)
			}
			return
		}
		if tree == nil {
			t.Fatal("nil tree without error")
		}
	})
}

// FuzzDocumentXML fuzzes the body parser inside a valid package: byte
// mutations of a whole .docx mostly break the zip directory, so they rarely
// reach the XML.
func FuzzDocumentXML(f *testing.F) {
	f.Add(body(`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>1 Scope</w:t></w:r></w:p>`))
	f.Add(body(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`))
	f.Add(body(`<w:sdt><w:sdtPr><w:date w:fullDate="2025-01-02"/><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr><w:sdtContent><w:p><w:ins><w:r><w:t>a</w:t><w:sym w:char="F0FE"/></w:r></w:ins></w:p></w:sdtContent></w:sdt>`))
	lim := limits.Default()
	lim.TableCells = 1000
	f.Fuzz(func(t *testing.T, doc string) {
		data := docxOf(t, map[string]string{"word/document.xml": doc})
		if _, err := readBytes(data, lim); err != nil {
			var fault *document.Fault
			if !errors.As(err, &fault) {
				t.Fatalf("error is not a *document.Fault: %v", err)
			}
		}
	})
}

func BenchmarkReadGovernancePlan(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpus, "gsa/M3-Playbook-Governance-Plan-Template.docx"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), "gov.docx", limits.Default()); err != nil {
			b.Fatal(err)
		}
	}
}
