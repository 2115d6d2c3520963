// Package testdocs writes realistic Office documents for examples and test
// fixtures. It builds on real templates (GSA M3 Playbook .docx/.xlsx in
// testdata/corpus) instead of generating bare documents, because readers must
// be proven against the styles, numbering, headers and section properties that
// real program offices submit, not against a minimal package no one uses.
package testdocs

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// BlockKind says which Word construct a Block becomes.
type BlockKind int

const (
	KindTitle BlockKind = iota + 1
	KindSubtitle
	KindHeading
	KindParagraph
	KindBullet
	KindTable
)

// Block is one body element written in the template's own paragraph or table
// style, so Word (and tollgate's reader) see ordinary styled content.
type Block struct {
	Kind  BlockKind
	Text  string
	Level int        // heading level 1–9 (KindHeading only)
	Rows  [][]string // first row is the header (KindTable only)
	// SpanShort makes a table row with fewer cells than the table has
	// columns end in one cell spanning the rest (w:gridSpan), as form
	// tables lay out a band title or a label with one wide value cell.
	SpanShort bool
}

// Title is the cover title paragraph (style "Title").
func Title(text string) Block { return Block{Kind: KindTitle, Text: text} }

// Subtitle is a cover line under the title (style "Subtitle").
func Subtitle(text string) Block { return Block{Kind: KindSubtitle, Text: text} }

// Heading is a "HeadingN" paragraph.
func Heading(level int, text string) Block { return Block{Kind: KindHeading, Level: level, Text: text} }

// Para is a body paragraph (style "BodyText").
func Para(text string) Block { return Block{Kind: KindParagraph, Text: text} }

// Bullets returns one bulleted-list paragraph per item.
func Bullets(items ...string) []Block {
	out := make([]Block, len(items))
	for i, it := range items {
		out[i] = Block{Kind: KindBullet, Text: it}
	}
	return out
}

// Table is a table whose first row is the header row.
func Table(header []string, rows ...[]string) Block {
	return Block{Kind: KindTable, Rows: append([][]string{header}, rows...)}
}

// FormTable is a table whose short rows end in one spanning cell (see
// Block.SpanShort); its first row is written as the header row.
func FormTable(rows ...[]string) Block {
	return Block{Kind: KindTable, Rows: rows, SpanShort: true}
}

// Styles maps block kinds to style IDs that exist in the template's
// styles.xml. Style IDs differ between templates, so callers state them.
type Styles struct {
	Title, Subtitle, Body, Bullet string
	HeadingPrefix                 string // "Heading" → Heading1, Heading2, …
	Table, TableHead, TableText   string
}

// GSAStyles are the style IDs of the GSA M3 Playbook Word templates
// (Governance Plan, Risk Management Plan).
var GSAStyles = Styles{
	Title: "Title", Subtitle: "Subtitle", Body: "BodyText", Bullet: "BulletedList",
	HeadingPrefix: "Heading", Table: "Tables", TableHead: "Tablehead1", TableText: "Tabletext",
}

// Doc is a document to write on a template.
type Doc struct {
	Title    string
	Subject  string
	Creator  string
	Modified time.Time // also used as the created date and zip entry time: keeps output byte-stable
	Styles   Styles
	Blocks   []Block
	// Edits are literal replacements in other parts (header/footer text such
	// as "Version 1.0" or "Day, Month, Year"); each must match or the write
	// fails, so a template change cannot silently leave residue behind.
	Edits []Edit
}

// Edit replaces Old with New in one package part.
type Edit struct {
	Part, Old, New string
}

