package discover

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/zipdir"
	"github.com/tollgate-dev/tollgate/internal/format"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// headBytes is how much of a file is read to decide its format.
const headBytes = 8192

var (
	zipMagic  = []byte("PK\x03\x04")
	eocdMagic = []byte("PK\x05\x06") // end of central directory: what an empty zip starts with
	pdfMagic  = []byte("%PDF")
)

// unreadExt describes what a file named with the extension of a format
// tollgate does not read claims to be; with the Zip formats' Spec.What it
// words faults for files whose bytes disagree with their name.
var unreadExt = map[string]string{
	"xlsb": "an Excel binary workbook", "xls": "an Excel 97-2003 workbook",
	"doc": "a Word 97-2003 document", "ppt": "a PowerPoint file", "pptx": "a PowerPoint file",
	"pdf": "a PDF", "mpp": "a Microsoft Project file",
}

// claimed says what a file named with extension e claims to be ("" when
// the extension is no document's).
func claimed(e string) (string, bool) {
	if what, ok := unreadExt[e]; ok {
		return what, true
	}
	for _, s := range format.ByExtension(e) {
		if s.What != "" {
			return s.What, true
		}
	}
	return "", false
}

// textFormat is the Text format files named with extension e are.
func textFormat(e string) (document.Format, bool) {
	for _, s := range format.ByExtension(e) {
		if s.Container == format.Text {
			return s.Name, true
		}
	}
	return "", false
}

// xmlExt: files named with e are XML whose root names the format.
func xmlExt(e string) bool {
	for _, s := range format.ByExtension(e) {
		if s.Container == format.XML {
			return true
		}
	}
	return false
}

func ext(name string) string {
	return strings.ToLower(strings.TrimPrefix(path.Ext(strings.ReplaceAll(name, "\\", "/")), "."))
}

// Sniff decides the format of a file from its bytes; the name is used only
// for text files (whose bytes cannot tell Markdown from CSV) and to word
// faults. Content always wins: an .xlsx that is really a Word package is
// docx, a .docx that is really a legacy .doc is reported as legacy.
// lim bounds the work (file size, zip entries); a zero Limits means
// limits.Default().
func Sniff(r io.ReaderAt, size int64, name string, lim limits.Limits) (document.Format, *document.Fault) {
	if lim.FileBytes == 0 {
		lim = limits.Default()
	}
	e := ext(name)
	if size == 0 {
		return "", document.Faultf(document.ReadEmpty, document.Loc{}, nil, "the file is empty")
	}
	if size > lim.FileBytes {
		return "", document.LimitFault(limits.KeyFileBytes, document.Loc{}, nil,
			"the file is %d bytes, over the limit of %d (limits.file_bytes)", size, lim.FileBytes)
	}
	head := make([]byte, min(size, headBytes))
	if n, err := r.ReadAt(head, 0); err != nil && !(errors.Is(err, io.EOF) && n == len(head)) {
		return "", document.Faultf(document.ReadCorrupt, document.Loc{}, err, "cannot read the file")
	}
	switch {
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, eocdMagic):
		return sniffZip(r, size, lim)
	case bytes.HasPrefix(head, cfbMagic):
		return sniffCFB(r, size, e)
	case bytes.HasPrefix(head, pdfMagic):
		return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"PDF is not read: export the document as .docx or .md")
	}
	if isText(head) {
		if f, ok := textFormat(e); ok {
			return f, nil
		}
		if xmlExt(e) {
			if f := xmlFormat(io.NewSectionReader(r, 0, size)); f != "" {
				return f, nil
			}
			return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
				"XML file that is not a schedule: only MS Project XML (MSPDI) and Primavera P6 XML schedules are read")
		}
		if what, ok := claimed(e); ok {
			return "", document.Faultf(document.ReadCorrupt, document.Loc{}, nil,
				"named .%s but is not %s: it holds plain text", e, what)
		}
		return "", unsupportedFault(e)
	}
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"UTF-16 text is not read: save the file as UTF-8")
	}
	if what, ok := claimed(e); ok {
		return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"named .%s but the content is not %s or any format tollgate reads", e, what)
	}
	return "", unsupportedFault(e)
}

func unsupportedFault(e string) *document.Fault {
	what := "this file"
	if e != "" {
		what = "." + e + " files"
	}
	return document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
		"%s are not read: use .docx, .xlsx, .md, .csv, MS Project XML, or a JSON/YAML artifact", what)
}

// isText reports whether the head of a file looks like text: no NUL bytes
// (binary formats and UTF-16 have plenty) and mostly valid UTF-8. A file
// cut in the middle of a multi-byte sequence at headBytes is still text.
func isText(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	bad := 0
	for b := head; len(b) > 0; {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		b = b[n:]
	}
	// Legacy 8-bit text (Windows-1252 CSV exports) is still text; readers
	// replace the invalid bytes and say so in a note.
	return bad*10 <= len(head)
}

