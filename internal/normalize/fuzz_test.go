package normalize

import (
	"bytes"
	"context"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/extract/xlsx"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// corpusPredecessors returns the texts of every Predecessors cell in the
// corpus schedules and the example IMS, as the workbooks hold them.
func corpusPredecessors(f *testing.F) []string {
	ims, err := os.ReadFile("../../examples/harbor/Integrated-Master-Schedule.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	files := [][]byte{ims}
	for _, name := range []string{"gsa/M3-Playbook-Master-Schedule-Template.xlsx", "packt-tpm2e/Project Plan.xlsx"} {
		files = append(files, testdocs.Corpus(f, name))
	}
	var out []string
	for _, b := range files {
		tr, err := xlsx.Read(context.Background(), bytes.NewReader(b), int64(len(b)), "seed.xlsx", limits.Default())
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range tr.Sheets {
			col := "" // column letters of the Predecessors header
			for _, r := range s.Rows {
				for i, c := range r.Cells {
					letters := strings.TrimRight(document.CellRef(i+1, r.Num), "0123456789")
					switch {
					case col == "" && strings.Contains(strings.ToLower(c.Text), "predecessor"):
						col = letters
					case col != "" && letters == col && c.Text != "":
						out = append(out, c.Text)
					}
				}
			}
		}
	}
	return out
}

// FuzzParsePredecessors: any text gives links and unreadable parts, never
// a panic; every link has a reference and a known type and a finite lag.
func FuzzParsePredecessors(f *testing.F) {
	for _, s := range corpusPredecessors(f) {
		f.Add(s)
	}
	for _, s := range []string{"12", "12SS+3d", "7; 9SF", "8FS+50%", "3 FS + 2 days", "5SS+3ed", "after 12, 4, 12FS+3 fortnights"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		links, _ := parsePredecessors(s)
		for _, l := range links {
			if l.ref == "" {
				t.Fatalf("%q: link without a reference", s)
			}
			switch l.typ {
			case "FS", "SS", "FF", "SF":
			default:
				t.Fatalf("%q: link type %q", s, l.typ)
			}
			if math.IsNaN(l.lagDays) || math.IsInf(l.lagDays, 0) {
				t.Fatalf("%q: lag %v", s, l.lagDays)
			}
		}
	})
}
