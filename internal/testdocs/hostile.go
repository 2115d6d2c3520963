package testdocs

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// HostileCase is one generated hostile or broken input and what tollgate
// must make of it.
type HostileCase struct {
	Name string // file name, extension included (it is part of the test)
	Data []byte
	// Want is the one tool finding the file must give ("TG-READ-001"…),
	// "" when it must read cleanly (no tool finding but TG-KIND-001), or
	// "*" when either is right as long as it is at most one finding
	// (a truncated text file may still be a valid shorter text).
	Want string
	// Kind, when set, is the kind the file must be classified as (the
	// "correct result" of a file that reads).
	Kind string
	// Why says what the case is about (printed by the robustness table).
	Why string
}

// Minimal WordprocessingML parts for generated packages.
const (
	DocxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	DocxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	xlsxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
	xlsxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	xlsxWorkbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
	xlsxWorkbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
)

// ZipPart is one entry of a generated zip.
type ZipPart struct{ Name, Body string }

// Zip builds a zip of parts in order (names are written as given: "../x",
// "/abs" and duplicates included).
func Zip(t testing.TB, parts ...ZipPart) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.Body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// DocumentXML wraps WordprocessingML body content in a document part.
func DocumentXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
}

// MinimalDocx is a Word package holding body.
func MinimalDocx(t testing.TB, body string) []byte {
	return Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", DocxRels},
		ZipPart{"word/document.xml", DocumentXML(body)})
}

// SheetXML wraps sheetData rows in a worksheet part.
func SheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
}

// MinimalXlsx is a one-sheet workbook whose sheet part is sheet.
func MinimalXlsx(t testing.TB, sheet string) []byte {
	return Zip(t, ZipPart{"[Content_Types].xml", xlsxContentTypes}, ZipPart{"_rels/.rels", xlsxRels},
		ZipPart{"xl/workbook.xml", xlsxWorkbook}, ZipPart{"xl/_rels/workbook.xml.rels", xlsxWorkbookRels},
		ZipPart{"xl/worksheets/sheet1.xml", sheet})
}

