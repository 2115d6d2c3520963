package xlsx

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// TestAttack10LyingZipDirectory (issue 11, defect 10): the workbook
// reader counts the central directory before archive/zip builds it; it
// did no pre-count at all.
func TestAttack10LyingZipDirectory(t *testing.T) {
	zb := testdocs.LyingZip(4*65536 + 3)
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	_, err := Read(context.Background(), bytes.NewReader(zb), int64(len(zb)), "plan.xlsx", limits.Default())
	runtime.ReadMemStats(&b)
	if err == nil || !strings.Contains(err.Error(), "zip_entries") {
		t.Errorf("Read: %v", err)
	}
	if got := b.TotalAlloc - a.TotalAlloc; got > 16<<20 {
		t.Errorf("reading allocated %d MB before refusing", got>>20)
	}
}
