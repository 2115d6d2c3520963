package testdocs

import (
	"bytes"
	"encoding/binary"
)

// LyingZip is a zip whose central directory holds n records while its end
// record declares n modulo 65,536 (issue 11, defect 10): archive/zip
// accepts it, building every record, and a check of the declared count
// alone sees a small package. One local file ("[Content_Types].xml",
// empty, stored) opens it so it sniffs as a zip; every directory record
// names that file.
func LyingZip(n int) []byte {
	const name = "[Content_Types].xml"
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	// Local file header.
	le(uint32(0x04034b50))
	le(uint16(20)) // version needed
	le(uint16(0))  // flags
	le(uint16(0))  // stored
	le(uint32(0))  // time, date
	le(uint32(0))  // crc
	le(uint32(0))  // compressed size
	le(uint32(0))  // uncompressed size
	le(uint16(len(name)))
	le(uint16(0))
	b.WriteString(name)
	dirOff := b.Len()
	for i := 0; i < n; i++ {
		le(uint32(0x02014b50))
		le(uint16(20)) // made by
		le(uint16(20)) // needed
		le(uint16(0))  // flags
		le(uint16(0))  // method
		le(uint32(0))  // time, date
		le(uint32(0))  // crc
		le(uint32(0))  // compressed
		le(uint32(0))  // uncompressed
		le(uint16(len(name)))
		le(uint16(0)) // extra
		le(uint16(0)) // comment
		le(uint16(0)) // disk
		le(uint16(0)) // internal attrs
		le(uint32(0)) // external attrs
		le(uint32(0)) // local header offset
		b.WriteString(name)
	}
	dirSize := b.Len() - dirOff
	le(uint32(0x06054b50))
	le(uint16(0))
	le(uint16(0))
	le(uint16(n % 65536))
	le(uint16(n % 65536))
	le(uint32(dirSize))
	le(uint32(dirOff))
	le(uint16(0))
	return b.Bytes()
}