// sniffZip tells Word from Excel from everything else that is a zip.
func sniffZip(r io.ReaderAt, size int64, lim limits.Limits) (document.Format, *document.Fault) {
	// zip.NewReader builds every entry of the central directory in memory;
	// count them first so a directory of millions of entries is refused
	// before that allocation.
	if n, ok := zipEntryCount(r, size); ok && n > uint64(lim.ZipEntries) {
		return "", document.LimitFault(limits.KeyZipEntries, document.Loc{}, nil,
			"the package has %d zip entries, over the limit of %d (limits.zip_entries)", n, lim.ZipEntries)
	}
	// The declared count can lie (archive/zip checks it only modulo
	// 65,536): count the directory's records themselves, up to the limit.
	if n, ok := zipdir.Count(r, size, lim.ZipEntries); ok && n > lim.ZipEntries {
		return "", document.LimitFault(limits.KeyZipEntries, document.Loc{}, nil,
			"the package has more than %d zip entries (limits.zip_entries)", lim.ZipEntries)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return "", document.Faultf(document.ReadCorrupt, document.Loc{}, err,
			"not a readable zip package: the file is corrupt or truncated")
	}
	if len(zr.File) == 0 {
		return "", document.Faultf(document.ReadCorrupt, document.Loc{}, nil,
			"an empty zip archive, not a Word or Excel package")
	}
	if len(zr.File) > lim.ZipEntries {
		return "", document.LimitFault(limits.KeyZipEntries, document.Loc{}, nil,
			"the package has %d zip entries, over the limit of %d (limits.zip_entries)", len(zr.File), lim.ZipEntries)
	}
	names := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		names[strings.TrimPrefix(f.Name, "/")] = true
	}
	main := mainPart(zr, names)
	pkg := format.Package{ContentType: contentType(zr, main), Main: main, Names: names}
	// An Excel binary workbook's content type says ms-excel too: refused
	// before the registry's packages are tried.
	if strings.Contains(pkg.ContentType, "sheet.binary") || pkg.ContentType == "" && strings.HasSuffix(main, ".bin") && strings.HasPrefix(main, "xl/") {
		return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"Excel binary workbook (.xlsb): save as .xlsx")
	}
	for _, s := range format.All() {
		if s.Container == format.Zip && s.Package(pkg) {
			return s.Name, nil
		}
	}
	if strings.Contains(pkg.ContentType, "presentationml") || strings.Contains(pkg.ContentType, "ms-powerpoint") ||
		strings.HasPrefix(main, "ppt/") || hasPrefix(names, "ppt/") {
		return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"PowerPoint files are not read: export the content as .docx or .md")
	}
	if kind, part := declaredMain(zr); kind != "" {
		return "", document.Faultf(document.ReadCorrupt, document.Loc{}, nil,
			"%s without its main part %s: the file is damaged or was not saved completely", kind, part)
	}
	return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
		"a zip archive that is not a Word or Excel document")
}

