// Package ooxml is the bounded Office Open XML package layer shared by the
// Word and Excel readers: a zip container whose every part is read through
// size caps and CRC checks, relationship lookup that accepts Transitional and
// Strict relationship types, and an XML decoder that refuses DTDs, bounds the
// nesting depth and folds ISO Strict namespaces onto the Transitional ones.
//
// It uses archive/zip and encoding/xml only. Nothing here ever writes to disk
// or fetches anything: entry names (absolute, "../", backslashes) are only
// ever used as keys for lookup.
package ooxml

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/zipdir"
	"github.com/tollgate-dev/tollgate/internal/limits"
)

// ErrNoPart is returned (wrapped) by Part when the package has no such part.
// Callers use errors.Is to tell "absent" (often fine: docProps, comments)
// from "present but unreadable" (a *document.Fault).
var ErrNoPart = errors.New("no such part in the package")

// Package is an opened OOXML zip container. It is not safe for concurrent
// use: the running inflated-bytes total is shared by all reads.
type Package struct {
	path    string
	lim     limits.Limits
	entries map[string]*zip.File // key: partKey(name)
	order   []string             // entry names as written, first copies only, zip order
	// inflated counts bytes read from all parts so far, against
	// lim.PackageBytes: many parts each under part_bytes must not add up to
	// an unbounded total.
	inflated     int64
	notes        []string
	contentTypes *contentTypes // lazily loaded; nil until first use
}

// Open reads the zip central directory of r and indexes its entries. It
// reads no part yet. The error is a *document.Fault: TG-READ-001 when r is
// not a readable zip, TG-LIMIT-001 when it has more entries than
// lim.ZipEntries.
func Open(r io.ReaderAt, size int64, filePath string, lim limits.Limits) (*Package, error) {
	loc := document.Loc{Path: filePath}
	// Count the entries from the end-of-central-directory record before
	// zip.NewReader allocates one *zip.File per entry: a crafted directory
	// of millions of entries would otherwise cost memory before the limit
	// could be applied.
	if n, ok := declaredEntries(r, size); ok && lim.ZipEntries > 0 && n > lim.ZipEntries {
		return nil, entriesFault(loc, n, lim)
	}
	// The declared count can lie (archive/zip checks it only modulo
	// 65,536): count the directory's records themselves, up to the limit.
	if n, ok := zipdir.Count(r, size, lim.ZipEntries); ok && lim.ZipEntries > 0 && n > lim.ZipEntries {
		return nil, entriesFault(loc, n, lim)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, document.Faultf(document.ReadCorrupt, loc, err,
			"not a readable zip package: the file is corrupt or truncated")
	}
	if lim.ZipEntries > 0 && len(zr.File) > lim.ZipEntries {
		return nil, entriesFault(loc, len(zr.File), lim)
	}
	p := &Package{path: filePath, lim: lim, entries: make(map[string]*zip.File, len(zr.File))}
	if err != nil { // zip.ErrInsecurePath: harmless here, names are lookup keys only
		p.notes = append(p.notes, "zip package has entry names with absolute or parent-directory paths; they are used only for lookup")
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue // directory entry
		}
		key := partKey(f.Name)
		if _, dup := p.entries[key]; dup {
			p.notes = append(p.notes, fmt.Sprintf("duplicate zip entry %q: the first copy is used", f.Name))
			continue
		}
		p.entries[key] = f
		p.order = append(p.order, f.Name)
	}
	return p, nil
}

func entriesFault(loc document.Loc, n int, lim limits.Limits) *document.Fault {
	return document.LimitFault(limits.KeyZipEntries, loc, nil,
		"zip package has %d entries, more than %d (limits.zip_entries)", n, lim.ZipEntries)
}

// declaredEntries reads the total entry count from the end-of-central-
// directory record. ok is false when the record is not found or the count
// is the zip64 escape value (then zip.NewReader's own count is checked).
func declaredEntries(r io.ReaderAt, size int64) (int, bool) {
	const eocdLen = 22
	const maxComment = 65535
	if size < eocdLen {
		return 0, false
	}
	tail := int64(eocdLen + maxComment)
	if tail > size {
		tail = size
	}
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && !errors.Is(err, io.EOF) {
		return 0, false
	}
	for i := len(buf) - eocdLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(buf[i:]) != 0x06054b50 {
			continue
		}
		n := binary.LittleEndian.Uint16(buf[i+10:])
		if n == 0xFFFF {
			return 0, false
		}
		return int(n), true
	}
	return 0, false
}

// partKey is the lookup key of a part name: OPC part names are
// case-insensitive and start at the package root, and some producers write
// backslashes or a leading slash.
func partKey(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = strings.TrimLeft(name, "/")
	return strings.ToLower(name)
}

// Limits are the limits the package was opened with; readers decode its
// parts under the same ones.
func (p *Package) Limits() limits.Limits { return p.lim }

// Path is the file path the package was opened from (for locations).
func (p *Package) Path() string { return p.path }

