package ooxml

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/xml"
	"errors"
	"hash/crc32"
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

func openFile(t *testing.T, rel string, lim limits.Limits) (*Package, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, rel))
	if err != nil {
		t.Fatal(err)
	}
	return Open(bytes.NewReader(data), int64(len(data)), rel, lim)
}

// zipOf builds a zip from name/content pairs in order (duplicates allowed).
func zipOf(t *testing.T, method uint16, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		f, err := w.CreateHeader(&zip.FileHeader{Name: entries[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(f, entries[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t *testing.T, data []byte, lim limits.Limits) (*Package, error) {
	t.Helper()
	return Open(bytes.NewReader(data), int64(len(data)), "test.docx", lim)
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

func TestOpenRejectsNonZip(t *testing.T) {
	// A zip cut short (POI test file) and an encrypted OOXML file, which is
	// a CFB container, not a zip.
	for _, rel := range []string{"robust/document__truncated62886.docx", "robust/document__bug53475-password-is-pass.docx"} {
		_, err := openFile(t, rel, limits.Default())
		f := wantFault(t, err, document.ReadCorrupt, "not a readable zip package")
		if f.Loc.Path != rel {
			t.Errorf("%s: fault path = %q", rel, f.Loc.Path)
		}
	}
}

func TestOpenEntryLimit(t *testing.T) {
	data := zipOf(t, zip.Deflate, "a", "1", "b", "2", "c", "3", "d", "4")
	lim := limits.Default()
	lim.ZipEntries = 3
	_, err := open(t, data, lim)
	wantFault(t, err, document.LimitHit, "limits.zip_entries")

	lim.ZipEntries = 4
	if _, err := open(t, data, lim); err != nil {
		t.Fatalf("4 entries under a limit of 4: %v", err)
	}
}

func TestDuplicateEntryKeepsFirst(t *testing.T) {
	data := zipOf(t, zip.Deflate, "word/document.xml", "first", "word/document.xml", "second")
	p, err := open(t, data, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Part("word/document.xml")
	if err != nil || string(got) != "first" {
		t.Fatalf("Part = %q, %v; want the first copy", got, err)
	}
	if len(p.Notes()) != 1 || !strings.Contains(p.Notes()[0], "duplicate zip entry") {
		t.Errorf("notes = %q", p.Notes())
	}
}

func TestPartLookupIsCaseAndSlashInsensitive(t *testing.T) {
	data := zipOf(t, zip.Deflate, "Word/Document.xml", "x", "../../etc/passwd", "y")
	p, err := open(t, data, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"word/document.xml", "/word/document.xml", `word\document.xml`} {
		if got, err := p.Part(name); err != nil || string(got) != "x" {
			t.Errorf("Part(%q) = %q, %v", name, got, err)
		}
	}
	if _, err := p.Part("etc/passwd"); !errors.Is(err, ErrNoPart) {
		t.Errorf("a ../ entry must only match its own name, got %v", err)
	}
	if _, err := p.Part("missing.xml"); !errors.Is(err, ErrNoPart) {
		t.Errorf("missing part: %v, want ErrNoPart", err)
	}
}

func TestPartCaps(t *testing.T) {
	big := strings.Repeat("a", 2<<20)
	data := zipOf(t, zip.Deflate, "one.xml", big, "two.xml", big[:600<<10], "three.xml", big[:600<<10])
	lim := limits.Default()
	lim.PartBytes = 1 << 20
	lim.PackageBytes = 1 << 20
	p, err := open(t, data, lim)
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Part("one.xml")
	wantFault(t, err, document.LimitHit, "part one.xml inflates to more than 1 MiB (limits.part_bytes)")
	if _, err := p.Part("two.xml"); err != nil {
		t.Fatalf("600 KiB part under both caps: %v", err)
	}
	_, err = p.Part("three.xml")
	wantFault(t, err, document.LimitHit, "limits.package_bytes")
}

// A part whose directory entry understates its size must still be stopped:
// archive/zip refuses to inflate past the declared size.
func TestPartLyingSizeIsRefused(t *testing.T) {
	var comp bytes.Buffer
	payload := bytes.Repeat([]byte("<w:p/>"), 1<<20)
	var raw bytes.Buffer
	zw := zip.NewWriter(&raw)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "x.xml", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(payload)
	zw.Close()
	// Re-wrap the compressed bytes with a declared size of 100.
	zr, _ := zip.NewReader(bytes.NewReader(raw.Bytes()), int64(raw.Len()))
	rc, _ := zr.File[0].OpenRaw()
	io.Copy(&comp, rc)
	var lying bytes.Buffer
	zw = zip.NewWriter(&lying)
	hw, err := zw.CreateRaw(&zip.FileHeader{Name: "x.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(payload[:100]), CompressedSize64: uint64(comp.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	hw.Write(comp.Bytes())
	zw.Close()

	p, err := open(t, lying.Bytes(), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Part("x.xml")
	wantFault(t, err, document.ReadCorrupt, "does not match the size declared")
}

func corruptStored(t *testing.T) []byte {
	t.Helper()
	data := zipOf(t, zip.Store, "good.xml", "<a/>", "bad.xml", "<payload>hello</payload>")
	i := bytes.Index(data, []byte("hello"))
	data[i] = 'j' // the stored bytes no longer match the CRC in the header
	return data
}

func TestCRCErrorIsReadCorrupt(t *testing.T) {
	p, err := open(t, corruptStored(t), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Part("good.xml"); err != nil {
		t.Fatal(err)
	}
	_, err = p.Part("bad.xml")
	wantFault(t, err, document.ReadCorrupt, "checksum (CRC) mismatch")
}

func TestVerifyAll(t *testing.T) {
	p, err := open(t, corruptStored(t), limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	wantFault(t, p.VerifyAll(context.Background()), document.ReadCorrupt, "bad.xml")

	good, err := openFile(t, "gsa/M3-Playbook-Governance-Plan-Template.docx", limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := good.VerifyAll(context.Background()); err != nil {
		t.Fatalf("real template: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := good.VerifyAll(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled VerifyAll = %v", err)
	}
}

func TestMainPartAndRels(t *testing.T) {
	p, err := openFile(t, "gsa/M3-Playbook-Risk-Management-Plan-Template.docx", limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	main, err := p.MainPart(RelOfficeDocument)
	if err != nil || main != "word/document.xml" {
		t.Fatalf("MainPart = %q, %v", main, err)
	}
	if ct := p.ContentType(main); !strings.Contains(ct, "wordprocessingml.document.main") {
		t.Errorf("content type = %q", ct)
	}
	styles, err := p.RelTargets(main, RelStyles)
	if err != nil || len(styles) != 1 || styles[0] != "word/styles.xml" {
		t.Errorf("styles targets = %q, %v", styles, err)
	}
	if _, err := p.MainPart("http://example.com/none"); !errors.Is(err, ErrNoPart) {
		t.Errorf("unknown rel type: %v", err)
	}
}

func TestStrictRelationshipsAndTargets(t *testing.T) {
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document.xml"/></Relationships>`
	docRels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/image" Target="../media/My%20Image.png"/>` +
		`<Relationship Id="rId3" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" Target="http://example.com/x" TargetMode="External"/></Relationships>`
	data := zipOf(t, zip.Deflate, "_rels/.rels", rels, "word/_rels/document.xml.rels", docRels, "word/document.xml", "<x/>")
	p, err := open(t, data, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	main, err := p.MainPart(RelOfficeDocument)
	if err != nil || main != "word/document.xml" {
		t.Fatalf("strict MainPart = %q, %v", main, err)
	}
	m, err := p.Rels(main)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"rId1": "word/styles.xml", "rId2": "media/My Image.png", "rId3": "http://example.com/x"}
	for id, target := range want {
		if m[id] != target {
			t.Errorf("Rels[%s] = %q, want %q", id, m[id], target)
		}
	}
	if got, _ := p.RelTargets(main, RelStyles); len(got) != 1 {
		t.Errorf("strict styles relationship not folded onto Transitional: %q", got)
	}
}

func decodeAll(data, part string, lim limits.Limits) ([]xml.StartElement, error) {
	dec := NewDecoder([]byte(data), "f.docx", part, lim)
	var starts []xml.StartElement
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return starts, nil
		}
		if err != nil {
			return starts, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			starts = append(starts, se)
		}
	}
}

func TestDecoderRefusesDTD(t *testing.T) {
	// The real POI file: an external entity declared in document.xml.
	p, err := openFile(t, "robust/document__ExternalEntityInText.docx", limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	data, err := p.Part("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = decodeAll(string(data), "word/document.xml", limits.Default())
	wantFault(t, err, document.ReadCorrupt, "XML part word/document.xml declares a DTD; refused for safety")

	bomb := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>`
	_, err = decodeAll(bomb, "xl/sharedStrings.xml", limits.Default())
	wantFault(t, err, document.ReadCorrupt, "declares a DTD")
}

func TestDecoderDepthLimit(t *testing.T) {
	lim := limits.Default()
	lim.XMLDepth = 10
	deep := strings.Repeat("<a>", 11) + strings.Repeat("</a>", 11)
	_, err := decodeAll(deep, "word/document.xml", lim)
	wantFault(t, err, document.LimitHit, "deeper than 10 (limits.xml_depth)")
	ok := strings.Repeat("<a>", 10) + strings.Repeat("</a>", 10)
	if _, err := decodeAll(ok, "word/document.xml", lim); err != nil {
		t.Fatalf("depth 10 under a limit of 10: %v", err)
	}
}

func TestDecoderMalformed(t *testing.T) {
	_, err := decodeAll("<a><b></a>", "word/document.xml", limits.Default())
	wantFault(t, err, document.ReadCorrupt, "XML part word/document.xml is malformed")
	_, err = decodeAll("<a><b>", "word/document.xml", limits.Default())
	wantFault(t, err, document.ReadCorrupt, "is malformed")
}

func TestDecoderFoldsStrictNamespaces(t *testing.T) {
	doc := `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p w:rsidR="1"/></w:body></w:document>`
	starts, err := decodeAll(doc, "word/document.xml", limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, se := range starts {
		if se.Name.Space != NSWord {
			t.Errorf("%s in %q, want Transitional", se.Name.Local, se.Name.Space)
		}
	}
	if v, ok := Attr(starts[2], NSWord, "rsidR"); !ok || v != "1" {
		t.Errorf("strict attribute not folded: %q %v", v, ok)
	}
}

func TestPropertiesGovernancePlan(t *testing.T) {
	p, err := openFile(t, "gsa/M3-Playbook-Governance-Plan-Template.docx", limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	props := Properties(p)
	if props.Creator != "Edwards, Alison" || props.LastModifiedBy != "Lee, Lauren" {
		t.Errorf("creator/lastModifiedBy = %q/%q", props.Creator, props.LastModifiedBy)
	}
	if props.Created != "2021-03-22T20:19:00Z" || props.Modified != "2021-06-09T13:58:00Z" {
		t.Errorf("created/modified = %q/%q", props.Created, props.Modified)
	}
	if props.Revision != "5" || props.Title != "" {
		t.Errorf("revision %q, title %q", props.Revision, props.Title)
	}
	if !strings.HasPrefix(props.Custom["ContentTypeId"], "0x0101") {
		t.Errorf("custom ContentTypeId = %q", props.Custom["ContentTypeId"])
	}
}

func TestPropertiesAbsent(t *testing.T) {
	// The 18F QASP and python-docx's fixture have no docProps/core.xml.
	for _, rel := range []string{"18f/QASP.docx", "robust/doc-no-coreprops.docx"} {
		p, err := openFile(t, rel, limits.Default())
		if err != nil {
			t.Fatal(err)
		}
		props := Properties(p)
		if props.Creator != "" || props.Created != "" || len(props.Custom) != 0 {
			t.Errorf("%s: properties = %+v, want empty", rel, props)
		}
		if len(p.Notes()) != 0 {
			t.Errorf("%s: absent properties must not be noted: %q", rel, p.Notes())
		}
	}
}

// A 1 GiB part whose directory entry says so is refused before inflating.
func TestZipBombRefusedFast(t *testing.T) {
	data := bomb(t, 1<<30)
	start := time.Now()
	p, err := open(t, data, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Part("word/document.xml")
	wantFault(t, err, document.LimitHit, "part word/document.xml inflates to more than 64 MiB (limits.part_bytes)")
	hangguard.Since(t, "refusing the bomb", start, 10*time.Second)
}

// bomb writes a zip whose word/document.xml inflates to n bytes.
func bomb(t *testing.T, n int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// BestSpeed keeps building the bomb to a second or so; the ratio is
	// still over 100:1.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("<w:p/>  "), 128<<10) // 1 MiB
	for written := int64(0); written < n; written += int64(len(chunk)) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
