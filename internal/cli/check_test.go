package cli

import (
	"runtime"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// The compilation is split among the cores only when the reading is
// short: the example program and a 1,000-task MS Project schedule split
// it, a 10,000-task schedule in any format does not.
func TestCompileWorkersFollowTheReading(t *testing.T) {
	f := func(format document.Format, size int64) discover.File {
		return discover.File{Format: format, Size: size}
	}
	cores := runtime.GOMAXPROCS(0)
	for name, c := range map[string]struct {
		files []discover.File
		want  int
	}{
		"example program": {[]discover.File{f(document.FormatDocx, 34190), f(document.FormatDocx, 34533), f(document.FormatDocx, 35372),
			f(document.FormatXlsx, 68837), f(document.FormatXlsx, 9541), f(document.FormatMD, 5451)}, cores},
		"1,000-task MS Project XML":  {[]discover.File{f(document.FormatMSPDI, 985343)}, cores},
		"10,000-task MS Project XML": {[]discover.File{f(document.FormatMSPDI, 9853273)}, 1},
		"10,000-task CSV":            {[]discover.File{f(document.FormatCSV, 838643)}, 1},
		"10,000-task Excel export":   {[]discover.File{f(document.FormatXlsx, 568567)}, 1},
	} {
		if got := compileWorkers(c.files); got != c.want {
			t.Errorf("%s: %d compile workers, want %d", name, got, c.want)
		}
	}
}
