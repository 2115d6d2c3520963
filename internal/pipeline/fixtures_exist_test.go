package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/document"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
	"github.com/tollgate-dev/tollgate/internal/testdocs/harbor"
)

// Seeded-defect fixtures of the catalog rules on kinds tollgate already
// normalizes (RACI-005/007/008, GEN-005, IVV-004 and the XDOC rules that
// read roles, risks and the IV&V plan). Some need documents the example
// program does not carry (the M3 Resource Management Plan, the RAID log):
// those are written next to the compliant program, which must then still
// raise no finding of the rule, before one defect is seeded.

// extra is a document written next to the compliant program.
type extra struct {
	name string
	add  func(t *testing.T, dir string)
}

// withExtras copies the compliant program and adds the extra documents.
func withExtras(t *testing.T, extras []extra) string {
	t.Helper()
	dir := copyProgram(t)
	for _, x := range extras {
		x.add(t, dir)
	}
	return dir
}

// checkSeeded runs one fixture against base (the failing findings of the
// same submission without the defect), as TestSeededDefects does.
func checkSeeded(t *testing.T, base map[string]bool, dir string, fx seeded) {
	t.Helper()
	checkSeededWith(t, base, dir, fx, func(dir string) *finding.Result { return runDir(t, dir) })
}

// checkSeededWith is checkSeeded with the run the fixture needs (another
// project configuration, other packs).
func checkSeededWith(t *testing.T, base map[string]bool, dir string, fx seeded, run func(dir string) *finding.Result) {
	t.Helper()
	if fx.seed != nil {
		fx.seed(t, dir)
	}
	judgeSeeded(t, newFindings(failing(run(dir)), base), fx)
}

// judgeSeeded asserts what a seeded defect added (fresh): fx.rule fired,
// with every rule of fx.also and no other, its first finding in fx.file at
// fx.loc. Then the fixture counts as passed.
func judgeSeeded(t *testing.T, fresh []finding.Finding, fx seeded) {
	t.Helper()
	var desc []string
	for _, f := range fresh {
		desc = append(desc, f.Rule+" @ "+f.Location.String()+": "+f.Message)
	}
	sort.Strings(desc)
	fired := map[string]bool{}
	var mine []finding.Finding
	for _, f := range fresh {
		fired[f.Rule] = true
		if f.Rule == fx.rule {
			mine = append(mine, f)
		}
	}
	for _, r := range fx.also {
		if !fired[r] {
			t.Errorf("%s should fire with %s", r, fx.rule)
		}
	}
	if len(mine) == 0 {
		t.Fatalf("%s did not fire; new findings:\n  %s", fx.rule, strings.Join(desc, "\n  "))
	}
	for _, f := range fresh {
		if f.Rule != fx.rule && !slices.Contains(fx.also, f.Rule) {
			t.Errorf("another rule fired too; new findings:\n  %s", strings.Join(desc, "\n  "))
			break
		}
	}
	f := mine[0]
	if fx.file != "" && filepath.Base(f.Path) != fx.file {
		t.Errorf("%s fired on %s, want %s", fx.rule, f.Path, fx.file)
	}
	if !locMatches(fx.loc, f.Location) {
		t.Errorf("%s at %+v, want %+v", fx.rule, f.Location, fx.loc)
	}
	t.Logf("new findings:\n  %s", strings.Join(desc, "\n  "))
	fixturePassed(t, fx.rule)
}

const (
	rmpDoc  = "Resource-Management-Plan.docx"
	raidDoc = "RAID-Log.xlsx"
)

// The M3 Resource Management Plan and the RAID log of the Harbor program.
var (
	rmp = extra{"rmp", func(t *testing.T, dir string) {
		if err := harbor.WriteRMP(testdocs.CorpusDir(), filepath.Join(dir, rmpDoc)); err != nil {
			t.Fatal(err)
		}
	}}
	raid = extra{"raid", func(t *testing.T, dir string) {
		if err := harbor.WriteRAID(testdocs.CorpusDir(), filepath.Join(dir, raidDoc)); err != nil {
			t.Fatal(err)
		}
	}}
)

// raciCells sets cells of the Harbor RACI matrix.
func raciCells(kv ...string) func(*testing.T, string) {
	var cs []testdocs.CellChange
	for i := 0; i+1 < len(kv); i += 2 {
		cs = append(cs, testdocs.CellChange{Sheet: "RACI", Cell: kv[i], Value: kv[i+1]})
	}
	return editXlsx(raciDoc, cs...)
}