// declaredMain names the main part a package's own content types declare
// ("Word", "word/document.xml") when no such part is in it: a damaged Office
// file, not some other zip.
func declaredMain(zr *zip.Reader) (kind, part string) {
	var ct struct {
		Override []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if decodePart(zr, "[Content_Types].xml", &ct) != nil {
		return "", ""
	}
	for _, o := range ct.Override {
		name := strings.TrimPrefix(o.PartName, "/")
		switch {
		case strings.Contains(o.ContentType, "wordprocessingml.document.main"):
			return "a Word package", name
		case strings.Contains(o.ContentType, "spreadsheetml.sheet.main"), strings.Contains(o.ContentType, "spreadsheetml.template.main"),
			strings.Contains(o.ContentType, "ms-excel.sheet.macroEnabled.main"):
			return "an Excel package", name
		}
	}
	return "", ""
}

func hasPrefix(names map[string]bool, prefix string) bool {
	for n := range names {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

// maxPackageXML bounds the two small package parts read here
// ([Content_Types].xml and _rels/.rels); real ones are a few KB.
const maxPackageXML = 1 << 20

// mainPart returns the package's main part: the target of the
// officeDocument relationship in _rels/.rels (transitional or strict),
// falling back to the well-known names when the relationship is missing or
// points nowhere.
func mainPart(zr *zip.Reader, names map[string]bool) string {
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodePart(zr, "_rels/.rels", &rels) == nil {
		for _, rel := range rels.Rel {
			if strings.HasSuffix(rel.Type, "/officeDocument") {
				t := strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
				if names[t] {
					return t
				}
			}
		}
	}
	for _, n := range []string{"word/document.xml", "xl/workbook.xml", "xl/workbook.bin", "ppt/presentation.xml"} {
		if names[n] {
			return n
		}
	}
	return ""
}

// contentType returns the content type [Content_Types].xml gives the part,
// or "" when it says nothing specific (unreadable, or only a Default).
func contentType(zr *zip.Reader, part string) string {
	if part == "" {
		return ""
	}
	var ct struct {
		Override []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if decodePart(zr, "[Content_Types].xml", &ct) != nil {
		return ""
	}
	for _, o := range ct.Override {
		if strings.EqualFold(strings.TrimPrefix(o.PartName, "/"), part) {
			return o.ContentType
		}
	}
	return ""
}

func decodePart(zr *zip.Reader, name string, v any) error {
	for _, f := range zr.File {
		if strings.TrimPrefix(f.Name, "/") != name {
			continue
		}
		if f.UncompressedSize64 > maxPackageXML {
			return fmt.Errorf("%s is %d bytes", name, f.UncompressedSize64)
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		return xml.NewDecoder(io.LimitReader(rc, maxPackageXML)).Decode(v)
	}
	return fmt.Errorf("%s: not in the package", name)
}

// sniffCFB names what an OLE compound file holds. Nothing in one is read:
// encrypted OOXML needs the password, and legacy binaries are out of scope.
func sniffCFB(r io.ReaderAt, size int64, e string) (document.Format, *document.Fault) {
	names, err := cfbNames(r, size)
	if err != nil {
		// The magic says "legacy Office container" but the directory is
		// broken; a file named like a legacy document gets the legacy
		// advice (re-save it), anything else is just unreadable here.
		switch e {
		case "doc", "xls", "ppt":
			return "", document.Faultf(document.ReadLegacy, document.Loc{}, err,
				"legacy Office 97-2003 file with a damaged container: open it in Office and save as .docx or .xlsx")
		}
		return "", document.Faultf(document.ReadUnsupported, document.Loc{}, err,
			"an OLE compound file (legacy Office container) whose directory cannot be read")
	}
	has := map[string]bool{}
	for _, n := range names {
		has[n] = true
	}
	switch {
	case has["EncryptedPackage"] || has["EncryptionInfo"]:
		return "", document.Faultf(document.ReadEncrypted, document.Loc{}, nil,
			"encrypted (password-protected) Office file: remove the password and submit an unprotected copy")
	case has["WordDocument"]:
		return "", document.Faultf(document.ReadLegacy, document.Loc{}, nil,
			"legacy Word 97-2003 format (.doc): save as .docx")
	case has["Workbook"] || has["Book"]:
		return "", document.Faultf(document.ReadLegacy, document.Loc{}, nil,
			"legacy Excel 97-2003 format (.xls): save as .xlsx")
	case has["PowerPoint Document"]:
		return "", document.Faultf(document.ReadLegacy, document.Loc{}, nil,
			"legacy PowerPoint 97-2003 format (.ppt): export the content as .docx or .md")
	}
	if e == "mpp" {
		return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
			"Microsoft Project binary (.mpp) is not read: save the plan as MS Project XML (.xml)")
	}
	return "", document.Faultf(document.ReadUnsupported, document.Loc{}, nil,
		"an OLE compound file that is not a Word, Excel or PowerPoint document")
}

// zipEntryCount reads the entry count from the end-of-central-directory
// record (or its zip64 form); ok is false when the record is not found,
// which zip.NewReader then reports as corruption.
func zipEntryCount(r io.ReaderAt, size int64) (n uint64, ok bool) {
	const eocdLen, maxComment = 22, 65535
	tail := min(size, eocdLen+maxComment)
	buf := make([]byte, tail)
	if k, err := r.ReadAt(buf, size-tail); err != nil && !(errors.Is(err, io.EOF) && int64(k) == tail) {
		return 0, false
	}
	i := bytes.LastIndex(buf, eocdMagic)
	if i < 0 || len(buf)-i < eocdLen {
		return 0, false
	}
	n = uint64(binary.LittleEndian.Uint16(buf[i+10:]))
	if n != 0xFFFF {
		return n, true
	}
	// zip64: the locator sits just before the EOCD and points at the zip64
	// EOCD record, whose total entry count is at offset 32.
	loc := int64(i) + (size - tail) - 20
	if loc < 0 {
		return n, true
	}
	var lb [20]byte
	if _, err := r.ReadAt(lb[:], loc); err != nil || !bytes.Equal(lb[:4], []byte("PK\x06\x07")) {
		return n, true
	}
	off := int64(binary.LittleEndian.Uint64(lb[8:]))
	var rec [40]byte
	if off < 0 || off > size-40 {
		return n, true
	}
	if _, err := r.ReadAt(rec[:], off); err != nil || !bytes.Equal(rec[:4], []byte("PK\x06\x06")) {
		return n, true
	}
	return binary.LittleEndian.Uint64(rec[32:]), true
}

// maxProlog bounds how far into an XML file the root element is looked for:
// past the declaration, comments and a DOCTYPE, the root comes early.
const maxProlog = 64 << 10

// xmlFormat is the XML format whose Root accepts the file's root element,
// "" when none does.
func xmlFormat(r io.Reader) document.Format {
	dec := xml.NewDecoder(io.LimitReader(r, maxProlog))
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, s := range format.All() {
				if s.Container == format.XML && s.Root(se) {
					return s.Name
				}
			}
			return ""
		}
	}
}
