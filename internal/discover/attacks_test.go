package discover

import (
	"archive/zip"
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/ooxml"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// allocated is the bytes fn allocates.
func allocated(fn func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestAttack10LyingZipDirectory (issue 11, defect 10): a zip whose end
// record declares 3 entries while its directory holds 4 × 65,536 + 3 is
// refused by the sniffer and the package layer while counting the
// directory, before archive/zip builds every entry (which costs over
// 60 MB here; the counting costs well under 16 MB).
func TestAttack10LyingZipDirectory(t *testing.T) {
	const n = 4*65536 + 3
	zb := testdocs.LyingZip(n)
	if zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb))); err != nil || len(zr.File) != n {
		t.Fatalf("the fixture is not the attack: %v", err)
	}
	lim := limits.Default()
	var fault *document.Fault
	got := allocated(func() { _, fault = Sniff(bytes.NewReader(zb), int64(len(zb)), "plan.xlsx", lim) })
	if fault == nil || fault.Rule != document.LimitHit || !strings.Contains(fault.Message, "zip_entries") {
		t.Errorf("sniff: fault %v", fault)
	}
	if got > 16<<20 {
		t.Errorf("sniffing allocated %d MB before refusing", got>>20)
	}
	var err error
	got = allocated(func() { _, err = ooxml.Open(bytes.NewReader(zb), int64(len(zb)), "plan.docx", lim) })
	if err == nil || !strings.Contains(err.Error(), "zip_entries") {
		t.Errorf("ooxml.Open: %v", err)
	}
	if got > 16<<20 {
		t.Errorf("ooxml.Open allocated %d MB before refusing", got>>20)
	}
}
