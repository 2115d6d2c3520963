package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/zipdir"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// pkg is a zip package whose every entry was read in full (so archive/zip
// checked its CRC) within the size limits, and found free of DTDs.
type pkg struct {
	// parts maps the part name (as written, with "\" turned into "/") to its
	// bytes. When a name occurs twice the last entry wins (as in excelize,
	// which earlier versions of this reader used).
	parts map[string][]byte
	// names lists the part names in first-seen zip order.
	names []string
	notes []string
}

// cfbMagic starts every Compound File Binary container: legacy .xls and
// password-encrypted OOXML packages alike.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptedPackageName is the CFB directory name of the stream holding an
// encrypted OOXML package, as it appears in the file (UTF-16LE).
var encryptedPackageName = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")

// verifyPackage opens r as a zip archive and reads every entry through the
// part and package caps. Reading each entry to the end is what makes
// archive/zip compare its CRC-32, so a damaged part is refused at once
// rather than read as garbage. XML parts that declare a DTD are refused:
// no workbook part needs one, entities beyond the predefined ones cannot
// be expanded safely, and a part read without them would silently lose its
// text (an entity bomb in sharedStrings.xml must never become a workbook
// with no text and no error).
func verifyPackage(ctx context.Context, r io.ReaderAt, size int64, lim limits.Limits) (*pkg, error) {
	// Counted before zip.NewReader builds one entry per directory record
	// (zipdir: the end record's count can lie).
	if n, ok := zipdir.Count(r, size, lim.ZipEntries); ok && n > lim.ZipEntries {
		return nil, document.LimitFault(limits.KeyZipEntries, document.Loc{}, nil,
			"the package has more than %d zip entries (limits.zip_entries)", lim.ZipEntries)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, notZipFault(r, size, err)
	}
	if len(zr.File) == 0 {
		return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, nil, "not a readable zip package: it has no entries")
	}
	if len(zr.File) > lim.ZipEntries {
		return nil, document.LimitFault(limits.KeyZipEntries, document.Loc{}, nil,
			"the package has %d zip entries, more than limits.zip_entries (%d)", len(zr.File), lim.ZipEntries)
	}
	p := &pkg{parts: make(map[string][]byte, len(zr.File))}
	var total int64
	for _, zf := range zr.File {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name := strings.ReplaceAll(zf.Name, `\`, "/")
		if strings.HasSuffix(name, "/") {
			continue // directory entry
		}
		data, err := readCapped(zf, lim.PartBytes, lim.PackageBytes-total)
		if err != nil {
			return nil, partFault(name, lim, err)
		}
		total += int64(len(data))
		if isXMLPart(name) && declaresDTD(data) {
			return nil, document.Faultf(document.ReadCorrupt, document.Loc{}, nil,
				"XML part %s declares a DTD; refused for safety", name)
		}
		if _, dup := p.parts[name]; dup {
			p.notes = append(p.notes, fmt.Sprintf("duplicate zip entry %s: the last one is used", name))
		} else {
			p.names = append(p.names, name)
		}
		p.parts[name] = data
	}
	return p, nil
}

// errPartTooBig and errPackageTooBig tell partFault which cap was hit.
var (
	errPartTooBig    = errors.New("part larger than limits.part_bytes")
	errPackageTooBig = errors.New("package larger than limits.package_bytes")
)

// readCapped reads one zip entry to its end, refusing to inflate more than
// partCap bytes for it or more than left bytes in total.
func readCapped(zf *zip.File, partCap, left int64) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	limit, tooBig := partCap, errPartTooBig
	if left < limit {
		limit, tooBig = left, errPackageTooBig
	}
	if limit < 0 {
		limit = 0
	}
	// The declared size sizes the buffer, so a large sheet is read into
	// one allocation rather than a doubling series; but it is only a hint
	// (it can lie), so it is capped by the limit and by what the
	// compressed size can inflate to (deflate stays under 1:1032), and a
	// buffer left mostly empty is trimmed.
	hint := min(int64(zf.UncompressedSize64), limit, int64(zf.CompressedSize64)*1032+4096)
	buf := make([]byte, 0, max(hint, 0)+1)
	lr := io.LimitReader(rc, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, tooBig
	}
	if cap(buf)-len(buf) > len(buf)/4+4096 {
		buf = bytes.Clone(buf)
	}
	return buf, nil
}

func partFault(name string, lim limits.Limits, err error) *document.Fault {
	switch {
	case errors.Is(err, errPartTooBig):
		return document.LimitFault(limits.KeyPartBytes, document.Loc{}, err,
			"zip part %s inflates to more than limits.part_bytes (%d bytes)", name, lim.PartBytes)
	case errors.Is(err, errPackageTooBig):
		return document.LimitFault(limits.KeyPackageBytes, document.Loc{}, err,
			"the package inflates to more than limits.package_bytes (%d bytes) at part %s", lim.PackageBytes, name)
	}
	return document.Faultf(document.ReadCorrupt, document.Loc{}, err,
		"zip part %s cannot be read (damaged or bad checksum)", name)
}

// notZipFault explains why r is not a zip: a CFB container is an encrypted
// package or a legacy binary workbook; anything else is corrupt.
func notZipFault(r io.ReaderAt, size int64, err error) *document.Fault {
	head := make([]byte, len(cfbMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, cfbMagic) {
		// The directory sits anywhere in the container; these files are
		// small enough to scan, but cap the scan all the same.
		scan := make([]byte, min(size, 64<<20))
		n, _ := r.ReadAt(scan, 0)
		if bytes.Contains(scan[:n], encryptedPackageName) {
			return document.Faultf(document.ReadEncrypted, document.Loc{}, err,
				"the workbook is password-protected (encrypted); save an unprotected copy")
		}
		return document.Faultf(document.ReadLegacy, document.Loc{}, err,
			"legacy Excel 97-2003 binary format: save as .xlsx")
	}
	return document.Faultf(document.ReadCorrupt, document.Loc{}, err, "not a readable zip package")
}

func isXMLPart(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".rels") || strings.HasSuffix(lower, ".vml")
}

// declaresDTD reports whether an XML part carries a document type
// declaration. A DOCTYPE may only appear in the prolog, but the prolog can
// hold comments and processing instructions of any length, so search the
// whole part; the test is case-sensitive as XML is.
func declaresDTD(data []byte) bool {
	return bytes.Contains(data, []byte("<!DOCTYPE"))
}
