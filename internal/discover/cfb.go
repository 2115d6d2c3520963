package discover

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
)

// cfbMagic opens every OLE compound file (MS-CFB): legacy .doc/.xls/.ppt,
// .mpp, and also encrypted OOXML, which Office wraps in a compound file
// holding EncryptionInfo and EncryptedPackage streams.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Special sector numbers of the FAT (MS-CFB 2.2).
const (
	cfbMaxRegSect = 0xFFFFFFFA
	cfbEndOfChain = 0xFFFFFFFE
	cfbNoStream   = 0xFFFFFFFF
	cfbHeaderSize = 512
	cfbDirEntry   = 128
	cfbHeaderFAT  = 109 // DIFAT entries held in the header
)

// cfbNames reads the directory of a compound file and returns the names of
// the root storage's direct children (streams and storages). Only the root
// level says what the file is: a .doc with an embedded workbook has a
// "Workbook" stream too, but inside an ObjectPool storage.
//
// Every loop is bounded by the number of sectors the file can hold and
// every chain is checked for cycles, so a hostile directory ends in an
// error, never a hang or a panic.
func cfbNames(r io.ReaderAt, size int64) ([]string, error) {
	var hdr [cfbHeaderSize]byte
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	shift := binary.LittleEndian.Uint16(hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return nil, fmt.Errorf("sector size shift %d is neither 9 nor 12", shift)
	}
	secSize := int64(1) << shift
	nSectors := (size - secSize + secSize - 1) / secSize // sectors after the header sector
	if nSectors <= 0 {
		return nil, errors.New("no sectors after the header")
	}
	if nSectors > cfbMaxRegSect {
		nSectors = cfbMaxRegSect
	}
	numFAT := int64(binary.LittleEndian.Uint32(hdr[0x2C:]))
	firstDir := binary.LittleEndian.Uint32(hdr[0x30:])
	firstDIFAT := binary.LittleEndian.Uint32(hdr[0x44:])
	if numFAT > nSectors {
		return nil, fmt.Errorf("header claims %d FAT sectors in a file of %d sectors", numFAT, nSectors)
	}
	readSector := func(n uint32) ([]byte, error) {
		if int64(n) >= nSectors {
			return nil, fmt.Errorf("sector %d is past the end of the file", n)
		}
		buf := make([]byte, secSize)
		off := (int64(n) + 1) * secSize
		k, err := r.ReadAt(buf, off)
		if err != nil && !(errors.Is(err, io.EOF) && k > 0) {
			return nil, fmt.Errorf("read sector %d: %w", n, err)
		}
		return buf, nil
	}

	// FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
	fatSecs := make([]uint32, 0, numFAT)
	for i := 0; i < cfbHeaderFAT && int64(len(fatSecs)) < numFAT; i++ {
		fatSecs = append(fatSecs, binary.LittleEndian.Uint32(hdr[0x4C+4*i:]))
	}
	seen := map[uint32]bool{}
	per := int(secSize/4) - 1
	for s := firstDIFAT; int64(len(fatSecs)) < numFAT && s <= cfbMaxRegSect; {
		if seen[s] {
			return nil, errors.New("DIFAT chain loops")
		}
		seen[s] = true
		buf, err := readSector(s)
		if err != nil {
			return nil, fmt.Errorf("DIFAT: %w", err)
		}
		for i := 0; i < per && int64(len(fatSecs)) < numFAT; i++ {
			fatSecs = append(fatSecs, binary.LittleEndian.Uint32(buf[4*i:]))
		}
		s = binary.LittleEndian.Uint32(buf[4*per:])
	}
	if int64(len(fatSecs)) < numFAT {
		return nil, fmt.Errorf("found %d of %d FAT sectors", len(fatSecs), numFAT)
	}
	// FAT entries are looked up one at a time: only the directory chain is
	// followed, so the whole table (up to a quarter of the file) is never
	// held in memory.
	perFAT := uint32(secSize / 4)
	nextSector := func(s uint32) (uint32, error) {
		i := s / perFAT
		if int(i) >= len(fatSecs) {
			return 0, fmt.Errorf("sector %d is not covered by the FAT", s)
		}
		buf, err := readSector(fatSecs[i])
		if err != nil {
			return 0, fmt.Errorf("FAT: %w", err)
		}
		return binary.LittleEndian.Uint32(buf[4*(s%perFAT):]), nil
	}

	// Directory: follow its chain, at most one visit per sector.
	var dir []byte
	visited := map[uint32]bool{}
	for s := firstDir; s != cfbEndOfChain; {
		if s > cfbMaxRegSect {
			return nil, fmt.Errorf("directory chain points at sector %#x", s)
		}
		if visited[s] {
			return nil, errors.New("directory chain loops")
		}
		visited[s] = true
		buf, err := readSector(s)
		if err != nil {
			return nil, fmt.Errorf("directory: %w", err)
		}
		dir = append(dir, buf...)
		if s, err = nextSector(s); err != nil {
			return nil, err
		}
	}
	nEntries := len(dir) / cfbDirEntry
	if nEntries == 0 {
		return nil, errors.New("empty directory")
	}
	entry := func(i uint32) []byte { return dir[int(i)*cfbDirEntry : int(i+1)*cfbDirEntry] }
	if typ := entry(0)[0x42]; typ != 5 {
		return nil, fmt.Errorf("first directory entry is type %d, not the root storage", typ)
	}

	// The root's children form a red-black tree linked through the left
	// and right sibling fields, starting at the root's child field.
	var names []string
	done := map[uint32]bool{}
	stack := []uint32{binary.LittleEndian.Uint32(entry(0)[0x4C:])}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if id == cfbNoStream {
			continue
		}
		if int(id) >= nEntries {
			return nil, fmt.Errorf("directory entry %d is past the directory (%d entries)", id, nEntries)
		}
		if done[id] {
			return nil, errors.New("directory tree loops")
		}
		done[id] = true
		e := entry(id)
		names = append(names, cfbEntryName(e))
		stack = append(stack, binary.LittleEndian.Uint32(e[0x44:]), binary.LittleEndian.Uint32(e[0x48:]))
	}
	return names, nil
}

// cfbEntryName decodes the UTF-16LE name of a directory entry; the length
// field counts bytes including the terminating NUL.
func cfbEntryName(e []byte) string {
	n := int(binary.LittleEndian.Uint16(e[0x40:]))
	if n > 64 {
		n = 64
	}
	n = n / 2
	u := make([]uint16, 0, n)
	for i := 0; i < n; i++ {
		c := binary.LittleEndian.Uint16(e[2*i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}