// Notes are observations made while reading the package that are not
// faults (duplicate entries, DTDs refused in optional parts…). Readers copy
// them into Tree.Notes.
func (p *Package) Notes() []string { return p.notes }

// AddNote records an observation about the package.
func (p *Package) AddNote(format string, args ...any) {
	p.notes = append(p.notes, fmt.Sprintf(format, args...))
}

// Names lists the part names in zip order (first copies of duplicates only).
func (p *Package) Names() []string { return append([]string(nil), p.order...) }

// Has reports whether the package holds the named part.
func (p *Package) Has(name string) bool {
	_, ok := p.entries[partKey(name)]
	return ok
}

// Part reads one part fully through the caps: at most lim.PartBytes
// inflated bytes for this part and lim.PackageBytes for all reads from the
// package together. Reading stops one byte past a cap, so a zip bomb costs
// no more than the cap. A missing part is ErrNoPart; every other error is a
// *document.Fault (TG-LIMIT-001 for a cap, TG-READ-001 for a CRC error or
// a damaged entry).
func (p *Package) Part(name string) ([]byte, error) {
	f, ok := p.entries[partKey(name)]
	if !ok {
		return nil, fmt.Errorf("part %s: %w", name, ErrNoPart)
	}
	return p.read(f)
}

func (p *Package) read(f *zip.File) ([]byte, error) {
	loc := document.Loc{Path: p.path}
	partCap := p.lim.PartBytes
	if partCap <= 0 {
		partCap = limits.Default().PartBytes
	}
	pkgCap := p.lim.PackageBytes
	if pkgCap <= 0 {
		pkgCap = limits.Default().PackageBytes
	}
	left := pkgCap - p.inflated
	// The declared size may lie (it is only checked against the data at
	// EOF), but when it already says "too big" there is no need to inflate
	// anything to refuse.
	if f.UncompressedSize64 > uint64(partCap) {
		return nil, partCapFault(loc, f.Name, partCap)
	}
	if f.UncompressedSize64 > uint64(max(left, 0)) {
		return nil, packageCapFault(loc, f.Name, pkgCap)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, document.Faultf(document.ReadCorrupt, loc, err,
			"part %s cannot be opened: %s", f.Name, openReason(err))
	}
	defer rc.Close()
	limit := min(partCap, left)
	var buf bytes.Buffer
	buf.Grow(int(min(int64(f.UncompressedSize64), limit) + 1))
	n, err := io.Copy(&buf, io.LimitReader(rc, limit+1))
	p.inflated += n
	if err != nil {
		return nil, document.Faultf(document.ReadCorrupt, loc, err,
			"part %s is corrupt: %s", f.Name, openReason(err))
	}
	if n > limit {
		if limit == partCap {
			return nil, partCapFault(loc, f.Name, partCap)
		}
		return nil, packageCapFault(loc, f.Name, pkgCap)
	}
	return buf.Bytes(), nil
}

func partCapFault(loc document.Loc, name string, capBytes int64) *document.Fault {
	return document.LimitFault(limits.KeyPartBytes, loc, nil,
		"part %s inflates to more than %s (limits.part_bytes)", name, humanBytes(capBytes))
}

func packageCapFault(loc document.Loc, name string, capBytes int64) *document.Fault {
	return document.LimitFault(limits.KeyPackageBytes, loc, nil,
		"reading part %s takes the package past %s inflated (limits.package_bytes)", name, humanBytes(capBytes))
}

func openReason(err error) string {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "checksum (CRC) mismatch"
	case errors.Is(err, zip.ErrAlgorithm):
		return "unsupported compression method"
	case errors.Is(err, zip.ErrFormat):
		// archive/zip reports a part that inflates past (or short of) the
		// size its directory entry declares as a format error.
		return "its inflated size does not match the size declared in the zip directory"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "data ends early (truncated)"
	default:
		return err.Error()
	}
}

// humanBytes renders a byte count the way limits are written in config
// ("64 MiB").
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// VerifyAll reads every entry through the same caps, which makes
// archive/zip check each CRC. Third-party readers (excelize) can loop
// forever on a part with a bad CRC, so the xlsx reader calls this before
// handing them the bytes. It stops at the first problem or when ctx is done.
func (p *Package) VerifyAll(ctx context.Context) error {
	for _, name := range p.order {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("verifying %s: %w", p.path, err)
		}
		if _, err := p.read(p.entries[partKey(name)]); err != nil {
			return err
		}
	}
	return nil
}

// resolveTarget turns a relationship target into a part name: absolute
// targets start at the package root, relative ones at the source part's
// folder. The result is cleaned; a target that climbs out of the package
// ("../../x") simply names no part.
func resolveTarget(sourcePart, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	if unescaped, err := pathUnescape(target); err == nil {
		target = unescaped
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(sourcePart), target)), "/")
}

// pathUnescape decodes %XX escapes (targets are URIs: "Status%20Report").
func pathUnescape(s string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return "", fmt.Errorf("bad escape in %q", s)
		}
		b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
		i += 2
	}
	return b.String(), nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