// existFixtures seed one defect into the compliant program (plus extras).
var existFixtures = []struct {
	seeded
	extras []extra
}{
	// The Program Manager also becomes Responsible for integrating
	// governance and for the mock conversions: R or A on 7 of 10 activities.
	{seeded: seeded{rule: "RACI-005", file: raciDoc, loc: document.Loc{Sheet: "RACI", Row: 1}, seed: raciCells("D5", "R", "D7", "R")}},
	// Integrating governance (M3 3.2, shared) loses its only customer R.
	{seeded: seeded{rule: "RACI-007", file: raciDoc, loc: document.Loc{Sheet: "RACI", Row: 5}, seed: raciCells("K5", "C")}},
	// The provider's Program Manager has not signed the RACI yet (the M3
	// RMP template asks both Program Managers to approve it).
	{seeded: seeded{rule: "IVV-004", file: ivvDoc, seed: editDocx(ivvDoc, testdocs.Edit{Old: wt("Deliverables Under Review"), New: wt("Appendix Notes")})}},
	// A deliverable whose review the IMS does not plan.
	{seeded: seeded{rule: "XDOC-011", file: ivvDoc, loc: document.Loc{Section: "Deliverables Under Review"},
		seed: editDocx(ivvDoc, testdocs.Edit{Old: "Training Plan – reviewed", New: "Interface Control Document – reviewed"})}},
	// The RMP names someone else as the Executive Sponsor: the charter's
	// sponsor is nowhere in the program's personnel.
	{seeded: seeded{rule: "XDOC-003", file: charterDoc, loc: document.Loc{Section: "Executive Sponsor"},
		seed: func(t *testing.T, dir string) {
			rewriteBody(t, filepath.Join(dir, rmpDoc), func(s string) (string, error) {
				return strings.Replace(s, wt("Angela Ruiz"), wt("Paula Grant"), 1), nil
			})
		}}, extras: []extra{rmp}},
	// The training plan is assigned to a resource the program has no role for.
	{seeded: seeded{rule: "XDOC-007", file: imsDoc, loc: document.Loc{Sheet: "Schedule Template", Row: 41},
		seed: editXlsx(imsDoc, testdocs.CellChange{Sheet: "Schedule Template", Cell: "K41", Value: "Training Contractor"})}},
	// The conversion risk (high) is given to someone outside the program.
	{seeded: seeded{rule: "XDOC-008", file: raidDoc, loc: document.Loc{Sheet: "Risk Log", Row: 3},
		seed: editXlsx(raidDoc, testdocs.CellChange{Sheet: "Risk Log", Cell: "M3", Value: "Jordan Blake"})}, extras: []extra{rmp, raid}},
	// IV&V now reports to the Program Manager whose program it reviews.
	{seeded: seeded{rule: "XDOC-010", file: ivvDoc,
		seed: editDocx(ivvDoc, testdocs.Edit{Old: "reports directly to the Executive Sponsor, not to the Program Manager", New: "reports directly to the Program Manager"})}},
	// The Functional Lead's staffing gap loses its target date.
	{seeded: seeded{rule: "RACI-008", file: rmpDoc, loc: document.Loc{Table: harbor.RMPRolesTable, Row: harbor.RMPRoleRow("Functional Lead (Provider)")},
		seed: editDocx(rmpDoc, testdocs.Edit{Old: " – assigned by December 1, 2026", New: ""})}, extras: []extra{rmp}},
}

// TestSeededDefectsExist: the compliant program (with the fixture's extra
// documents) raises no finding of the rule; the seeded defect makes exactly
// that rule fail, at the expected location.
func TestSeededDefectsExist(t *testing.T) {
	t.Parallel()
	bases := map[string]map[string]bool{}
	for _, fx := range existFixtures {
		t.Run(fx.rule, func(t *testing.T) {
			var names []string
			for _, x := range fx.extras {
				names = append(names, x.name)
			}
			id := strings.Join(names, "+")
			base, ok := bases[id]
			if !ok {
				base = map[string]bool{}
				for _, f := range failing(runDir(t, withExtras(t, fx.extras))) {
					base[key(f)] = true
				}
				bases[id] = base
			}
			for k := range base {
				if strings.HasPrefix(k, fx.rule+" ") {
					t.Fatalf("the compliant program (%s) already fails %s: %s", id, fx.rule, k)
				}
			}
			checkSeeded(t, base, withExtras(t, fx.extras), fx.seeded)
		})
	}
}

// TestSeededGEN005InM3Program: in a program that declares the M3 framework,
// the RAID log is the M3 RAID log and owes its template's sign-offs (both
// Program Managers); the log losing the provider PM's signature makes
// GEN-005 fail on it, and nothing else changes. (Outside M3 only a
// document recognised as the M3 artifact owes them: the field corpus holds
// registers of other frameworks.)
func TestSeededGEN005InM3Program(t *testing.T) {
	project := harborProject(t)
	project["framework"] = "m3"
	sd, _ := project["status_date"].(string)
	run := func(dir string) *finding.Result {
		out, err := Run(context.Background(), Options{Engine: engine(t, project), Paths: []string{dir}, Jobs: 2, Limits: limits.Default(),
			Config: statusDate(sd)})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	base := map[string]bool{}
	for _, f := range failing(run(withExtras(t, []extra{raid}))) {
		if f.Rule == "GEN-005" && f.Path == raidDoc {
			t.Fatalf("the compliant RAID log already fails GEN-005: %s", f.Message)
		}
		base[key(f)] = true
	}
	fx := seeded{rule: "GEN-005", file: raidDoc, seed: editXlsx(raidDoc,
		testdocs.CellChange{Sheet: "Approvals", Cell: "D3", Value: ""}, testdocs.CellChange{Sheet: "Approvals", Cell: "E3", Value: ""})}
	checkSeededWith(t, base, withExtras(t, []extra{raid}), fx, run)
}
