package normalize

import (
	"fmt"
	"strings"

	"github.com/tollgate-dev/tollgate/internal/artifact"
	"github.com/tollgate-dev/tollgate/internal/document"
)

// UnreadTable is the diagnostic code of a table that has the shape of the
// document kind's table but whose rows could not be read into it; the
// pipeline reports it as a TG-TABLE-001 warning. Nothing is dropped
// silently: the rows stay in the envelope's tables.
const UnreadTable = "TG-TABLE-001"

// unreadTable records that table g looks like what (a "risk register")
// but was not read as one: the header seen and the columns understood.
func unreadTable(t *doc, a *artifact.Artifact, g grid, h header, what string) {
	var seen, known []string
	for _, c := range g.rows[h.idx].cells {
		if s := strings.TrimSpace(c.Text); s != "" {
			seen = append(seen, s)
		}
	}
	known = append(known, sortedKeys(h.cols)...)
	diag(a, "warning", UnreadTable, g.loc(t.Path, g.rows[h.idx], -1),
		"a table looks like a %s but its rows could not be read: header %q; columns understood: %s (not enough to read the rows)",
		what, strings.Join(seen, " | "), strings.Join(known, ", "))
}

// noRows records that a document of a tabular kind yielded no rows at all:
// which tables it has, so the user sees why.
func noRows(t *doc, a *artifact.Artifact, what string) {
	if len(t.grids) == 0 {
		diag(a, "warning", UnreadTable, t.docLoc(), "no table was found, so no %s could be read", what)
		return
	}
	var heads []string
	for i, g := range t.grids {
		if i == 3 {
			heads = append(heads, fmt.Sprintf("and %d more", len(t.grids)-3))
			break
		}
		if hi := firstTextRow(g); hi >= 0 {
			var cells []string
			for _, c := range g.rows[hi].cells {
				if s := strings.TrimSpace(c.Text); s != "" {
					cells = append(cells, s)
				}
			}
			heads = append(heads, fmt.Sprintf("%q", strings.Join(cells, " | ")))
		}
	}
	diag(a, "warning", UnreadTable, t.docLoc(), "no %s was read from the document's tables: none lists one under a header of that kind (headers seen: %s)", what, strings.Join(heads, "; "))
}

// docLoc is the document as a whole.
func (t *doc) docLoc() document.Loc { return document.Loc{Path: t.Path} }