// WriteDocx writes d to outPath using templatePath's package: every part is
// copied unchanged except word/document.xml (body replaced, final sectPr with
// its header/footer references kept), docProps/core.xml and the parts named by
// d.Edits.
func WriteDocx(templatePath, outPath string, d Doc) error {
	parts, err := readZip(templatePath)
	if err != nil {
		return err
	}
	for i := range parts {
		switch parts[i].name {
		case "word/document.xml":
			body, err := replaceBody(parts[i].data, renderBlocks(d.Blocks, d.Styles))
			if err != nil {
				return fmt.Errorf("template %s: %w", templatePath, err)
			}
			parts[i].data = body
		case "docProps/core.xml":
			parts[i].data = []byte(coreXML(d))
		}
	}
	if err := applyEdits(parts, d.Edits); err != nil {
		return fmt.Errorf("template %s: %w", templatePath, err)
	}
	return writeZip(outPath, parts, d.Modified)
}

// CopyWithEdits writes a copy of the OOXML package src to dst with the given
// literal replacements applied: the building block for seeded-defect
// fixtures ("this real PMP, but with the approval date removed").
func CopyWithEdits(src, dst string, edits ...Edit) error {
	parts, err := readZip(src)
	if err != nil {
		return err
	}
	if err := applyEdits(parts, edits); err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return writeZip(dst, parts, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
}

type part struct {
	name string
	data []byte
}

func readZip(path string) ([]part, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open template %s: %w", path, err)
	}
	defer zr.Close()
	parts := make([]part, 0, len(zr.File))
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("open %s in %s: %w", f.Name, path, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s in %s: %w", f.Name, path, err)
		}
		parts = append(parts, part{name: f.Name, data: data})
	}
	return parts, nil
}

func writeZip(path string, parts []part, mod time.Time) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: mod.UTC()})
		if err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		if _, err := w.Write(p.data); err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("finish %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func applyEdits(parts []part, edits []Edit) error {
	for _, e := range edits {
		found := false
		for i := range parts {
			if parts[i].name != e.Part {
				continue
			}
			found = true
			if !bytes.Contains(parts[i].data, []byte(e.Old)) {
				return fmt.Errorf("edit %s: text %q not found", e.Part, e.Old)
			}
			parts[i].data = bytes.ReplaceAll(parts[i].data, []byte(e.Old), []byte(e.New))
		}
		if !found {
			return fmt.Errorf("edit %s: no such part", e.Part)
		}
	}
	return nil
}

// replaceBody swaps everything between <w:body> and the body-level sectPr.
// The last sectPr before </w:body> is the document's final section: it holds
// page size, margins and the header/footer references, so it must survive.
func replaceBody(doc []byte, body string) ([]byte, error) {
	s := string(doc)
	open := strings.Index(s, "<w:body>")
	end := strings.LastIndex(s, "</w:body>")
	if open < 0 || end < 0 {
		return nil, fmt.Errorf("word/document.xml has no <w:body>")
	}
	sect := strings.LastIndex(s[:end], "<w:sectPr")
	tail := s[end:]
	if sect > open {
		tail = s[sect:]
	}
	return []byte(s[:open+len("<w:body>")] + body + tail), nil
}

func coreXML(d Doc) string {
	ts := d.Modified.UTC().Format("2006-01-02T15:04:05Z")
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + Escape(d.Title) + `</dc:title><dc:subject>` + Escape(d.Subject) + `</dc:subject>` +
		`<dc:creator>` + Escape(d.Creator) + `</dc:creator><cp:lastModifiedBy>` + Escape(d.Creator) + `</cp:lastModifiedBy>` +
		`<cp:revision>1</cp:revision>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified></cp:coreProperties>`
}

// RewritePart writes a copy of the OOXML package src to dst with one part
// rewritten by fn: for seeded defects a literal edit cannot express
// (removing a whole table).
func RewritePart(src, dst, name string, fn func([]byte) ([]byte, error)) error {
	parts, err := readZip(src)
	if err != nil {
		return err
	}
	found := false
	for i := range parts {
		if parts[i].name == name {
			found = true
			if parts[i].data, err = fn(parts[i].data); err != nil {
				return fmt.Errorf("rewrite %s in %s: %w", name, src, err)
			}
		}
	}
	if !found {
		return fmt.Errorf("rewrite %s: no such part in %s", name, src)
	}
	return writeZip(dst, parts, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
}
