// Package zipdir counts the entries of a zip central directory without
// building them. zip.NewReader allocates one *zip.File per directory
// record and compares the total with the end record's count only modulo
// 65,536, so a file whose end record declares 3 entries while the
// directory holds 1,048,579 passes a check of the declared count and
// costs hundreds of megabytes before any limit can refuse it. Count walks
// the records themselves and stops one past the limit.
package zipdir

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
)

const (
	eocdLen    = 22
	maxComment = 65535
	cdHeader   = 46
	cdSig      = 0x02014b50
)

// Count returns the number of central directory records of the zip in r,
// counting no further than limit+1 (so a result over limit means "too many").
// ok is false when no end record is found (zip.NewReader then reports the
// file as corrupt).
func Count(r io.ReaderAt, size int64, limit int) (n int, ok bool) {
	tail := min(size, eocdLen+maxComment)
	if tail < eocdLen {
		return 0, false
	}
	buf := make([]byte, tail)
	if k, err := r.ReadAt(buf, size-tail); err != nil && !(errors.Is(err, io.EOF) && int64(k) == tail) {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen {
		return 0, false
	}
	end := size - tail + int64(i) // where the end record starts
	dirSize := int64(binary.LittleEndian.Uint32(buf[i+12:]))
	dirOff := int64(binary.LittleEndian.Uint32(buf[i+16:]))
	if dirSize == 0xFFFFFFFF || dirOff == 0xFFFFFFFF {
		if s, o, ok := zip64Directory(r, end, size); ok {
			dirSize, dirOff = s, o
		}
	}
	// archive/zip reads the directory at its declared offset, or (data
	// prepended to the archive) at the end record minus the directory
	// size: count from both and keep the larger.
	n = countFrom(r, dirOff, size, limit)
	if alt := end - dirSize; alt >= 0 && alt != dirOff {
		n = max(n, countFrom(r, alt, size, limit))
	}
	return n, true
}

// countFrom counts consecutive central directory records starting at off.
func countFrom(r io.ReaderAt, off, size int64, limit int) int {
	if off < 0 || off >= size {
		return 0
	}
	br := bufio.NewReaderSize(io.NewSectionReader(r, off, size-off), 64<<10)
	var hdr [cdHeader]byte
	n := 0
	for n <= limit {
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			break
		}
		if binary.LittleEndian.Uint32(hdr[:]) != cdSig {
			break
		}
		n++
		skip := int(binary.LittleEndian.Uint16(hdr[28:])) + int(binary.LittleEndian.Uint16(hdr[30:])) + int(binary.LittleEndian.Uint16(hdr[32:]))
		if _, err := br.Discard(skip); err != nil {
			break
		}
	}
	return n
}

// zip64Directory reads the directory size and offset from the zip64 end
// record that the locator just before the end record points to.
func zip64Directory(r io.ReaderAt, end, size int64) (dirSize, dirOff int64, ok bool) {
	loc := end - 20
	if loc < 0 {
		return 0, 0, false
	}
	var lb [20]byte
	if _, err := r.ReadAt(lb[:], loc); err != nil || !bytes.Equal(lb[:4], []byte("PK\x06\x07")) {
		return 0, 0, false
	}
	recOff := int64(binary.LittleEndian.Uint64(lb[8:]))
	var rec [56]byte
	if recOff < 0 || recOff > size-56 {
		return 0, 0, false
	}
	if _, err := r.ReadAt(rec[:], recOff); err != nil || !bytes.Equal(rec[:4], []byte("PK\x06\x06")) {
		return 0, 0, false
	}
	return int64(binary.LittleEndian.Uint64(rec[40:])), int64(binary.LittleEndian.Uint64(rec[48:])), true
}
