package check

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// writeZipBomb writes a .docx whose word/document.xml inflates to 1 GiB of
// zeros while the file stays about 1 MiB: one deflate block of 1 MiB of
// zeros is repeated 1024 times (its back-references only ever see zeros).
func writeZipBomb(t testing.TB, path string) {
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
	addFile(t, zw, "[Content_Types].xml", contentTypesDocx)
	addFile(t, zw, "_rels/.rels", relsDocx)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(stream.Len()), UncompressedSize64: chunk * repeats,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(stream.Bytes())
	zw.Close()
	writeFile(t, path, out.Bytes())
}

const contentTypesDocx = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const relsDocx = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

func addFile(t testing.TB, zw *zip.Writer, name, body string) {
	t.Helper()
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, body)
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// legacyDoc turns the corpus's real BIFF8 workbook (a CFB container) into a
// Word 97-2003 document by renaming its "Workbook" stream "WordDocument" in
// the CFB directory: the first bytes and the container stay real.
func legacyDoc(t testing.TB) []byte {
	t.Helper()
	b := bytes.Clone(testdocs.Corpus(t, "robust/legacy-biff8-SampleSS.xls.renamed.xlsx"))
	old := utf16le("Workbook")
	i := bytes.Index(b, old)
	if i < 0 || i%128 != 0 {
		t.Fatalf("Workbook directory entry not found at an entry boundary (%d)", i)
	}
	name := append(utf16le("WordDocument"), 0, 0)
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

// truncatedSheet rewrites a real workbook with its first worksheet cut off
// mid-XML (the zip itself stays valid, CRCs included): the rows after the
// cut are lost, which must be reported, not silently dropped.
func truncatedSheet(t testing.TB, src []byte, sheet string, keep float64) []byte {
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
		if f.Name == sheet {
			cut := int(float64(len(body)) * keep)
			// Cut inside a row, after a complete cell, as a broken writer would.
			if j := strings.LastIndex(string(body[:cut]), "</c>"); j > 0 {
				cut = j + len("</c>")
			}
			body = body[:cut]
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
