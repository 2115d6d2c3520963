package pipeline

import (
	"testing"

	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// The reading counts as short (the compilation split among the cores, the
// collector held off) for the example program and a 1,000-task MS Project
// schedule, not for a 10,000-task schedule in any format.
func TestShortReading(t *testing.T) {
	t.Parallel()
	f := func(format document.Format, size int64) discover.File {
		return discover.File{Format: format, Size: size}
	}
	for name, c := range map[string]struct {
		files []discover.File
		want  bool
	}{
		"example program": {[]discover.File{f(document.FormatDocx, 34190), f(document.FormatDocx, 34533), f(document.FormatDocx, 35372),
			f(document.FormatXlsx, 68837), f(document.FormatXlsx, 9541), f(document.FormatMD, 5451)}, true},
		"1,000-task MS Project XML":  {[]discover.File{f(document.FormatMSPDI, 985343)}, true},
		"10,000-task MS Project XML": {[]discover.File{f(document.FormatMSPDI, 9853273)}, false},
		"10,000-task CSV":            {[]discover.File{f(document.FormatCSV, 838643)}, false},
		"10,000-task Excel export":   {[]discover.File{f(document.FormatXlsx, 568567)}, false},
	} {
		if got := shortReading(c.files); got != c.want {
			t.Errorf("%s: short reading %v, want %v", name, got, c.want)
		}
	}
}