// OneHugeSharedString is a workbook of cells cells that all show one
// shared string of size bytes (Apache POI's poc-shared-strings.xlsx has
// one ~1 MiB string): per-string work must be done once per string, not
// once per cell.
func OneHugeSharedString(t testing.TB, cells, size int) []byte {
	t.Helper()
	var rows strings.Builder
	for r := 1; r <= cells/10+1; r++ {
		fmt.Fprintf(&rows, `<row r="%d">`, r)
		for c := 0; c < 10 && (r-1)*10+c < cells; c++ {
			fmt.Fprintf(&rows, `<c r="%c%d" t="s"><v>0</v></c>`, 'A'+c, r)
		}
		rows.WriteString(`</row>`)
	}
	// Text a placeholder scan must look at: brackets and underscores.
	unit := "[Insert the name] <Project Name> TBD _____ lorem "
	huge := strings.Repeat(unit, size/len(unit)+1)[:size]
	types := strings.Replace(xlsxContentTypes, `</Types>`,
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`, 1)
	rels := strings.Replace(xlsxWorkbookRels, `</Relationships>`,
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, 1)
	sst := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="` +
		fmt.Sprint(cells) + `" uniqueCount="1"><si><t>` + strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(huge) + `</t></si></sst>`
	return Zip(t, ZipPart{"[Content_Types].xml", types}, ZipPart{"_rels/.rels", xlsxRels},
		ZipPart{"xl/workbook.xml", xlsxWorkbook}, ZipPart{"xl/_rels/workbook.xml.rels", rels},
		ZipPart{"xl/worksheets/sheet1.xml", SheetXML(rows.String())}, ZipPart{"xl/sharedStrings.xml", sst})
}

// ZipBomb is a .docx whose word/document.xml inflates to 1 GiB of zeros
// while the file stays about 1 MiB: one deflate block of 1 MiB of zeros is
// repeated 1024 times (its back-references only ever see zeros).
func ZipBomb(t testing.TB) []byte {
	t.Helper()
	const chunk = 1 << 20
	const repeats = 1024
	var blk bytes.Buffer
	fw, _ := flate.NewWriter(&blk, flate.BestCompression)
	fw.Write(make([]byte, chunk))
	fw.Flush() // sync flush: byte-aligned, not final
	block := blk.Bytes()
	var stream bytes.Buffer
	for i := 0; i < repeats; i++ {
		stream.Write(block)
	}
	stream.Write([]byte{0x03, 0x00}) // final empty fixed-Huffman block
	crc := crc32.NewIEEE()
	zeros := make([]byte, chunk)
	for i := 0; i < repeats; i++ {
		crc.Write(zeros)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range []ZipPart{{"[Content_Types].xml", DocxContentTypes}, {"_rels/.rels", DocxRels}} {
		w, _ := zw.Create(p.Name)
		io.WriteString(w, p.Body)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(stream.Len()), UncompressedSize64: chunk * repeats,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(stream.Bytes())
	zw.Close()
	return out.Bytes()
}

// BadCRC rebuilds the zip src with the named part stored uncompressed under
// a wrong CRC-32 (data and sizes intact).
func BadCRC(t testing.TB, src []byte, part string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name != part {
			w, _ := zw.Create(f.Name)
			w.Write(body)
			continue
		}
		found = true
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(body) ^ 0xdeadbeef,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	zw.Close()
	if !found {
		t.Fatalf("no part %s", part)
	}
	return out.Bytes()
}

// RenameCFBStream renames a stream in a CFB (OLE) container's directory,
// keeping the container real: "Workbook" → "WordDocument" turns the
// corpus's BIFF8 workbook into a Word 97-2003 document.
func RenameCFBStream(t testing.TB, cfb []byte, from, to string) []byte {
	t.Helper()
	b := bytes.Clone(cfb)
	old := utf16le(from)
	i := bytes.Index(b, old)
	if i < 0 || i%128 != 0 {
		t.Fatalf("%s directory entry not found at an entry boundary (%d)", from, i)
	}
	name := append(utf16le(to), 0, 0)
	copy(b[i:i+64], make([]byte, 64))
	copy(b[i:], name)
	binary.LittleEndian.PutUint16(b[i+64:], uint16(len(name)))
	return b
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// LegacyDoc is the corpus's real BIFF8 workbook turned into a Word 97-2003
// document (its CFB stream renamed).
func LegacyDoc(t testing.TB) []byte {
	return RenameCFBStream(t, Corpus(t, "robust/legacy-biff8-SampleSS.xls.renamed.xlsx"), "Workbook", "WordDocument")
}

// TruncatedPart rewrites the zip src with the named part cut at keep (0–1)
// of its length, after the last complete end tag named cut ("</c>"): the
// zip itself stays valid, CRCs included.
func TruncatedPart(t testing.TB, src []byte, part string, keep float64, cut string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			n := int(float64(len(body)) * keep)
			if j := strings.LastIndex(string(body[:n]), cut); j > 0 {
				n = j + len(cut)
			}
			body = body[:n]
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	zw.Close()
	return out.Bytes()
}

// Rows200k is a one-sheet workbook of 200,000 rows × 4 columns (inline
// strings and numbers), written directly as XML: a big legitimate sheet
// that must be read whole within the memory budget.
func Rows200k(t testing.TB) []byte {
	var sb strings.Builder
	sb.Grow(200000 * 150)
	sb.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Task</t></is></c><c r="C1" t="inlineStr"><is><t>Duration</t></is></c><c r="D1" t="inlineStr"><is><t>Owner</t></is></c></row>`)
	for r := 2; r <= 200001; r++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>Task %d</t></is></c><c r="C%d"><v>%d</v></c><c r="D%d" t="inlineStr"><is><t>Team %d</t></is></c></row>`,
			r, r, r-1, r, r-1, r, r%20+1, r, r%7)
	}
	return MinimalXlsx(t, SheetXML(sb.String()))
}

// billionLaughs is the classic YAML alias bomb: nine levels of ten aliases.
const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// xmlEntityBomb is a DOCTYPE whose entities would expand to gigabytes.
const xmlEntityBomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>`

// HostileCases generates the hostile and broken inputs of issue 5 from
// the corpus's real files and small hand-made packages.
func HostileCases(t testing.TB) []HostileCase {
	t.Helper()
	charterMD := "# Project Charter: Harbor\n\n## Purpose\n\nThis charter authorizes the Harbor project.\n"
	docx := Corpus(t, "gsa/M3-Playbook-Governance-Plan-Template.docx")
	xlsx := Corpus(t, "packt-tpm2e/RACI.xlsx")
	ims := Corpus(t, "gsa/M3-Playbook-Master-Schedule-Template.xlsx")
	mspdi := Corpus(t, "mpxj/task-links-project2019-mspdi.xml")
	qasp := Corpus(t, "18f/QASP.md")
	legacyXLS := Corpus(t, "robust/legacy-biff8-SampleSS.xls.renamed.xlsx")
	tinyZip := MinimalDocx(t, `<w:p><w:r><w:t>hidden</w:t></w:r></w:p>`)

	embedded := bytes.Clone(LegacyDoc(t))
	copy(embedded[4096:], tinyZip) // a whole zip inside the Word stream's sectors
	appended := append(LegacyDoc(t), tinyZip...)

	deep := strings.Repeat("<w:sdt><w:sdtContent>", 400) + strings.Repeat("</w:sdtContent></w:sdt>", 400)
	var manyEntries []ZipPart
	manyEntries = append(manyEntries, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", DocxRels},
		ZipPart{"word/document.xml", DocumentXML("<w:p/>")})
	for i := 0; i < 10001; i++ {
		manyEntries = append(manyEntries, ZipPart{fmt.Sprintf("x/%d", i), ""})
	}

	return []HostileCase{
		{Name: "zip-bomb.docx", Data: ZipBomb(t), Want: "TG-LIMIT-001", Why: "1 GiB inflated part"},
		{Name: "many-entries.docx", Data: Zip(t, manyEntries...), Want: "TG-LIMIT-001", Why: "10,004 zip entries"},
		{Name: "deep-nesting.docx", Data: MinimalDocx(t, deep), Want: "TG-LIMIT-001", Why: "XML nested 800 deep"},
		{Name: "legacy.doc", Data: LegacyDoc(t), Want: "TG-READ-003", Why: "Word 97-2003"},
		{Name: "legacy-named.docx", Data: LegacyDoc(t), Want: "TG-READ-003", Why: "Word 97-2003 named .docx"},
		{Name: "legacy.xls", Data: legacyXLS, Want: "TG-READ-003", Why: "Excel 97-2003"},
		{Name: "legacy.ppt", Data: RenameCFBStream(t, legacyXLS, "Workbook", "PowerPoint Document"), Want: "TG-READ-003", Why: "PowerPoint 97-2003"},
		{Name: "legacy-embedded-zip.doc", Data: embedded, Want: "TG-READ-003", Why: ".doc with a zip inside a stream"},
		{Name: "legacy-appended-zip.docx", Data: appended, Want: "TG-READ-003", Why: ".doc with a zip appended (zip readers look at the end)"},
		{Name: "encrypted.docx", Data: Corpus(t, "robust/document__bug53475-password-is-pass.docx"), Want: "TG-READ-002", Why: "password-protected Word"},
		{Name: "encrypted.xlsx", Data: Corpus(t, "robust/spreadsheet__protected_passtika.xlsx"), Want: "TG-READ-002", Why: "password-protected Excel"},
		{Name: "workbook-named.docx", Data: xlsx, Want: "", Kind: "raci", Why: "an .xlsx named .docx is read as a workbook"},
		{Name: "document-named.xlsx", Data: docx, Want: "", Kind: "governance_plan", Why: "a .docx named .xlsx is read as Word"},
		{Name: "strict.xlsx", Data: Corpus(t, "robust/spreadsheet__sample.strict.xlsx"), Want: "", Why: "ISO 29500 Strict workbook"},
		{Name: "no-document-part.docx", Data: Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", DocxRels}, ZipPart{"word/styles.xml", "<w:styles/>"}), Want: "TG-READ-001", Why: "word/document.xml missing"},
		{Name: "no-workbook-part.xlsx", Data: Zip(t, ZipPart{"[Content_Types].xml", xlsxContentTypes}, ZipPart{"_rels/.rels", xlsxRels}, ZipPart{"xl/worksheets/sheet1.xml", SheetXML("")}), Want: "TG-READ-001", Why: "xl/workbook.xml missing"},
		{Name: "rels-to-nowhere.docx", Data: Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", strings.Replace(DocxRels, "word/document.xml", "word/missing.xml", 1)}, ZipPart{"word/document.xml", DocumentXML("<w:p/>")}), Want: "*", Why: "package relationship names a missing part"},
		{Name: "rels-malformed.docx", Data: Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", "<Relationships><Relationship Id="}, ZipPart{"word/document.xml", DocumentXML("<w:p><w:r><w:t>Body</w:t></w:r></w:p>")}), Want: "*", Why: "package relationships not XML"},
		{Name: "sheet-rels-broken.xlsx", Data: Zip(t, ZipPart{"[Content_Types].xml", xlsxContentTypes}, ZipPart{"_rels/.rels", xlsxRels}, ZipPart{"xl/workbook.xml", xlsxWorkbook}, ZipPart{"xl/_rels/workbook.xml.rels", "<Relationships"}, ZipPart{"xl/worksheets/sheet1.xml", SheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`)}), Want: "*", Why: "workbook relationships not XML"},
		{Name: "invalid-utf8.docx", Data: MinimalDocx(t, "<w:p><w:r><w:t>bad \xff\xfe bytes</w:t></w:r></w:p>"), Want: "TG-READ-001", Why: "invalid UTF-8 in document.xml"},
		{Name: "control-chars.docx", Data: MinimalDocx(t, "<w:p><w:r><w:t>bell \x07 and nul \x00</w:t></w:r></w:p>"), Want: "TG-READ-001", Why: "control characters XML forbids"},
		{Name: "invalid-utf8.md", Data: []byte(charterMD + "Bad \xff\xfe bytes and a bell \x07.\n"), Want: "", Kind: "charter", Why: "invalid UTF-8 and control chars in Markdown"},
		{Name: "invalid-utf8.csv", Data: []byte("Task,Owner\nBuild \xe9t\xe9,Ann\x07\n"), Want: "", Why: "non-UTF-8 CSV"},
		{Name: "bom.md", Data: append([]byte("\xef\xbb\xbf---\nkind: charter\ntitle: Harbor Charter\n---\n"), charterMD...), Want: "", Kind: "charter", Why: "UTF-8 BOM before front matter"},
		{Name: "bom.csv", Data: []byte("\xef\xbb\xbfTask,Owner\nBuild,Ann\n"), Want: "", Why: "UTF-8 BOM on a CSV header"},
		{Name: "bom-part.docx", Data: Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", DocxRels}, ZipPart{"word/document.xml", "\xef\xbb\xbf" + DocumentXML("<w:p><w:r><w:t>Body</w:t></w:r></w:p>")}), Want: "", Why: "UTF-8 BOM before an XML part"},
		{Name: "bom.json", Data: []byte("\xef\xbb\xbf{\"kind\": \"charter\", \"title\": \"Harbor\"}"), Want: "*", Why: "UTF-8 BOM on a JSON artifact"},
		{Name: "utf16-bom.md", Data: append([]byte{0xff, 0xfe}, utf16le(charterMD)...), Want: "*", Why: "UTF-16 Markdown"},
		{Name: "duplicate-entries.docx", Data: Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", DocxRels}, ZipPart{"word/document.xml", DocumentXML("<w:p><w:r><w:t>First</w:t></w:r></w:p>")}, ZipPart{"word/document.xml", DocumentXML("<w:p><w:r><w:t>Second</w:t></w:r></w:p>")}), Want: "", Why: "two word/document.xml entries"},
		{Name: "evil-names.docx", Data: Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", DocxRels}, ZipPart{"word/document.xml", DocumentXML("<w:p><w:r><w:t>Body</w:t></w:r></w:p>")}, ZipPart{"../../tollgate-escape.txt", "x"}, ZipPart{"/tmp/tollgate-abs.txt", "x"}, ZipPart{`..\..\tollgate-win.txt`, "x"}), Want: "", Why: "absolute and ../ entry names"},
		{Name: "xfd1048576.xlsx", Data: MinimalXlsx(t, SheetXML(`<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far corner</t></is></c></row>`)), Want: "", Why: "one cell at XFD1048576"},
		{Name: "rows-200k.xlsx", Data: Rows200k(t), Want: "TG-LIMIT-001", Why: "200,000-row sheet: over limits.rows (100,000)"},
		{Name: "huge-shared-string.xlsx", Data: OneHugeSharedString(t, 1000, 1<<20), Want: "", Why: "1,000 cells showing one 1 MiB shared string"},
		{Name: "truncated.docx", Data: docx[:len(docx)/2], Want: "TG-READ-001", Why: "zip cut in half"},
		{Name: "truncated.xlsx", Data: xlsx[:len(xlsx)/2], Want: "TG-READ-001", Why: "zip cut in half"},
		{Name: "truncated-sheet.xlsx", Data: TruncatedPart(t, ims, "xl/worksheets/sheet1.xml", 0.5, "</c>"), Want: "TG-READ-005", Why: "sheet XML cut mid-row (valid zip)"},
		{Name: "truncated-body.docx", Data: TruncatedPart(t, docx, "word/document.xml", 0.5, "</w:p>"), Want: "TG-READ-001", Why: "document.xml cut mid-body (valid zip)"},
		{Name: "truncated.md", Data: qasp[:len(qasp)/2], Want: "*", Why: "Markdown cut in half"},
		{Name: "truncated.csv", Data: []byte("Task,Owner,Notes\nBuild,Ann,\"open quote"), Want: "*", Why: "CSV cut inside a quoted field"},
		{Name: "truncated.json", Data: []byte(`{"kind": "charter", "title": "Har`), Want: "TG-READ-001", Why: "JSON cut mid-string"},
		{Name: "truncated.yaml", Data: []byte("kind: charter\ntitle: \"Har"), Want: "TG-READ-001", Why: "YAML cut mid-string"},
		{Name: "truncated-mspdi.xml", Data: mspdi[:len(mspdi)/2], Want: "*", Why: "MS Project XML cut in half"},
		{Name: "dtd-mspdi.xml", Data: []byte(xmlEntityBomb + `<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol9;</Name></Project>`), Want: "TG-READ-001", Why: "MSPDI with an entity bomb"},
		{Name: "entity-bomb-sheet.xlsx", Data: MinimalXlsx(t, xmlEntityBomb+strings.TrimPrefix(SheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>`), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`)), Want: "TG-READ-001", Why: "entity bomb in a sheet: refused, never zero rows"},
		{Name: "entity-bomb-body.docx", Data: Zip(t, ZipPart{"[Content_Types].xml", DocxContentTypes}, ZipPart{"_rels/.rels", DocxRels}, ZipPart{"word/document.xml", xmlEntityBomb + strings.TrimPrefix(DocumentXML("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`)}), Want: "TG-READ-001", Why: "entity bomb in document.xml"},
		{Name: "alias-bomb.md", Data: []byte("---\n" + billionLaughs + "---\n" + charterMD), Want: "TG-READ-005", Kind: "charter", Why: "YAML alias bomb in front matter; body still read"},
		{Name: "alias-bomb.yaml", Data: []byte("kind: charter\n" + billionLaughs), Want: "TG-READ-001", Why: "YAML alias bomb artifact"},
		{Name: "bad-crc.docx", Data: BadCRC(t, docx, "word/document.xml"), Want: "TG-READ-001", Why: "CRC mismatch in document.xml"},
		{Name: "bad-crc.xlsx", Data: BadCRC(t, xlsx, "xl/worksheets/sheet1.xml"), Want: "TG-READ-001", Why: "CRC mismatch in a sheet"},
		{Name: "empty.docx", Data: nil, Want: "TG-READ-006", Why: "zero bytes"},
	}
}
